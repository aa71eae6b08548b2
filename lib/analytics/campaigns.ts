// Campaign windows of a scope, for shading charts: the ecosystem's campaigns and the project's own.
import { prisma } from "@/lib/db";

export interface CampaignWindow {
  id: number;
  name: string;
  kind: string;
  startAt: Date;
  endAt: Date;
}

export async function listCampaignWindows(projectId: number | null): Promise<CampaignWindow[]> {
  return prisma.campaign.findMany({
    where: projectId === null ? {} : { OR: [{ projectId: null }, { projectId }] },
    select: { id: true, name: true, kind: true, startAt: true, endAt: true },
    orderBy: { startAt: "asc" },
  });
}
