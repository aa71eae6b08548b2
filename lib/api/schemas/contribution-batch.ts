// POST /contributions/batch: many contributions, each with its links to earlier work (existing
// contributions by id, or earlier items of the same batch by their ref), in one transaction.
import { z } from "zod";
import { LinkType } from "@/lib/generated/prisma/enums";
import { apiId } from "./common";
import { contributionSchema, createContributionBodySchema } from "./contributions";
import { linkSchema } from "./links";

export const MAX_BATCH_ITEMS = 100;
export const MAX_BATCH_LINKS_PER_ITEM = 20;

const ref = z.string().min(1).max(100);

const batchLink = z.strictObject({
  toId: apiId.optional().describe("an existing, earlier contribution (give toId or toRef)"),
  toRef: ref.optional().describe("the ref of an earlier item of this batch (give toId or toRef)"),
  type: z.enum(LinkType),
  note: z.string().max(500).optional(),
});

const batchItem = z.strictObject({
  ...createContributionBodySchema.shape,
  ref: ref.optional().describe("your name for this item, unique in the batch: later items link to it with toRef"),
  links: z.array(batchLink).max(MAX_BATCH_LINKS_PER_ITEM).optional().describe("what it builds on: older work, or earlier items of the batch"),
});

export const createContributionBatchBodySchema = z.strictObject({
  items: z.array(batchItem).min(1).max(MAX_BATCH_ITEMS).describe(`1–${MAX_BATCH_ITEMS} contributions, written in this order (their ids ascend with it)`),
});

export const contributionBatchResultSchema = z.strictObject({
  items: z.array(z.strictObject({
    ref: ref.nullable(),
    contribution: contributionSchema,
    links: z.array(linkSchema).describe("in the order sent"),
  })).describe("one per item, in the order sent"),
});
