import { z } from "zod";
import { DisputeResolution, DisputeSubject, LinkType } from "@/lib/generated/prisma/enums";
import { apiId, instant } from "./common";
import { linkSchema } from "./links";

export const disputeSchema = z.strictObject({
  id: apiId,
  subject: z.enum(DisputeSubject),
  linkId: apiId.nullable(),
  contributionId: apiId.nullable(),
  raisedById: apiId,
  reason: z.string(),
  resolution: z.enum(DisputeResolution),
  resolutionNote: z.string(),
  resolvedById: apiId.nullable(),
  createdAt: instant,
  resolvedAt: instant.nullable(),
});
export type DisputeView = z.output<typeof disputeSchema>;

export const resolveDisputeBodySchema = z.strictObject({
  outcome: z.enum(["uphold", "reject"]).describe("uphold: the disputing side is right; reject: the link (or authorship) stands"),
  linkAction: z.enum(["remove", "retype"]).optional().describe("for an upheld link dispute: remove the link (default) or change its type"),
  newType: z.enum(LinkType).optional().describe("the link's new type, with linkAction retype"),
  note: z.string().min(5).max(2000).describe("why, in at least 5 characters (kept with the decision)"),
});

export const disputeResolvedSchema = z.strictObject({ dispute: disputeSchema, link: linkSchema.nullable() });
