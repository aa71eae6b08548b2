// The contributions a reviewer decides: live work in the projects they review (admins: every
// project), the longest-waiting first. The project filter sits inside the where, so a maintainer
// never reads another project's queue whatever the URL says.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canReviewContribution, canSeeAllProjects } from "@/lib/permissions";
import type { ContributionQueueQuery } from "@/lib/validation/review";
import { MAX_BULK } from "@/lib/validation/review";
import { getNewestRunId, listStoredRings } from "./stored-rings";

export const QUEUE_PAGE_SIZE = 25;
/** links shown per direction; the counts give the rest */
const LINKS_SHOWN = 3;

/** The projects a reviewer sees, by name. */
export async function listReviewProjects(actor: Actor): Promise<{ id: number; name: string; slug: string }[]> {
  return prisma.project.findMany({
    where: canSeeAllProjects(actor) ? {} : { id: { in: actor.maintainedProjectIds } },
    select: { id: true, name: true, slug: true },
    orderBy: { name: "asc" },
  });
}

function projectFilter(actor: Actor, project?: number): Prisma.ContributionWhereInput {
  if (canSeeAllProjects(actor)) return project ? { projectId: project } : {};
  const mine = actor.maintainedProjectIds;
  return { projectId: { in: project ? mine.filter((id) => id === project) : mine } };
}

const LINK_END = { id: true, title: true, authors: { select: { user: { select: { handle: true } } } } } as const;

export async function listContributionQueue(actor: Actor, query: ContributionQueueQuery) {
  const scope = { ...projectFilter(actor, query.project), deletedAt: null };
  const where: Prisma.ContributionWhereInput = { ...scope, ...(query.status === "all" ? {} : { status: query.status }) };
  const live = { status: { not: "removed" as const } };
  const [total, grouped, rows] = await Promise.all([
    prisma.contribution.count({ where }),
    prisma.contribution.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    prisma.contribution.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * QUEUE_PAGE_SIZE,
      take: Math.min(QUEUE_PAGE_SIZE, MAX_BULK),
      select: {
        id: true, title: true, kind: true, status: true, version: true, occurredAt: true, createdAt: true, url: true, projectId: true, createdById: true,
        project: { select: { name: true } },
        authors: { select: { userId: true, share: true, user: { select: { handle: true } } }, orderBy: { userId: "asc" } },
        linksIn: { where: live, select: { id: true, type: true, status: true, from: { select: LINK_END } }, orderBy: { id: "asc" }, take: LINKS_SHOWN },
        linksOut: { where: live, select: { id: true, type: true, status: true, to: { select: LINK_END } }, orderBy: { id: "asc" }, take: LINKS_SHOWN },
        _count: { select: { linksIn: { where: live }, linksOut: { where: live } } },
      },
    }),
  ]);
  const ringSuspects = await listRingSuspects(rows.map((r) => r.id));
  const counts = Object.fromEntries(grouped.map((g) => [g.status, g._count._all])) as Record<string, number>;
  return {
    total,
    counts,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    rows: rows.map((r) => {
      const authorIds = r.authors.map((a) => a.userId);
      const isOwn = authorIds.includes(actor.id);
      return {
        ...r,
        /** in a ring of the newest run and not cleared: it mints nothing whatever its status */
        inRing: ringSuspects.has(r.id),
        // What the reviewer may do with this row, decided here so the page only renders it.
        canDecide: !isOwn && r.status !== "quarantined" && canReviewContribution(actor, { projectId: r.projectId, authorIds, createdById: r.createdById, deletedAt: null }),
        blockedReason: isOwn ? "your own work" : r.status === "quarantined" ? "quarantined: decided in the rings queue" : null,
      };
    }),
  };
}
/** Of these contributions, those in a ring the newest run found that no review cleared. */
async function listRingSuspects(ids: number[]): Promise<Set<number>> {
  const runId = await getNewestRunId();
  if (runId === null || ids.length === 0) return new Set();
  const wanted = new Set(ids);
  const inRings = (await listStoredRings(runId, ["all"])).flatMap((r) => r.ring.contributionIds).filter((id) => wanted.has(id));
  const cleared = await prisma.ringReview.findMany({ where: { contributionId: { in: inRings }, decision: "cleared" }, select: { contributionId: true } });
  const clearedIds = new Set(cleared.map((c) => c.contributionId));
  return new Set(inRings.filter((id) => !clearedIds.has(id)));
}

export type ContributionQueueRow = Awaited<ReturnType<typeof listContributionQueue>>["rows"][number];
