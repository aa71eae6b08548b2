// Bounded neighbourhoods for the graph explorer: around a contribution (the links it makes to older
// work and the newer work linking to it, depth 1–2) or around a contributor (the projection of
// METRICS.md §5, depth 1–2). Never the whole graph: every hop reads a bounded pool of links through
// an index (links(to_id, from_occurred_at, from_id) for newer work, the (from_id, to_id, type) key for
// older work, contribution_authors(user_id, contribution_id) for a person's work) and keeps the
// strongest few, and the result holds at most `maxNodes` nodes, nearest first. Scope: with a
// project, every node is work in that project (the focus too); withdrawn contributions and removed
// links never appear. Hubs come from the newest run's metric_contributor_summaries for the scope.
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionKind, ContributionStatus, LinkStatus, LinkType } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";

export const GRAPH_BOUNDS = {
  maxNodes: 150,
  /** the newest eligible links of one contribution read (through the index) before ranking */
  linkPool: 500,
  /** depth 2 around a contribution: depth-1 nodes expanded per side, links kept per expanded node */
  expandContributions: 25,
  linksPerExpanded: 12,
  /** around a person: their most recently logged contributions in scope, links kept per contribution */
  contributionsPerPerson: 200,
  linksPerContribution: 20,
  /** depth 2 around a person: the strongest ties expanded, with smaller reads each */
  expandPeople: 12,
  contributionsPerExpandedPerson: 40,
  linksPerExpandedContribution: 10,
  /** depth 2 around a person: the inner ring keeps at most this many, leaving room for the outer one */
  innerRingAtDepth2: 60,
  /** projection pairs returned per read, strongest first */
  pairs: 600,
  /** links of the focus are counted up to this */
  degreeCap: 1000,
  /** links drawn among the chosen nodes */
  edges: 2000,
} as const;

export interface GraphScope {
  /** null: the whole ecosystem */
  projectId: number | null;
  /** stored scope key of hub results: "all" or "project:<id>" */
  scope: string;
  /** the newest succeeded run (hubs); null before the first run */
  runId: number | null;
  /** inclusive days YYYY-MM-DD: neighbours must have happened inside; the focus is always shown */
  from?: string;
  to?: string;
}

export interface GraphAuthor { userId: number; handle: string; share: number; isHub: boolean; betweenness: number | null }

export interface ContributionGraphNode {
  id: number;
  title: string;
  kind: ContributionKind;
  status: ContributionStatus;
  occurredAt: Date;
  projectName: string;
  /** signed link distance: −2, −1 older work the focus builds on; 0 the focus; +1, +2 newer work */
  depth: number;
  /** relevance order, 0 for the focus */
  rank: number;
  authors: GraphAuthor[];
  /** an author is a hub of the scope */
  isHub: boolean;
}

export interface ContributionGraphEdge { id: number; fromId: number; toId: number; type: LinkType; status: LinkStatus; weight: number }

export interface ContributionNeighbourhood {
  focusId: number;
  /** the focus first, then by rank */
  nodes: ContributionGraphNode[];
  edges: ContributionGraphEdge[];
  /** some neighbours were left out by a bound */
  isTruncated: boolean;
  /** the focus's eligible links, counted up to GRAPH_BOUNDS.degreeCap */
  degree: { older: number; newer: number };
}

export interface ContributorGraphNode {
  userId: number;
  handle: string;
  name: string;
  depth: 0 | 1 | 2;
  rank: number;
  isHub: boolean;
  betweenness: number | null;
  /** projection weight of focus → them (the focus builds on their work), depth 1 only */
  sourceWeight: number;
  /** projection weight of them → focus (they build on the focus's work), depth 1 only */
  builderWeight: number;
}

export interface ContributorGraphEdge { fromUserId: number; toUserId: number; weight: number; links: number }

export interface ContributorNeighbourhood {
  focusUserId: number;
  nodes: ContributorGraphNode[];
  edges: ContributorGraphEdge[];
  isTruncated: boolean;
}

