import { describe, expect, test } from "vitest";
import type { ContributionRow, LinkRow } from "@/lib/metrics/graph";
import { runPageRank } from "@/lib/metrics/pagerank";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { graphOf } from "./fixtures";
import { randomGraph } from "./random-graph";
import { requireNetworkx, runReference } from "./reference/run-reference";

// Seeded random graphs of a few hundred nodes (co-authors with ½/½ and ¼/¾ shares, unreviewed,
// rejected and quarantined contributions, every link type and status, equal times). The edge list
// handed to networkx is rebuilt here from the raw rows with METRICS.md's weights, independently of
// the engine's CSR: w_type·κ per link (parallel links summed), contributor→contribution ½·share,
// contribution→contributor 1·share, seed ∝ m. networkx's alpha is the damping 1 − 0.15.

const TYPE_W = [1, 0.75, 0.5, 0.5];
const KAPPA = [0.5, 1, 0, 0];
const STATUS_W = [0.5, 1, 0, 0];

function referenceInput(rows: ContributionRow[], links: LinkRow[], project: number | null) {
  const g = graphOf(rows, links);
  const cIndex = new Map(Array.from(g.contribId, (id, i) => [id, i]));
  const uIndex = new Map(Array.from(g.contributorId, (id, u) => [id, g.nC + u]));
  const inP = (r: ContributionRow) => project === null || r.projectId === project;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const edges = new Map<string, number>();
  const add = (s: number, d: number, w: number) => {
    if (w > 0) edges.set(`${s},${d}`, (edges.get(`${s},${d}`) ?? 0) + w);
  };
  for (const l of links) {
    if (l.status === 3 || !inP(byId.get(l.from)!) || !inP(byId.get(l.to)!)) continue;
    add(cIndex.get(l.from)!, cIndex.get(l.to)!, TYPE_W[l.type] * KAPPA[l.status]);
  }
  const seed = new Array(g.nC + g.nU).fill(0);
  for (const r of rows) {
    if (!inP(r)) continue;
    const v = cIndex.get(r.id)!;
    seed[v] = STATUS_W[r.status];
    for (const a of r.authors) {
      add(uIndex.get(a.contributorId)!, v, 0.5 * a.share);
      add(v, uIndex.get(a.contributorId)!, a.share);
    }
  }
  const total = seed.reduce((x, y) => x + y, 0);
  return {
    g,
    input: {
      n: g.nC + g.nU,
      edges: [...edges].map(([k, w]) => [...k.split(",").map(Number), w]),
      seed: seed.map((x) => x / total),
      damping: 0.85,
    },
  };
}

const CASES = [
  { seed: 1, contributions: 250, contributors: 50, links: 700, project: null },
  { seed: 2, contributions: 200, contributors: 80, links: 150, project: null },
  { seed: 3, contributions: 260, contributors: 40, links: 900, projects: 2, project: 1 },
  { seed: 4, contributions: 120, contributors: 120, links: 400, project: null },
];

describe("PageRank agrees with networkx", () => {
  const prepared = CASES.map((c) => ({ c, ...randomGraph(c) })).map((x) => ({ ...x, ...referenceInput(x.contributions, x.links, x.c.project) }));
  // Run lazily inside the tests (not in a hook) so a missing networkx fails each test, not skips it.
  let cache: number[][] | null = null;
  const reference = (): number[][] => {
    requireNetworkx();
    cache ??= runReference("pagerank_ref.py", prepared.map((x) => x.input)) as number[][];
    return cache;
  };

  prepared.forEach(({ c, g }, k) => {
    test(`matches per node to 1e-6 (seed ${c.seed}${c.project !== null ? ", project filter" : ""})`, () => {
      const expected = reference();
      const r = runPageRank(g, DEFAULT_PARAMS, c.project === null ? null : g.projectIds.indexOf(c.project));
      expect(r.converged).toBe(true);
      expect(expected[k].length).toBe(r.score.length);
      let worst = 0;
      for (let v = 0; v < expected[k].length; v++) worst = Math.max(worst, Math.abs(r.score[v] - expected[k][v]));
      expect(worst).toBeLessThan(1e-6);
    });
  });
});
