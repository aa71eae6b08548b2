// The neighbourhood of one contributor on the contributor projection (METRICS.md §5).
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { C, GRAPH_BOUNDS, hubJoin, inScope, inWindow, type ContributorNeighbourhood, type GraphScope } from "./graph-common";
import { interleave, listAuthors } from "./graph-contribution";

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