const inScope = (s: GraphScope, c: Prisma.Sql) => (s.projectId === null ? Prisma.empty : Prisma.sql`AND ${c}.project_id = ${s.projectId}`);
const dayStart = (d: string, plusDays = 0) => new Date(Date.parse(`${d}T00:00:00Z`) + plusDays * 86_400_000);
function inWindow(s: GraphScope, c: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${s.from ? Prisma.sql`AND ${c}.occurred_at >= ${dayStart(s.from)}` : Prisma.empty}
    ${s.to ? Prisma.sql`AND ${c}.occurred_at < ${dayStart(s.to, 1)}` : Prisma.empty}`;
}
const C = Prisma.raw("c");

// w_type · κ(status) of METRICS.md §3 with the default parameters: how strongly a link ranks.
const { typeWeights: tw, statusFactors: sf } = DEFAULT_PARAMS;
const LINK_WEIGHT = Prisma.sql`(CASE l.type WHEN 'builds_on' THEN ${tw.builds_on}::float8 WHEN 'fixes' THEN ${tw.fixes}::float8
  WHEN 'reviews' THEN ${tw.reviews}::float8 ELSE ${tw.cites}::float8 END
  * CASE l.status WHEN 'confirmed' THEN ${sf.confirmed}::float8 WHEN 'unconfirmed' THEN ${sf.unconfirmed}::float8 ELSE ${sf.disputed}::float8 END)`;

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
function interleave<T>(a: T[], b: T[]): T[] {
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

const hubJoin = (s: GraphScope, user: Prisma.Sql) => (s.runId === null
  ? Prisma.sql`LEFT JOIN metric_contributor_summaries s ON false`
  : Prisma.sql`LEFT JOIN metric_contributor_summaries s ON s.run_id = ${s.runId} AND s.scope = ${s.scope} AND s.user_id = ${user}`);

async function listAuthors(s: GraphScope, ids: number[]): Promise<Map<number, GraphAuthor[]>> {
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

interface Pair { src: number; dst: number; weight: number; links: number }

/**
 * Contributor-projection pairs touching the centres (METRICS.md §5: u→w sums share(u, x) ·
 * share(w, y) over the counted links x→y, not disputed and neither end quarantined), read from each
 * centre's `perPerson` most recently logged contributions in scope and `perContribution` newest
 * links of each, per direction. Pairs touching `excludeIds` are left out; the strongest `pairs`.
 */
async function listProjectionPairs(s: GraphScope, centreIds: number[], excludeIds: number[], perPerson: number, perContribution: number): Promise<{ pairs: Pair[]; isTruncated: boolean }> {
  const counted = Prisma.sql`l.status IN ('unconfirmed', 'confirmed') AND c.deleted_at IS NULL AND c.status <> 'quarantined' ${inScope(s, C)} ${inWindow(s, C)}`;
  const rows = await prisma.$queryRaw<{ src: number | null; dst: number | null; weight: number | null; links: number | null; is_truncated: boolean }[]>(Prisma.sql`
    WITH
    -- each centre's most recently logged work in scope (grain: centre × contribution), newest id first from the (user_id, contribution_id) index
    mine AS (
      SELECT ce.id AS centre_id, m.contribution_id, m.share, m.rn
      FROM unnest(${centreIds}::int[]) AS ce(id)
      CROSS JOIN LATERAL (
        SELECT ca.contribution_id, ca.share::float8 AS share, row_number() OVER (ORDER BY ca.contribution_id DESC) AS rn
        FROM contribution_authors ca JOIN contributions c ON c.id = ca.contribution_id
        WHERE ca.user_id = ce.id AND c.deleted_at IS NULL AND c.status <> 'quarantined' ${inScope(s, C)} ${inWindow(s, C)}
        ORDER BY ca.contribution_id DESC LIMIT ${perPerson + 1}
      ) m
    ),
    -- counted links between that work and other work, both directions (grain: centre contribution × link)
    touch AS (
      SELECT m.centre_id, m.share AS centre_share, t.link_id, t.other_id, t.is_out, t.rn
      FROM mine m CROSS JOIN LATERAL (
        (SELECT l.id AS link_id, l.to_id AS other_id, true AS is_out, row_number() OVER (ORDER BY l.to_occurred_at DESC, l.to_id DESC, l.id DESC) AS rn
         FROM links l JOIN contributions c ON c.id = l.to_id
         WHERE l.from_id = m.contribution_id AND ${counted}
         ORDER BY l.to_occurred_at DESC, l.to_id DESC, l.id DESC LIMIT ${perContribution + 1})
        UNION ALL
        (SELECT l.id, l.from_id, false, row_number() OVER (ORDER BY l.from_occurred_at DESC, l.from_id DESC, l.id DESC)
         FROM links l JOIN contributions c ON c.id = l.from_id
         WHERE l.to_id = m.contribution_id AND ${counted}
         ORDER BY l.from_occurred_at DESC, l.from_id DESC, l.id DESC LIMIT ${perContribution + 1})
      ) t
      WHERE m.rn <= ${perPerson}
    ),
    -- one term per link and author pair; a link seen from both ends (two centres) counts once
    terms AS (
      SELECT DISTINCT t.link_id,
        CASE WHEN t.is_out THEN t.centre_id ELSE a.user_id END AS src,
        CASE WHEN t.is_out THEN a.user_id ELSE t.centre_id END AS dst,
        t.centre_share * a.share::float8 AS weight
      FROM touch t JOIN contribution_authors a ON a.contribution_id = t.other_id
      WHERE t.rn <= ${perContribution} AND a.user_id <> t.centre_id
    ),
    -- grain: ordered pair of people
    pairs AS (
      SELECT src, dst, sum(weight) AS weight, count(*)::int AS links FROM terms
      WHERE NOT (src = ANY(${excludeIds}::int[]) OR dst = ANY(${excludeIds}::int[]))
      GROUP BY src, dst ORDER BY sum(weight) DESC, count(*) DESC, src, dst LIMIT ${GRAPH_BOUNDS.pairs + 1}
    ),
    flags AS (
      SELECT EXISTS (SELECT 1 FROM mine WHERE rn > ${perPerson}) OR EXISTS (SELECT 1 FROM touch WHERE rn > ${perContribution})
        OR (SELECT count(*) FROM pairs) > ${GRAPH_BOUNDS.pairs} AS is_truncated
    )
    SELECT p.src, p.dst, p.weight, p.links, f.is_truncated FROM flags f LEFT JOIN pairs p ON true
    ORDER BY p.weight DESC, p.links DESC, p.src, p.dst`);
  const pairs = rows.filter((r) => r.src !== null).slice(0, GRAPH_BOUNDS.pairs)
    .map((r) => ({ src: r.src!, dst: r.dst!, weight: r.weight!, links: r.links! }));
  return { pairs, isTruncated: rows[0]?.is_truncated ?? false };
}

/** The person's neighbourhood in the contributor projection, or null when they have no work in the scope. */
export async function getContributorNeighbourhood(s: GraphScope, handle: string, depth: 1 | 2, opts: { maxNodes?: number } = {}): Promise<ContributorNeighbourhood | null> {
  const maxNodes = opts.maxNodes ?? GRAPH_BOUNDS.maxNodes;
  const B = GRAPH_BOUNDS;
  const [focus] = await prisma.$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT u.id FROM users u WHERE u.handle = ${handle} AND EXISTS (
      SELECT 1 FROM contribution_authors ca JOIN contributions c ON c.id = ca.contribution_id
      WHERE ca.user_id = u.id AND c.deleted_at IS NULL ${inScope(s, C)})`);
  if (!focus) return null;
  const step1 = await listProjectionPairs(s, [focus.id], [], B.contributionsPerPerson, B.linksPerContribution);
  let isTruncated = step1.isTruncated;
  const ties = new Map<number, { source: number; builder: number; links: number }>();
  for (const p of step1.pairs) {
    const other = p.src === focus.id ? p.dst : p.src;
    const t = ties.get(other) ?? { source: 0, builder: 0, links: 0 };
    if (p.src === focus.id) t.source += p.weight;
    else t.builder += p.weight;
    t.links += p.links;
    ties.set(other, t);
  }
  const ranked = [...ties].sort(([ua, a], [ub, b]) => b.source + b.builder - (a.source + a.builder) || b.links - a.links || ua - ub);
  const innerCap = depth === 1 ? maxNodes - 1 : Math.min(maxNodes - 1, B.innerRingAtDepth2);
  if (ranked.length > innerCap) isTruncated = true;
  type Chosen = { depth: 0 | 1 | 2; rank: number; source: number; builder: number };
  const chosen = new Map<number, Chosen>([[focus.id, { depth: 0, rank: 0, source: 0, builder: 0 }]]);
  ranked.slice(0, innerCap).forEach(([id, t], i) => chosen.set(id, { depth: 1, rank: i + 1, source: t.source, builder: t.builder }));
  let outerPairs: Pair[] = [];
  if (depth === 2 && ranked.length > 0 && chosen.size < maxNodes) {
    if (ranked.length > B.expandPeople) isTruncated = true;
    const centres = ranked.slice(0, B.expandPeople).map(([id]) => id);
    const step2 = await listProjectionPairs(s, centres, [focus.id], B.contributionsPerExpandedPerson, B.linksPerExpandedContribution);
    isTruncated ||= step2.isTruncated;
    outerPairs = step2.pairs;
    const score = new Map<number, number>();
    for (const p of step2.pairs) {
      // direct ties cut from the inner ring are at distance 1, never shown as the outer ring
      for (const id of [p.src, p.dst]) if (!chosen.has(id) && !ties.has(id)) score.set(id, (score.get(id) ?? 0) + p.weight);
    }
    const outer = [...score].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const room = maxNodes - chosen.size;
    if (outer.length > room) isTruncated = true;
    for (const [id] of outer.slice(0, room)) chosen.set(id, { depth: 2, rank: chosen.size, source: 0, builder: 0 });
  }
  // The focus's ties, and at depth 2 those between the inner and the outer ring: ties within a ring
  // are left out (they would turn the picture into a hairball without saying who the focus reaches).
  const isOuter = (id: number) => chosen.get(id)?.depth === 2;
  const edges = [...step1.pairs, ...outerPairs.filter((p) => isOuter(p.src) !== isOuter(p.dst))]
    .filter((p) => chosen.has(p.src) && chosen.has(p.dst))
    .map((p) => ({ fromUserId: p.src, toUserId: p.dst, weight: p.weight, links: p.links }));
  const people = await prisma.$queryRaw<{ id: number; handle: string; name: string; is_hub: boolean | null; betweenness: number | null }[]>(Prisma.sql`
    SELECT u.id, u.handle, u.name, s.is_hub, s.betweenness FROM users u ${hubJoin(s, Prisma.sql`u.id`)} WHERE u.id = ANY(${[...chosen.keys()]}::int[])`);
  const nodes = people
    .map((p) => {
      const c = chosen.get(p.id)!;
      return { userId: p.id, handle: p.handle, name: p.name, depth: c.depth, rank: c.rank, isHub: p.is_hub === true, betweenness: p.betweenness, sourceWeight: c.source, builderWeight: c.builder };
    })
    .sort((a, b) => a.rank - b.rank);
  return { focusUserId: focus.id, nodes, edges, isTruncated };
}

