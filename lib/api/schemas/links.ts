import { z } from "zod";
import { LinkStatus, LinkType } from "@/lib/generated/prisma/enums";
import { apiId, handleQuery, instant, pageOf, pageQuery, queryId } from "./common";

export const openDisputeSchema = z.strictObject({ id: apiId, reason: z.string(), raisedById: apiId, createdAt: instant });

export const linkSchema = z.strictObject({
  id: apiId,
  fromId: apiId.describe("the newer work, which builds on…"),
  toId: apiId.describe("…this older work"),
  type: z.enum(LinkType),
  status: z.enum(LinkStatus),
  note: z.string(),
  createdById: apiId.nullable(),
  createdAt: instant,
  updatedAt: instant,
  openDispute: openDisputeSchema.nullable(),
});
export type LinkView = z.output<typeof linkSchema>;

export const createLinkBodySchema = z.strictObject({
  fromId: apiId.describe("your contribution"),
  toId: apiId.describe("the earlier work it builds on, cites, reviews or fixes"),
  type: z.enum(LinkType),
  note: z.string().max(500).optional(),
});

export const disputeLinkBodySchema = z.strictObject({
  reason: z.string().min(10).max(2000).describe("why the credit is not due, in at least 10 characters"),
});

export const disputeResultSchema = z.strictObject({ link: linkSchema, dispute: openDisputeSchema });

export const listLinksQuerySchema = z.strictObject({
  ...pageQuery,
  fromId: queryId.optional(),
  toId: queryId.optional(),
  type: z.enum(LinkType).optional(),
  status: z.enum(LinkStatus).optional(),
  projectId: queryId.optional().describe("links whose newer end is in this project"),
  author: handleQuery.optional().describe("links from work this handle co-authored"),
  from: instant.optional().describe("created at or after"),
  to: instant.optional().describe("created before"),
});

export const linkPageSchema = pageOf(linkSchema);
