// The neighbourhood of one contribution: older work it links to and newer work linking to it.
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionKind, ContributionStatus, LinkStatus, LinkType } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { C, GRAPH_BOUNDS, hubJoin, inScope, inWindow, LINK_WEIGHT, type ContributionGraphEdge, type ContributionNeighbourhood, type GraphAuthor, type GraphScope } from "./graph-common";

type Side = "older" | "newer";
interface HopRow { parent_id: number; other_id: number; rn: number }

/** One hop from each parent: the newest `linkPool` eligible links, ranked by weight then recency, the best `keep` + 1 returned (the extra one tells that more exist). */
async function listHop(s: GraphScope, parentIds: number[], side: Side, keep: number): Promise<HopRow[]> {
  if (parentIds.length === 0) return [];
  const hop = side === "newer"
    ? Prisma.sql`SELECT l.id AS link_id, l.from_id AS other_id, l.from_occurred_at AS at, ${LINK_WEIGHT} AS weight
        FROM links l JOIN contributions c ON c.id = l.from_id
        WHERE l.to_id = p.id AND l.status <> 'removed' AND c.deleted_at IS NULL ${inScope(s, C)} ${inWindow(s, C)}
        ORDER BY l.from_occurred_at DESC, l.from_id DESC LIMIT ${GRAPH_BOUNDS.linkPool}`
    : Prisma.sql`SELECT l.id AS link_id, l.to_id AS other_id, l.to_occurred_at AS at, ${LINK_WEIGHT} AS weight
        FROM links l JOIN contributions c ON c.id = l.to_id
        WHERE l.from_id = p.id AND l.status <> 'removed' AND c.deleted_at IS NULL ${inScope(s, C)} ${inWindow(s, C)}
        ORDER BY l.to_occurred_at DESC, l.to_id DESC LIMIT ${GRAPH_BOUNDS.linkPool}`;
  return prisma.$queryRaw<HopRow[]>(Prisma.sql`
    -- grain: parent × ranked neighbour link
    SELECT p.id AS parent_id, h.other_id, h.rn::int AS rn
    FROM unnest(${parentIds}::int[]) WITH ORDINALITY AS p(id, ord)
    CROSS JOIN LATERAL (
      SELECT pool.other_id, row_number() OVER (ORDER BY pool.weight DESC, pool.at DESC, pool.other_id DESC, pool.link_id DESC) AS rn
      FROM (${hop}) pool
    ) h
    WHERE h.rn <= ${keep + 1}
    ORDER BY p.ord, h.rn`);
}

/** Alternates the two sides so neither crowds the other out of the node budget. */
export function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]);
    if (i < b.length) out.push(b[i]);
  }
  return out;
}