export interface GraphSearchResult {
  contributors: { handle: string; name: string }[];
  contributions: { id: number; title: string; occurredAt: Date; projectName: string }[];
}

/** Newest work searched by "contains" when the indexed title prefix finds too little. */
const CONTAINS_POOL = 5000;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, "\\$&");

/**
 * Focus candidates in the scope: people by handle prefix, contributions by #id, by title prefix
 * (the lower(title) text_pattern_ops index, read in its own order) or, to fill up, by a word inside
 * the title among the CONTAINS_POOL newest contributions.
 */
export async function searchGraphFocus(s: GraphScope, query: string, limit = 8): Promise<GraphSearchResult> {
  const q = query.trim().slice(0, 100);
  if (!q) return { contributors: [], contributions: [] };
  const handle = q.replace(/^@/, "").toLowerCase();
  const idMatch = /^#?(\d{1,9})$/.exec(q);
  const prefix = `${likeEscape(q.toLowerCase())}%`;
  type Row = { id: number; title: string; occurred_at: Date; project_name: string };
  const [people, byId, byPrefix, byWord] = await Promise.all([
    /^[a-z0-9][a-z0-9_-]*$/.test(handle)
      ? prisma.$queryRaw<{ handle: string; name: string }[]>(Prisma.sql`
          SELECT u.handle, u.name FROM users u
          WHERE u.handle LIKE ${`${likeEscape(handle)}%`} AND EXISTS (
            SELECT 1 FROM contribution_authors ca JOIN contributions c ON c.id = ca.contribution_id
            WHERE ca.user_id = u.id AND c.deleted_at IS NULL ${inScope(s, C)})
          ORDER BY u.handle LIMIT ${limit}`)
      : [],
    idMatch
      ? prisma.$queryRaw<Row[]>(Prisma.sql`
          SELECT c.id, c.title, c.occurred_at, p.name AS project_name FROM contributions c JOIN projects p ON p.id = c.project_id
          WHERE c.id = ${Number(idMatch[1])} AND c.deleted_at IS NULL ${inScope(s, C)}`)
      : [],
    prisma.$queryRaw<Row[]>(Prisma.sql`
      SELECT c.id, c.title, c.occurred_at, p.name AS project_name FROM contributions c JOIN projects p ON p.id = c.project_id
      WHERE lower(c.title) LIKE ${prefix} AND c.deleted_at IS NULL ${inScope(s, C)}
      ORDER BY lower(c.title) USING ~<~, c.id LIMIT ${limit}`),
    prisma.$queryRaw<Row[]>(Prisma.sql`
      SELECT r.id, r.title, r.occurred_at, p.name AS project_name
      FROM (SELECT c.id, c.title, c.occurred_at, c.project_id FROM contributions c WHERE c.deleted_at IS NULL ${inScope(s, C)}
            ORDER BY c.occurred_at DESC LIMIT ${CONTAINS_POOL}) r
      JOIN projects p ON p.id = r.project_id
      WHERE r.title ILIKE ${`%${likeEscape(q)}%`}
      ORDER BY r.occurred_at DESC, r.id DESC LIMIT ${limit}`),
  ]);
  const seen = new Set<number>();
  const contributions = [...byId, ...byPrefix, ...byWord]
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .slice(0, limit)
    .map((r) => ({ id: r.id, title: r.title, occurredAt: r.occurred_at, projectName: r.project_name }));
  return { contributors: people, contributions };
}
