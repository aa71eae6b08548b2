// The record an audit event keeps of a campaign: every column, so before/after tell the whole story.
import type { Tx } from "@/lib/db";

export const CAMPAIGN_SELECT = { id: true, name: true, kind: true, projectId: true, startAt: true, endAt: true, createdAt: true } as const;

export interface CampaignSnapshot {
  id: number;
  name: string;
  kind: string;
  projectId: number | null;
  startAt: Date;
  endAt: Date;
  createdAt: Date;
}

export async function loadCampaignSnapshot(tx: Tx, id: number): Promise<CampaignSnapshot | null> {
  return tx.campaign.findUnique({ where: { id }, select: CAMPAIGN_SELECT });
}
