import { describe, expect, test } from "vitest";
import { betweennessCentrality } from "@/lib/metrics/betweenness";
import type { ContributionRow, LinkRow } from "@/lib/metrics/graph";
import { buildContributorProjection } from "@/lib/metrics/hubs";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { DAY_MS, W0, graphOf } from "./fixtures";
import { randomGraph } from "./random-graph";
import { requireNetworkx, runReference } from "./reference/run-reference";

// Seeded random graphs (dyadic co-author shares, so projection weights are exact and distance ties
// are real ties in both implementations). The projection handed to networkx is rebuilt here from
// the raw rows: for each link, neither disputed nor touching a quarantined contribution, whose
// source lies in the window, every author pair
// u ≠ w adds share(u)·share(w) to u→w; nodes are the window's authors plus every endpoint.
// networkx: betweenness_centrality(G, weight='dist', normalized=True) with dist = 1/weight.

const LINK_DISPUTED = 2, LINK_REMOVED = 3, QUARANTINED = 3;

function referenceProjection(rows: ContributionRow[], links: LinkRow[], fromMs: number | undefined) {
  const g = graphOf(rows, links);
  const uIndex = new Map(Array.from(g.contributorId, (id, u) => [id, u]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const inWin = (r: ContributionRow) => fromMs === undefined || r.occurredAt >= fromMs;
  const nodes = new Set<number>();
  const edges = new Map<string, number>();
  for (const r of rows) if (inWin(r)) for (const a of r.authors) nodes.add(uIndex.get(a.contributorId)!);
  for (const l of links) {
    const x = byId.get(l.from)!, y = byId.get(l.to)!;
    if (l.status === LINK_REMOVED || l.status === LINK_DISPUTED || !inWin(x)) continue;
    if (x.status === QUARANTINED || y.status === QUARANTINED) continue;
    for (const p of x.authors) {
      for (const q of y.authors) {
        const u = uIndex.get(p.contributorId)!, w = uIndex.get(q.contributorId)!;
        if (u === w) continue;
        edges.set(`${u},${w}`, (edges.get(`${u},${w}`) ?? 0) + p.share * q.share);
        nodes.add(w);
      }
    }
  }
  return { g, nodes: [...nodes].sort((x, y) => x - y), edges };
}

const CASES = [
  { seed: 11, contributions: 150, contributors: 30, links: 300 },
  { seed: 12, contributions: 200, contributors: 60, links: 250 },
  { seed: 13, contributions: 120, contributors: 15, links: 500 },
  { seed: 14, contributions: 200, contributors: 45, links: 400, fromMs: W0 + 30 * DAY_MS },
];

describe("betweenness agrees with networkx", () => {
  const prepared = CASES.map((c) => {
    const { contributions, links } = randomGraph(c);
    return { c, ...referenceProjection(contributions, links, c.fromMs) };
  });
  // Run lazily inside the tests (not in a hook) so a missing networkx fails each test, not skips it.
  let cache: Record<string, number>[] | null = null;
  const reference = (): Record<string, number>[] => {
    requireNetworkx();
    cache ??= runReference(
      "betweenness_ref.py",
      prepared.map((x) => ({ nodes: x.nodes, edges: [...x.edges].map(([k, w]) => [...k.split(",").map(Number), 1 / w]) })),
    ) as Record<string, number>[];
    return cache;
  };

  prepared.forEach(({ c, g, nodes, edges }, k) => {
    test(`builds the same projection and matches per node to 1e-9 (seed ${c.seed}${c.fromMs ? ", window" : ""})`, () => {
      const expected = reference();
      const p = buildContributorProjection(g, { fromMs: c.fromMs });
      const mine = new Map<string, number>();
      for (let u = 0; u < p.n; u++) for (let e = p.outStart[u]; e < p.outStart[u + 1]; e++) mine.set(`${u},${p.outTo[e]}`, p.outWeight[e]);
      expect(mine).toEqual(edges);
      expect(Array.from(p.isNode).flatMap((x, u) => (x ? [u] : []))).toEqual(nodes);

      const r = betweennessCentrality(p, { isNode: p.isNode, exactUpTo: 5000, pivots: 500, seed: 42 });
      let worst = 0, positive = 0;
      for (const u of nodes) {
        worst = Math.max(worst, Math.abs(r.value[u] - expected[k][String(u)]));
        if (expected[k][String(u)] > 0) positive++;
      }
      expect(positive).toBeGreaterThan(0);
      expect(worst).toBeLessThan(1e-9);
    });
  });
});
