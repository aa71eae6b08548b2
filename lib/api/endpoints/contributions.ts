import { defineEndpoint } from "../endpoint";
import { idParamsSchema } from "../schemas/common";
import { contributionBatchResultSchema, createContributionBatchBodySchema, MAX_BATCH_ITEMS } from "../schemas/contribution-batch";
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

export const createContributionBatchEndpoint = defineEndpoint({
  operationId: "createContributionBatch", method: "POST", path: "/contributions/batch", tag, scope: "write", status: 201, idempotent: true,
  summary: "Log many contributions with their links",
  description: `Up to ${MAX_BATCH_ITEMS} contributions, each linked to existing earlier work (toId) or to earlier items of the batch (toRef), written in one transaction: all of them or, with a 400 naming the item and field (items.3.links.0.toRef), none. The single create's rules for every item and link. Each item counts as one request against the rate limit.`,
  body: createContributionBatchBodySchema, response: contributionBatchResultSchema,
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
