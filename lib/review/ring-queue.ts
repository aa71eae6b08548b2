// Link rings for the rings queue: the newest run's rings touching the reviewer's projects (admins:
// the ecosystem's), each with its members' stored attribution, its contributions and their review
// decisions. Attribution is read in the ecosystem scope for admins and in the ring's first
// maintained project for maintainers (the scopes each may see).
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { canReviewRing, canSeeAllProjects } from "@/lib/permissions";
import { getNewestRunId, listStoredRings, ringKey, type StoredRing } from "./stored-rings";

export type RingState = "pending" | "cleared" | "confirmed" | "mixed";

export interface RingView extends StoredRing {
  key: string;
  state: RingState;
  /** the scope whose attribution is shown */
  attributionScope: string;
  memberViews: { id: number; handle: string; name: string; attribution: number | null }[];
  contributions: { id: number; title: string; project: string; status: string; withdrawn: boolean; decision: string | null; decidable: boolean }[];
  isMember: boolean;
  canDecide: boolean;
}

export async function listRingQueue(actor: Actor): Promise<{ runId: number | null; rings: RingView[] }> {
  const runId = await getNewestRunId();
  if (runId === null) return { runId, rings: [] };
  const isAdmin = canSeeAllProjects(actor);
  const scopes = isAdmin ? ["all"] : actor.maintainedProjectIds.map((id) => `project:${id}`);
  const stored = await listStoredRings(runId, scopes);
  const contributionIds = [...new Set(stored.flatMap((s) => s.ring.contributionIds))];
  const memberIds = [...new Set(stored.flatMap((s) => s.ring.members))];
  const [contributions, reviews, users, summaries] = await Promise.all([
    prisma.contribution.findMany({
      where: { id: { in: contributionIds } },
      select: { id: true, title: true, status: true, projectId: true, deletedAt: true, project: { select: { name: true } } },
    }),
    prisma.ringReview.findMany({ where: { contributionId: { in: contributionIds } }, select: { contributionId: true, decision: true } }),
    prisma.user.findMany({ where: { id: { in: memberIds } }, select: { id: true, handle: true, name: true } }),
    prisma.metricContributorSummary.findMany({
      where: { runId, userId: { in: memberIds }, scope: { in: [...new Set(stored.map((s) => s.scopes[0]))] } },
      select: { scope: true, userId: true, attribution: true },
    }),
  ]);
  const byId = new Map(contributions.map((c) => [c.id, c]));
  const decisionOf = new Map(reviews.map((r) => [r.contributionId, r.decision]));
  const userOf = new Map(users.map((u) => [u.id, u]));
  const attributionOf = new Map(summaries.map((s) => [`${s.scope}/${s.userId}`, s.attribution]));

  const rings = stored.map(({ ring, scopes: ringScopes }): RingView => {
    const attributionScope = ringScopes[0];
    const views = ring.contributionIds.flatMap((id) => {
      const c = byId.get(id);
      if (!c) return [];
      return [{
        id, title: c.title, project: c.project.name, status: c.status, withdrawn: c.deletedAt !== null,
        decision: decisionOf.get(id) ?? null, decidable: c.deletedAt === null && canReviewRing(actor, ring, c.projectId),
      }];
    });
    const decided = views.filter((v) => v.decidable).map((v) => v.decision);
    const state: RingState = decided.some((d) => d === null) ? "pending"
      : decided.every((d) => d === "cleared") ? "cleared"
        : decided.every((d) => d === "confirmed") ? "confirmed" : "mixed";
    return {
      ...ring,
      key: ringKey(ring),
      state,
      attributionScope,
      memberViews: ring.members.map((id) => ({
        id, handle: userOf.get(id)?.handle ?? `#${id}`, name: userOf.get(id)?.name ?? "", attribution: attributionOf.get(`${attributionScope}/${id}`) ?? null,
      })),
      contributions: views,
      isMember: ring.members.includes(actor.id),
      canDecide: views.some((v) => v.decidable),
    };
  });
  // Undecided rings first, then by their first member (detection's own order).
  rings.sort((x, y) => Number(x.state !== "pending") - Number(y.state !== "pending"));
  return { runId, rings };
}
