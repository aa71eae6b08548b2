// Reads for a contributor's profile: the person, their stored per-period flow and visibility, the
// decomposition of their credit, their class, and (live, from the graph itself) who builds on them.
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";

export interface ProfilePerson {
  id: number;
  handle: string;
  name: string;
  createdAt: Date;
}

export async function getPersonByHandle(handle: string): Promise<ProfilePerson | null> {
  return prisma.user.findFirst({ where: { handle, deactivatedAt: null }, select: { id: true, handle: true, name: true, createdAt: true } });
}

export interface SourcesView {
  sources: { userId: number; handle: string; credit: number }[];
  links: { linkId: number; credit: number; type: string; fromId: number; fromTitle: string; toId: number; toTitle: string }[];
}

interface StoredBuilder { userId: number; links: number; confirmed: number; lastAt: number }

/**
 * The stored decomposition of a contributor's credit, with the people and links named, and (scope
 * "all") who builds on their work as of the run: `builders` is null when the run stored none (runs
 * from before they were stored), and the caller falls back to `listBuilders`.
 */
export async function getCreditSources(runId: number, scope: string, userId: number): Promise<{ summary: { attribution: number; attributionShare: number; visibility: number; contributions: number } | null; sources: SourcesView; builders: BuilderView[] | null }> {
  const row = await prisma.metricContributorSummary.findUnique({
    where: { runId_scope_userId: { runId, scope, userId } },
    select: { attribution: true, attributionShare: true, visibility: true, contributions: true, sources: true },
  });
  // No summary row: no work in the run, so nobody builds on it yet.
  if (!row) return { summary: null, sources: { sources: [], links: [] }, builders: [] };
  const raw = row.sources as unknown as { sources: { userId: number; credit: number }[]; links: { linkId: number; credit: number }[]; builders?: StoredBuilder[] };
  const [users, links] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: [...raw.sources.map((s) => s.userId), ...(raw.builders ?? []).map((b) => b.userId)] } }, select: { id: true, handle: true } }),
    prisma.link.findMany({
      where: { id: { in: raw.links.map((l) => l.linkId) } },
      select: { id: true, type: true, from: { select: { id: true, title: true } }, to: { select: { id: true, title: true } } },
    }),
  ]);
  const handle = new Map(users.map((u) => [u.id, u.handle]));
  const link = new Map(links.map((l) => [l.id, l]));
  return {
    builders: raw.builders ? raw.builders.filter((b) => handle.has(b.userId)).map((b) => ({
      userId: b.userId, handle: handle.get(b.userId)!, links: b.links, confirmed: b.confirmed, lastAt: new Date(b.lastAt).toISOString().slice(0, 10),
    })) : null,
    summary: { attribution: row.attribution, attributionShare: row.attributionShare, visibility: row.visibility, contributions: row.contributions },
    sources: {
      sources: raw.sources.filter((s) => handle.has(s.userId)).map((s) => ({ userId: s.userId, handle: handle.get(s.userId)!, credit: s.credit })),
      links: raw.links.filter((l) => link.has(l.linkId)).map((l) => {
        const x = link.get(l.linkId)!;
        return { linkId: l.linkId, credit: l.credit, type: x.type, fromId: x.from.id, fromTitle: x.from.title, toId: x.to.id, toTitle: x.to.title };
      }),
    },
  };
}

export interface BuilderView {
  userId: number;
  handle: string;
  links: number;
  confirmed: number;
  lastAt: string;
}

/**
 * People whose work links to this contributor's live work (not their own links), most links first,
 * counted live: the fallback for runs that did not store builders (a hub's aggregates ~125k links).
 */
export async function listBuilders(userId: number, limit = 10): Promise<BuilderView[]> {
  // One row per (builder, link): a co-authored source counts once per co-author.
  const rows = await prisma.$queryRaw<{ user_id: number; handle: string; links: number; confirmed: number; last_at: Date }[]>(Prisma.sql`
    WITH mine AS (
      SELECT c.id FROM contributions c JOIN contribution_authors a ON a.contribution_id = c.id
      WHERE a.user_id = ${userId} AND c.deleted_at IS NULL
    )
    SELECT sa.user_id, u.handle, count(*)::int AS links, count(*) FILTER (WHERE l.status = 'confirmed')::int AS confirmed, max(s.occurred_at) AS last_at
    FROM links l
    JOIN mine ON mine.id = l.to_id
    JOIN contributions s ON s.id = l.from_id AND s.deleted_at IS NULL
    JOIN contribution_authors sa ON sa.contribution_id = s.id AND sa.user_id <> ${userId}
    JOIN users u ON u.id = sa.user_id
    WHERE l.status <> 'removed'
    GROUP BY sa.user_id, u.handle
    ORDER BY links DESC, u.handle
    LIMIT ${limit}`);
  return rows.map((r) => ({ userId: r.user_id, handle: r.handle, links: r.links, confirmed: r.confirmed, lastAt: r.last_at.toISOString().slice(0, 10) }));
}

/** The contributor's class and its evidence in a scope, or null before they are classed. */
export async function getContributorClass(runId: number, scope: string, userId: number): Promise<{ class: string; evidence: Record<string, unknown> } | null> {
  const row = await prisma.metricContributorClass.findUnique({ where: { runId_scope_userId: { runId, scope, userId } }, select: { class: true, evidence: true } });
  return row ? { class: row.class, evidence: row.evidence as Record<string, unknown> } : null;
}
