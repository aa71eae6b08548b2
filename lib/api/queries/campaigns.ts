// Campaign reads for the API: campaign windows are public to every signed-in user (dashboards
// shade them; contributors see which work counted as campaign-driven).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { z } from "zod";
import type { CampaignView, listCampaignsQuerySchema } from "../schemas/campaigns";

export const CAMPAIGN_SELECT = { id: true, name: true, kind: true, projectId: true, startAt: true, endAt: true, createdAt: true } as const satisfies Prisma.CampaignSelect;

type Row = Prisma.CampaignGetPayload<{ select: typeof CAMPAIGN_SELECT }>;

export function toCampaignView(c: Row): CampaignView {
  return { id: c.id, name: c.name, kind: c.kind, projectId: c.projectId, startAt: c.startAt.toISOString(), endAt: c.endAt.toISOString(), createdAt: c.createdAt.toISOString() };
}

export function listCampaignRows(q: z.output<typeof listCampaignsQuerySchema>, afterId: number): Promise<Row[]> {
  return prisma.campaign.findMany({
    where: {
      id: { gt: afterId },
      ...(q.projectId === undefined ? {} : { projectId: q.projectId === "ecosystem" ? null : q.projectId }),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.activeFrom ? { endAt: { gte: new Date(q.activeFrom) } } : {}),
      ...(q.activeTo ? { startAt: { lt: new Date(q.activeTo) } } : {}),
    },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: CAMPAIGN_SELECT,
  });
}

export async function getCampaignView(id: number): Promise<CampaignView | null> {
  const c = await prisma.campaign.findUnique({ where: { id }, select: CAMPAIGN_SELECT });
  return c && toCampaignView(c);
}
