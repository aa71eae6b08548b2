// The compacted, memoized betweenness of a projection against the plain one on the full index
// space: every value bit for bit, for exact and sampled windows, with and without a memo hit.
import { describe, expect, test } from "vitest";
import { betweennessCentrality } from "@/lib/metrics/betweenness";
import { buildContributorProjection, projectionBetweenness } from "@/lib/metrics/hubs";
import { MapMemo } from "@/lib/metrics/memo";
import { DAY_MS, W0, graphOf } from "./fixtures";
import { randomGraph } from "./random-graph";

const g = graphOf(...(Object.values(randomGraph({ seed: 11, contributions: 900, contributors: 160, links: 2400, projects: 2 })) as [never, never]));
const windows = [
  {},
  { fromMs: W0 + 20 * DAY_MS, toMs: W0 + 90 * DAY_MS },
  { project: 1, fromMs: W0 + 40 * DAY_MS },
];

describe("projectionBetweenness", () => {
  for (const opts of [{ exactUpTo: 5000, pivots: 500, seed: 7 }, { exactUpTo: 10, pivots: 25, seed: 7 }]) {
    test(`equals betweennessCentrality bit for bit (${opts.exactUpTo === 10 ? "sampled" : "exact"})`, () => {
      for (const win of windows) {
        const proj = buildContributorProjection(g, win);
        expect(proj.nNodes).toBeGreaterThan(30);
        const plain = betweennessCentrality(proj, { isNode: proj.isNode, ...opts });
        const memo = new MapMemo();
        const first = projectionBetweenness(proj, opts, memo);
        const again = projectionBetweenness(proj, opts, memo);
        for (const r of [first, again]) {
          expect(Array.from(r.value)).toEqual(Array.from(plain.value));
          expect(r.exact).toBe(plain.exact);
          expect(r.n).toBe(plain.n);
          expect(r.pivots === null ? null : Array.from(r.pivots)).toEqual(plain.pivots === null ? null : Array.from(plain.pivots));
        }
        const delta = memo.take();
        expect(delta.hits).toBe(1);
        expect(delta.misses).toBe(1);
        expect(delta.added).toHaveLength(1);
      }
    });
  }

  test("another window or other options miss the memo", () => {
    const memo = new MapMemo();
    const opts = { exactUpTo: 5000, pivots: 500, seed: 7 };
    projectionBetweenness(buildContributorProjection(g, windows[1]), opts, memo);
    projectionBetweenness(buildContributorProjection(g, windows[2]), opts, memo);
    projectionBetweenness(buildContributorProjection(g, windows[1]), { ...opts, exactUpTo: 10 }, memo);
    expect(memo.take()).toMatchObject({ hits: 0, misses: 3 });
  });
});
