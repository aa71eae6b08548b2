// The admin overview's counts, read in one round trip. Each is what its section lists.
import { prisma } from "@/lib/db";

export interface AdminOverview {
  people: { contributor: number; maintainer: number; admin: number };
  active: number;
  deactivated: number;
  merged: number;
  imported: number;
  unclaimedImported: number;
  projects: number;
  archivedProjects: number;
  contributions: number;
  unreviewed: number;
  openDisputes: number;
  lastRun: { id: number; status: string; finishedAt: Date | null; createdAt: Date; error: string | null; phase: string | null; progress: number } | null;
  recomputeQueued: boolean;
}

export async function getAdminOverview(): Promise<AdminOverview> {
  const [[c], lastRun] = await Promise.all([
    prisma.$queryRaw<Record<string, bigint | boolean>[]>`
      SELECT
        -- people by role: active identities only (a deactivated admin holds no power)
        (SELECT count(*) FROM users WHERE deactivated_at IS NULL AND role = 'contributor') AS contributor,
        (SELECT count(*) FROM users WHERE deactivated_at IS NULL AND role = 'maintainer') AS maintainer,
        (SELECT count(*) FROM users WHERE deactivated_at IS NULL AND role = 'admin') AS admin,
        (SELECT count(*) FROM users WHERE deactivated_at IS NULL) AS active,
        (SELECT count(*) FROM users WHERE deactivated_at IS NOT NULL AND merged_into_id IS NULL) AS deactivated,
        (SELECT count(*) FROM users WHERE merged_into_id IS NOT NULL) AS merged,
        (SELECT count(*) FROM users WHERE is_imported) AS imported,
        (SELECT count(*) FROM users WHERE is_imported AND password_hash IS NULL AND merged_into_id IS NULL) AS unclaimed,
        (SELECT count(*) FROM projects WHERE archived_at IS NULL) AS projects,
        (SELECT count(*) FROM projects WHERE archived_at IS NOT NULL) AS archived,
        (SELECT count(*) FROM contributions WHERE deleted_at IS NULL) AS contributions,
        (SELECT count(*) FROM contributions WHERE deleted_at IS NULL AND status = 'unreviewed') AS unreviewed,
        (SELECT count(*) FROM disputes WHERE resolution = 'open') AS disputes,
        EXISTS (SELECT 1 FROM jobs WHERE kind = 'metrics.recompute' AND status = 'queued') AS queued`,
    prisma.metricRun.findFirst({
      orderBy: { id: "desc" },
      select: { id: true, status: true, finishedAt: true, createdAt: true, error: true, phase: true, progress: true },
    }),
  ]);
  const n = (k: string) => Number(c[k]);
  return {
    people: { contributor: n("contributor"), maintainer: n("maintainer"), admin: n("admin") },
    active: n("active"), deactivated: n("deactivated"), merged: n("merged"), imported: n("imported"), unclaimedImported: n("unclaimed"),
    projects: n("projects"), archivedProjects: n("archived"), contributions: n("contributions"), unreviewed: n("unreviewed"),
    openDisputes: n("disputes"), lastRun, recomputeQueued: c.queued === true,
  };
}
