// The facts permission rules need about a contribution, and the snapshot audit events store.
import type { Tx } from "@/lib/db";
import type { ContributionAccess } from "@/lib/permissions";

export async function loadContributionAccess(tx: Tx, id: number): Promise<(ContributionAccess & { id: number; occurredAt: Date; title: string }) | null> {
  const c = await tx.contribution.findUnique({
    where: { id },
    select: { id: true, projectId: true, createdById: true, deletedAt: true, occurredAt: true, title: true, authors: { select: { userId: true } } },
  });
  if (!c) return null;
  return { ...c, authorIds: c.authors.map((a) => a.userId) };
}

export async function contributionSnapshot(tx: Tx, id: number) {
  const c = await tx.contribution.findUnique({
    where: { id },
    select: {
      id: true, projectId: true, title: true, description: true, kind: true, occurredAt: true, url: true,
      status: true, version: true, deletedAt: true,
      authors: { select: { userId: true, share: true }, orderBy: { userId: "asc" } },
    },
  });
  return c && { ...c, authors: c.authors.map((a) => ({ userId: a.userId, share: a.share.toString() })) };
}