/** The focus's neighbourhood in the contribution graph, or null when it is not visible in the scope. */
export async function getContributionNeighbourhood(s: GraphScope, focusId: number, depth: 1 | 2, opts: { maxNodes?: number } = {}): Promise<ContributionNeighbourhood | null> {
  const maxNodes = opts.maxNodes ?? GRAPH_BOUNDS.maxNodes;
  const [focus] = await prisma.$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT c.id FROM contributions c WHERE c.id = ${focusId} AND c.deleted_at IS NULL ${inScope(s, C)}`);
  if (!focus) return null;
  const budget = maxNodes - 1;
  const [older1, newer1, degree] = await Promise.all([listHop(s, [focusId], "older", budget), listHop(s, [focusId], "newer", budget), countDegree(s, focusId)]);
  let isTruncated = older1.length > budget || newer1.length > budget;
  const chosen = new Map<number, { depth: number; rank: number }>([[focusId, { depth: 0, rank: 0 }]]);
  const add = (candidates: { id: number; depth: number }[]) => {
    for (const c of candidates) {
      if (chosen.has(c.id)) continue;
      if (chosen.size >= maxNodes) { isTruncated = true; return; }
      chosen.set(c.id, { depth: c.depth, rank: chosen.size });
    }
  };
  const firstRing = (rows: HopRow[], d: number) => rows.filter((r) => r.rn <= budget).map((r) => ({ id: r.other_id, depth: d }));
  add(interleave(firstRing(older1, -1), firstRing(newer1, 1)));
  if (depth === 2 && chosen.size < maxNodes) {
    const ring = (d: number) => [...chosen].filter(([, v]) => v.depth === d).map(([id]) => id);
    const olderRing = ring(-1);
    const newerRing = ring(1);
    if (olderRing.length > GRAPH_BOUNDS.expandContributions || newerRing.length > GRAPH_BOUNDS.expandContributions) isTruncated = true;
    const keep = GRAPH_BOUNDS.linksPerExpanded;
    const [older2, newer2] = await Promise.all([
      listHop(s, olderRing.slice(0, GRAPH_BOUNDS.expandContributions), "older", keep),
      listHop(s, newerRing.slice(0, GRAPH_BOUNDS.expandContributions), "newer", keep),
    ]);
    if ([...older2, ...newer2].some((r) => r.rn > keep)) isTruncated = true;
    const second = (rows: HopRow[], d: number) => rows.filter((r) => r.rn <= keep).map((r) => ({ id: r.other_id, depth: d }));
    add(interleave(second(older2, -2), second(newer2, 2)));
  }
  const ids = [...chosen.keys()];
  const [details, authors, edges] = await Promise.all([listContributionDetails(ids), listAuthors(s, ids), listEdgesAmong(ids)]);
  const nodes = details
    .map((d) => {
      const a = authors.get(d.id) ?? [];
      return { ...d, ...chosen.get(d.id)!, authors: a, isHub: a.some((x) => x.isHub) };
    })
    .sort((x, y) => x.rank - y.rank);
  return { focusId, nodes, edges, isTruncated, degree };
}

async function countDegree(s: GraphScope, id: number): Promise<{ older: number; newer: number }> {
  const cap = GRAPH_BOUNDS.degreeCap;
  const [row] = await prisma.$queryRaw<{ older: number; newer: number }[]>(Prisma.sql`
    SELECT
      (SELECT count(*)::int FROM (SELECT 1 FROM links l JOIN contributions c ON c.id = l.to_id
        WHERE l.from_id = ${id} AND l.status <> 'removed' AND c.deleted_at IS NULL ${inScope(s, C)} ${inWindow(s, C)} LIMIT ${cap}) t) AS older,
      (SELECT count(*)::int FROM (SELECT 1 FROM links l JOIN contributions c ON c.id = l.from_id
        WHERE l.to_id = ${id} AND l.status <> 'removed' AND c.deleted_at IS NULL ${inScope(s, C)} ${inWindow(s, C)} LIMIT ${cap}) t) AS newer`);
  return row;
}

async function listContributionDetails(ids: number[]) {
  const rows = await prisma.$queryRaw<{ id: number; title: string; kind: ContributionKind; status: ContributionStatus; occurred_at: Date; project_name: string }[]>(Prisma.sql`
    SELECT c.id, c.title, c.kind, c.status, c.occurred_at, p.name AS project_name
    FROM contributions c JOIN projects p ON p.id = c.project_id WHERE c.id = ANY(${ids}::int[])`);
  return rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, status: r.status, occurredAt: r.occurred_at, projectName: r.project_name }));
}


export async function listAuthors(s: GraphScope, ids: number[]): Promise<Map<number, GraphAuthor[]>> {
  const rows = await prisma.$queryRaw<{ contribution_id: number; user_id: number; handle: string; share: number; is_hub: boolean | null; betweenness: number | null }[]>(Prisma.sql`
    SELECT ca.contribution_id, ca.user_id, u.handle, ca.share::float8 AS share, s.is_hub, s.betweenness
    FROM contribution_authors ca JOIN users u ON u.id = ca.user_id ${hubJoin(s, Prisma.sql`ca.user_id`)}
    WHERE ca.contribution_id = ANY(${ids}::int[])
    ORDER BY ca.contribution_id, ca.share DESC, u.handle`);
  const out = new Map<number, GraphAuthor[]>();
  for (const r of rows) {
    const list = out.get(r.contribution_id) ?? [];
    list.push({ userId: r.user_id, handle: r.handle, share: r.share, isHub: r.is_hub === true, betweenness: r.betweenness });
    out.set(r.contribution_id, list);
  }
  return out;
}

async function listEdgesAmong(ids: number[]): Promise<ContributionGraphEdge[]> {
  const rows = await prisma.$queryRaw<{ id: number; from_id: number; to_id: number; type: LinkType; status: LinkStatus; weight: number }[]>(Prisma.sql`
    SELECT l.id, l.from_id, l.to_id, l.type, l.status, ${LINK_WEIGHT} AS weight
    FROM links l
    WHERE l.from_id = ANY(${ids}::int[]) AND l.to_id = ANY(${ids}::int[]) AND l.status <> 'removed'
    ORDER BY l.id LIMIT ${GRAPH_BOUNDS.edges}`);
  return rows.map((r) => ({ id: r.id, fromId: r.from_id, toId: r.to_id, type: r.type, status: r.status, weight: r.weight }));
}

