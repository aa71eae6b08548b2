// The review queues' inputs: decisions from the forms (and any other caller) and the pages' search
// params. Forms send "id:version" pairs so that a decision names the version it was read at.
import { z } from "zod";
import { LinkType } from "@/lib/generated/prisma/enums";
import { idSchema, pageSchema, text } from "./common";

/** A bulk decision is bounded: one page of the queue at most. */
export const MAX_BULK = 100;

const itemSchema = z
  .string()
  .trim()
  .regex(/^\d{1,10}:\d{1,10}$/, "Not a valid contribution")
  .transform((s) => {
    const [id, version] = s.split(":").map(Number);
    return { id, version };
  })
  .pipe(z.object({ id: z.number().int().min(1, "Not a valid contribution").max(2_147_483_647, "Not a valid contribution"), version: z.number().int().min(1, "Not a valid version").max(2_147_483_647, "Not a valid version") }));

const asList = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

/**
 * One decision on one or more contributions. From the queue's form: a row button sends
 * `row = "accept:<id>:<version>"`; the bulk buttons send `decision` with the ticked `item`s.
 */
export const contributionDecisionSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const r = raw as Record<string, unknown>;
    if (typeof r.row === "string") {
      const [decision, ...rest] = r.row.split(":");
      return { decision, items: [rest.join(":")] };
    }
    return { decision: r.decision, items: asList(r.items ?? r.item) };
  },
  z.object({
    decision: z.enum(["accept", "reject"], { error: "Choose accept or reject" }),
    items: z
      .array(itemSchema)
      .min(1, "Tick at least one contribution")
      .max(MAX_BULK, `At most ${MAX_BULK} contributions at once`)
      .refine((xs) => new Set(xs.map((x) => x.id)).size === xs.length, "A contribution is listed twice"),
  }),
);
export type ContributionDecision = z.output<typeof contributionDecisionSchema>;

const noteSchema = text(2000).pipe(z.string().min(5, "Say why in at least 5 characters"));

/**
 * Resolving a dispute. Upholding a link dispute removes the link or changes its type (`linkAction`);
 * upholding or rejecting an authorship dispute records the decision and its note.
 */
export const disputeResolutionSchema = z
  .object({
    disputeId: idSchema,
    outcome: z.enum(["uphold", "reject"], { error: "Choose uphold or reject" }),
    linkAction: z.enum(["remove", "retype"]).optional().catch(undefined),
    newType: z.preprocess((v) => (v === "" ? undefined : v), z.enum(LinkType, { error: "Choose the link's new type" }).optional()),
    note: noteSchema,
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "uphold" && v.linkAction === "retype" && !v.newType) {
      ctx.addIssue({ code: "custom", path: ["newType"], message: "Choose the link's new type" });
    }
  });
export type DisputeResolutionInput = z.output<typeof disputeResolutionSchema>;

/** A ring is named by its contributions (ascending ids, as ring detection stores them). */
export const ringDecisionSchema = z.object({
  contributionIds: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter((s) => s.trim() !== "") : v),
    z.array(idSchema).min(1, "Not a valid ring").max(10_000, "Not a valid ring"),
  ),
  decision: z.enum(["clear", "confirm"], { error: "Choose clear or confirm" }),
  note: text(2000),
});
export type RingDecisionInput = z.output<typeof ringDecisionSchema>;

export const REVIEW_STATUSES = ["unreviewed", "all", "accepted", "rejected", "quarantined"] as const;

export const contributionQueueQuerySchema = z.object({
  status: z.enum(REVIEW_STATUSES).catch("unreviewed"),
  project: idSchema.optional().catch(undefined),
  page: pageSchema,
});
export type ContributionQueueQuery = z.output<typeof contributionQueueQuerySchema>;

export const disputeQueueQuerySchema = z.object({
  state: z.enum(["open", "resolved"]).catch("open"),
  page: pageSchema,
});
export type DisputeQueueQuery = z.output<typeof disputeQueueQuerySchema>;
