import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { idParamsSchema } from "../schemas/common";
import { createLinkBodySchema, disputeLinkBodySchema, disputeResultSchema, linkPageSchema, linkSchema, listLinksQuerySchema } from "../schemas/links";

const tag = "Links";

export const listLinksEndpoint = defineEndpoint({
  operationId: "listLinks", method: "GET", path: "/links", tag, scope: "read", status: 200,
  summary: "List links", description: "Links between contributions you may see, in id order, filtered.",
  query: listLinksQuerySchema, response: linkPageSchema,
});

export const createLinkEndpoint = defineEndpoint({
  operationId: "createLink", method: "POST", path: "/links", tag, scope: "write", status: 201, idempotent: true,
  summary: "Link your work to earlier work",
  description: "From a contribution you authored to older work. Unconfirmed until the target's authors confirm it (confirmed at once when the target is yours).",
  body: createLinkBodySchema, response: linkSchema,
});

export const getLinkEndpoint = defineEndpoint({
  operationId: "getLink", method: "GET", path: "/links/{id}", tag, scope: "read", status: 200,
  summary: "Read a link", params: idParamsSchema, response: linkSchema,
});

export const removeLinkEndpoint = defineEndpoint({
  operationId: "removeLink", method: "DELETE", path: "/links/{id}", tag, scope: "write", status: 200,
  summary: "Take a link back", description: "The linking work's authors. The link stays, with status removed.",
  params: idParamsSchema, response: linkSchema,
});

export const confirmLinkEndpoint = defineEndpoint({
  operationId: "confirmLink", method: "POST", path: "/links/{id}/confirm", tag, scope: "write", status: 200,
  summary: "Confirm a link to your work", description: "The target's authors: the credit is due.",
  params: idParamsSchema, response: linkSchema,
});

export const disputeLinkEndpoint = defineEndpoint({
  operationId: "disputeLink", method: "POST", path: "/links/{id}/disputes", tag, scope: "write", status: 201, idempotent: true,
  summary: "Dispute a link",
  description: "The target's authors or its project's maintainers. Credit stops flowing along it until a maintainer resolves the dispute.",
  params: idParamsSchema, body: disputeLinkBodySchema, response: disputeResultSchema,
});

export type DisputeResult = z.output<typeof disputeResultSchema>;
