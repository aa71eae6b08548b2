import { z } from "zod";
import { CampaignKind } from "@/lib/generated/prisma/enums";
import { apiId, instant, pageOf, pageQuery, queryId } from "./common";

export const campaignSchema = z.strictObject({
  id: apiId,
  name: z.string(),
  kind: z.enum(CampaignKind),
  projectId: apiId.nullable().describe("null: across the whole ecosystem"),
  startAt: instant,
  endAt: instant,
  createdAt: instant,
});
export type CampaignView = z.output<typeof campaignSchema>;

export const createCampaignBodySchema = z.strictObject({
  name: z.string().trim().min(3).max(120),
  kind: z.enum(CampaignKind),
  projectId: apiId.nullable().describe("null (admins only): an ecosystem-wide campaign"),
  startAt: instant,
  endAt: instant.describe("after startAt"),
});

export const updateCampaignBodySchema = z.strictObject({
  name: z.string().trim().min(3).max(120).optional(),
  kind: z.enum(CampaignKind).optional(),
  projectId: apiId.nullable().optional().describe("move it to another project you maintain; null (admins only): ecosystem-wide"),
  startAt: instant.optional(),
  endAt: instant.optional(),
});

export const listCampaignsQuerySchema = z.strictObject({
  ...pageQuery,
  projectId: z.union([z.literal("ecosystem"), queryId]).optional().describe("a project's id, or ecosystem for ecosystem-wide campaigns"),
  kind: z.enum(CampaignKind).optional(),
  activeFrom: instant.optional().describe("campaigns still running at or after this instant"),
  activeTo: instant.optional().describe("campaigns started before this instant"),
});

export const campaignPageSchema = pageOf(campaignSchema);
