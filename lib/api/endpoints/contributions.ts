import { defineEndpoint } from "../endpoint";
import { idParamsSchema } from "../schemas/common";
import { contributionPageSchema, contributionSchema, createContributionBodySchema, listContributionsQuerySchema, updateContributionBodySchema } from "../schemas/contributions";

const tag = "Contributions";

export const listContributionsEndpoint = defineEndpoint({
  operationId: "listContributions", method: "GET", path: "/contributions", tag, scope: "read", status: 200,
  summary: "List contributions",
  description: "Every contribution you may see, in id order, filtered; withdrawn work only on request.",
  query: listContributionsQuerySchema, response: contributionPageSchema,
});

export const createContributionEndpoint = defineEndpoint({
  operationId: "createContribution", method: "POST", path: "/contributions", tag, scope: "write", status: 201, idempotent: true,
  summary: "Log a contribution",
  description: "You become its author (with any co-authors). Same rules as the form: an open project, a date not in the future.",
  body: createContributionBodySchema, response: contributionSchema,
});

export const getContributionEndpoint = defineEndpoint({
  operationId: "getContribution", method: "GET", path: "/contributions/{id}", tag, scope: "read", status: 200,
  summary: "Read a contribution", params: idParamsSchema, response: contributionSchema,
});

export const updateContributionEndpoint = defineEndpoint({
  operationId: "updateContribution", method: "PATCH", path: "/contributions/{id}", tag, scope: "write", status: 200,
  summary: "Edit a contribution",
  description: "Its authors only. Send the version you read; fields left out keep their values.",
  params: idParamsSchema, body: updateContributionBodySchema, response: contributionSchema,
});
