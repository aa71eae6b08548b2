import { z } from "zod";
import { ContributionKind, ContributionSource, ContributionStatus } from "@/lib/generated/prisma/enums";
import { apiId, booleanQueryDefault, handleQuery, instant, pageOf, pageQuery, queryId } from "./common";

export const contributionSchema = z.strictObject({
  id: apiId,
  projectId: apiId,
  title: z.string(),
  description: z.string(),
  kind: z.enum(ContributionKind),
  status: z.enum(ContributionStatus),
  source: z.enum(ContributionSource),
  occurredAt: instant,
  url: z.string().nullable(),
  version: z.number().int().describe("send it back with an update: a stale version is refused (409)"),
  authors: z.array(z.strictObject({ userId: apiId, handle: z.string(), share: z.number().describe("share of the credit in (0, 1]") })),
  createdAt: instant,
  updatedAt: instant,
  withdrawnAt: instant.nullable(),
});
export type ContributionView = z.output<typeof contributionSchema>;

const coAuthor = z.strictObject({
  handle: z.string().describe("a co-author's handle"),
  sharePercent: z.number().describe("their share, 0–100 with at most two decimals; yours is the rest"),
});

const contributionFields = {
  projectId: apiId,
  title: z.string().min(1).max(200),
  kind: z.enum(ContributionKind),
  occurredAt: z.string().describe("when it happened: an ISO date (read as UTC) or date-time, not in the future"),
  url: z.string().max(2000).nullable().optional(),
  description: z.string().max(10_000).optional(),
  coAuthors: z.array(coAuthor).max(20).optional().describe("you are an author too, with the share left over"),
};

export const createContributionBodySchema = z.strictObject(contributionFields);

export const updateContributionBodySchema = z.strictObject({
  version: z.number().int().min(1).describe("the version you read"),
  ...Object.fromEntries(Object.entries(contributionFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof contributionFields]: z.ZodOptional<(typeof contributionFields)[K]> },
});

export const listContributionsQuerySchema = z.strictObject({
  ...pageQuery,
  projectId: queryId.optional(),
  kind: z.enum(ContributionKind).optional(),
  status: z.enum(ContributionStatus).optional(),
  source: z.enum(ContributionSource).optional(),
  author: handleQuery.optional().describe("only work this handle co-authored"),
  from: instant.optional().describe("occurredAt at or after"),
  to: instant.optional().describe("occurredAt before"),
  includeWithdrawn: booleanQueryDefault(false).describe("withdrawn work you may see (your own, your projects')"),
});

export const contributionPageSchema = pageOf(contributionSchema);
