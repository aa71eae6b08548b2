import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { buildPageRankGraph, runPageRank } from "@/lib/metrics/pagerank";
import { type PageRankGraph, iterateJs, iterateWasm } from "@/lib/metrics/pagerank-kernel";
import { PAGERANK_KERNEL_WASM } from "@/lib/metrics/pagerank-kernel-wasm";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { compileWat } from "@/scripts/lib/compile-wat";
import { graphOf } from "./fixtures";
import { randomGraph } from "./random-graph";

// Graphs: the seeded random graphs of the networkx test (co-authors, every status, equal times),
// with and without a project filter, and a tiny one whose in-edge lists have 0, 1 and 2+ entries
// (the kernel takes edges two at a time). Kernel sweeps run in chunks of 65,536 nodes; one case is
// larger than a chunk so the chunk boundaries are crossed in both directions.

const CASES = [
  { seed: 1, contributions: 250, contributors: 50, links: 700, project: null },
  { seed: 3, contributions: 260, contributors: 40, links: 900, projects: 2, project: 1 },
  { seed: 4, contributions: 120, contributors: 120, links: 400, project: null },
  { seed: 5, contributions: 3, contributors: 2, links: 2, project: null },
  { seed: 6, contributions: 70_000, contributors: 3_000, links: 150_000, project: null },
];

/** One textbook power-iteration step π ← δ(Pᵀπ + (Σ dangling π)s) + αs. */
function powerStep(pg: PageRankGraph, x: Float64Array, alpha: number): Float64Array {
  let dm = 0;
  for (const d of pg.dangling) dm += x[d];
  const next = new Float64Array(pg.n);
  for (let v = 0; v < pg.n; v++) {
    let sum = 0;
    for (let k = pg.inStart[v]; k < pg.inStart[v + 1]; k++) sum += pg.inProb[k] * x[pg.inSrc[k]];
    next[v] = (1 - alpha) * sum + (alpha + (1 - alpha) * dm) * pg.seed[v];
  }
  return next;
}

/** Power iteration run far past the engine's tolerance: the fixed point, for comparison. */
function fixedPoint(pg: PageRankGraph, alpha: number): Float64Array {
  let x: Float64Array = Float64Array.from(pg.seed);
  for (let it = 0; it < 3000; it++) x = powerStep(pg, x, alpha);
  return x;
}

const l1 = (a: Float64Array, b: Float64Array) => a.reduce((s, x, v) => s + Math.abs(x - b[v]), 0);

describe("PageRank solver", () => {
  test("the embedded bytes are the compiled pagerank-kernel.wat", async () => {
    const bytes = await compileWat("lib/metrics/pagerank-kernel.wat");
    expect(Buffer.from(bytes).toString("base64")).toBe(PAGERANK_KERNEL_WASM);
    expect(readFileSync("lib/metrics/pagerank-kernel-wasm.ts", "utf8")).toContain(PAGERANK_KERNEL_WASM);
  });

  for (const c of CASES) {
    const label = `seed ${c.seed}${c.project !== null ? ", project filter" : ""}`;
    const prepare = () => {
      const { contributions, links } = randomGraph(c);
      const g = graphOf(contributions, links);
      return { g, pg: buildPageRankGraph(g, DEFAULT_PARAMS, c.project === null ? null : g.projectIds.indexOf(c.project)) };
    };

    test(`the WebAssembly kernel gives the JS loop's bits (${label})`, { timeout: 60_000 }, () => {
      const { pg } = prepare();
      expect(pg.arena).toBeTruthy();
      for (const maxIterations of [1, 2, 7, 255]) {
        const js = iterateJs(pg, 0.15, 1e-9, maxIterations);
        const wasm = iterateWasm(pg.arena!, pg, 0.15, 1e-9, maxIterations);
        expect(wasm.iterations).toBe(js.iterations);
        expect(Object.is(wasm.delta, js.delta)).toBe(true);
        expect(Buffer.from(wasm.score.buffer, wasm.score.byteOffset, wasm.score.byteLength)).toEqual(Buffer.from(js.score.buffer));
      }
    });

    test(`stops where a power-iteration step changes the result by < 1e-9 (${label})`, { timeout: 60_000 }, () => {
      const { g, pg } = prepare();
      const r = runPageRank(g, DEFAULT_PARAMS, c.project === null ? null : g.projectIds.indexOf(c.project));
      expect(r.converged).toBe(true);
      const change = l1(powerStep(pg, r.score, 0.15), r.score);
      expect(change).toBeLessThan(1e-9);
      expect(Math.abs(change - r.delta)).toBeLessThan(1e-15);
      // The error bound of that rule is change / (1 − δ); the fixed point is within it.
      if (pg.n < 10_000) expect(l1(r.score, fixedPoint(pg, 0.15))).toBeLessThan(change / 0.15);
    });
  }

  test("a second solve on the same graph leaves the first score untouched", () => {
    const { contributions, links } = randomGraph(CASES[0]);
    const pg = buildPageRankGraph(graphOf(contributions, links), DEFAULT_PARAMS);
    const first = iterateWasm(pg.arena!, pg, 0.15, 1e-9, 255);
    const copy = first.score.slice();
    const second = iterateWasm(pg.arena!, pg, 0.15, 1e-9, 3);
    expect(Array.from(first.score)).toEqual(Array.from(copy));
    expect(second.iterations).toBe(3);
  });
});
