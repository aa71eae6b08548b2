// Dispute reads for the API: the record after a decision (the caller was just allowed to make it).
import { prisma } from "@/lib/db";
import type { DisputeView } from "../schemas/disputes";

export async function getDisputeView(id: number): Promise<DisputeView | null> {
  const d = await prisma.dispute.findUnique({
    where: { id },
    select: { id: true, subject: true, linkId: true, contributionId: true, raisedById: true, reason: true, resolution: true, resolutionNote: true, resolvedById: true, createdAt: true, resolvedAt: true },
  });
  return d && { ...d, createdAt: d.createdAt.toISOString(), resolvedAt: d.resolvedAt?.toISOString() ?? null };
}
