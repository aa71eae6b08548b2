import { describe, expect, test } from "vitest";
import { betweennessCentrality, brandesJs, brandesWasm, samplePivots } from "@/lib/metrics/betweenness";
import { BETWEENNESS_KERNEL_WASM } from "@/lib/metrics/betweenness-kernel-wasm";
import { compileWat } from "@/scripts/lib/compile-wat";
import { buildContributorProjection } from "@/lib/metrics/hubs";
import { graphOf } from "./fixtures";
import { randomGraph } from "./random-graph";
import { betweennessReference } from "./reference/betweenness-reference";

// The optimised Brandes (edge lengths computed once, predecessors recorded during the search, the
// WebAssembly kernel and its JS twin) must give the reference implementation's values bit for bit,
// exact and sampled, on seeded random projections: dyadic shares (many equal distances, so many shortest-path ties) and, to exercise
// non-dyadic sums, projections whose weights are rescaled by thirds.

const CASES = [
  { seed: 11, contributions: 300, contributors: 60, links: 900 },
  { seed: 12, contributions: 400, contributors: 150, links: 500 },
  { seed: 13, contributions: 200, contributors: 25, links: 1200 },
  { seed: 14, contributions: 2000, contributors: 700, links: 6000 },
];

describe("betweenness (optimised) equals the reference implementation", () => {
  test("the embedded bytes are the compiled betweenness-kernel.wat", async () => {
    const bytes = await compileWat("lib/metrics/betweenness-kernel.wat");
    expect(Buffer.from(bytes).toString("base64")).toBe(BETWEENNESS_KERNEL_WASM);
  });

  for (const c of CASES) {
    const { contributions, links } = randomGraph(c);
    const p = buildContributorProjection(graphOf(contributions, links));
    const thirds = { ...p, outWeight: p.outWeight.map((w, k) => w * (1 + (k % 3)) / 3), inWeight: new Float64Array(0) };
    thirds.inWeight = new Float64Array(p.inWeight.length);
    // in-weights mirror the rescaled out-weights (the same edge seen from its target)
    const fill = p.inStart.slice(0, p.n);
    for (let u = 0; u < p.n; u++) for (let k = p.outStart[u]; k < p.outStart[u + 1]; k++) thirds.inWeight[fill[p.outTo[k]]++] = thirds.outWeight[k];
    test(`seed ${c.seed}: the kernel and its JS twin give the same raw sums`, () => {
      const wasm = brandesWasm(thirds)!;
      const js = brandesJs(thirds);
      const members = Int32Array.from({ length: p.n }, (_, u) => u).filter((u) => p.isNode[u] === 1);
      for (const s of samplePivots(members, 40, c.seed)) {
        wasm.source(s);
        js.source(s);
      }
      expect(Buffer.from(wasm.bc.slice().buffer)).toEqual(Buffer.from(js.bc.buffer));
    });
    for (const [label, graph] of [["dyadic", p], ["thirds", thirds]] as const) {
      for (const opts of [
        { isNode: p.isNode, exactUpTo: 5000, pivots: 500, seed: 42 },
        { isNode: p.isNode, exactUpTo: 10, pivots: 7, seed: 3 },
      ]) {
        test(`seed ${c.seed}, ${label} weights, ${opts.exactUpTo > 10 ? "exact" : "7 pivots"}`, () => {
          const fast = betweennessCentrality(graph, opts);
          const ref = betweennessReference(graph, opts);
          expect(fast.exact).toBe(ref.exact);
          expect(fast.pivots).toEqual(ref.pivots);
          expect(Buffer.from(fast.value.buffer)).toEqual(Buffer.from(ref.value.buffer));
        });
      }
    }
  }
});
