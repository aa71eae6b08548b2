import { UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import { describe, expect, test } from "vitest";
import { louvainCsr } from "@/lib/metrics/louvain-csr";
import { lcg } from "./random-graph";

/** Symmetric CSR from an undirected edge list (each edge listed from both ends). */
function csr(n: number, edges: [number, number, number?][]) {
  const start = new Int32Array(n + 1);
  for (const [a, b] of edges) {
    start[a + 1]++;
    start[b + 1]++;
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const adj = new Int32Array(start[n]);
  const w = new Float64Array(start[n]);
  const fill = start.slice(0, n);
  for (const [a, b, x = 1] of edges) {
    adj[fill[a]] = b;
    w[fill[a]++] = x;
    adj[fill[b]] = a;
    w[fill[b]++] = x;
  }
  return { start, adj, w };
}

function libraryModularity(n: number, edges: [number, number, number?][]): number {
  const g = new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(i);
  // Parallel edges add up in our CSR; the simple graph sums them the same way.
  for (const [a, b, x = 1] of edges) g.updateEdge(a, b, (attr) => ({ weight: ((attr.weight as number | undefined) ?? 0) + x }));
  let s = 42;
  const rng = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  return louvain.detailed(g, { rng }).modularity;
}

/** `k` cliques of `size` nodes, clique c joined to clique c+1 (mod k) by one edge. */
function ringOfCliques(k: number, size: number): [number, number][] {
  const edges: [number, number][] = [];
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) edges.push([c * size + i, c * size + j]);
    edges.push([c * size, ((c + 1) % k) * size + 1]);
  }
  return edges;
}

describe("louvainCsr", () => {
  test("splits two triangles joined by one edge, Q = 5/14", () => {
    // Triangles {0,1,2} and {3,4,5}, bridge 2–3: m = 7, 2m = 14; each triangle has in_c = 6 and
    // tot_c = 2 + 2 + 3 = 7, so Q = 2 · (6/14 − (7/14)²) = 5/14.
    const g = csr(6, [[0, 1], [1, 2], [0, 2], [3, 4], [4, 5], [3, 5], [2, 3]]);
    const r = louvainCsr(6, g.start, g.adj, g.w);
    expect(r.count).toBe(2);
    expect(Array.from(r.community)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(r.modularity).toBeCloseTo(5 / 14, 12);
  });

  test("uses edge weights: a heavy edge keeps its ends together", () => {
    // Path 0 –(5)– 1 –(1)– 2 –(5)– 3: 2m = 22, pairs {0,1} and {2,3} each have in = 10, tot = 11:
    // Q = 2 · (10/22 − (11/22)²) = 20/22 − 1/2 = 9/22.
    const g = csr(4, [[0, 1, 5], [1, 2, 1], [2, 3, 5]]);
    const r = louvainCsr(4, g.start, g.adj, g.w);
    expect(Array.from(r.community)).toEqual([0, 0, 1, 1]);
    expect(r.modularity).toBeCloseTo(9 / 22, 12);
  });

  test("a graph without edges has no modularity and one community per node", () => {
    const r = louvainCsr(3, new Int32Array(4), new Int32Array(0), new Float64Array(0));
    expect(r).toEqual({ community: Int32Array.from([0, 1, 2]), count: 3, modularity: null });
  });

  test("finds the cliques of a ring of cliques, as graphology-communities-louvain does", () => {
    // 8 cliques K5 (10 edges each) in a ring: m = 88, each clique in = 20, tot = 22:
    // Q = 8 · (20/176 − (22/176)²) = 69/88.
    const edges = ringOfCliques(8, 5);
    const g = csr(40, edges);
    const r = louvainCsr(40, g.start, g.adj, g.w);
    expect(r.count).toBe(8);
    expect(r.modularity).toBeCloseTo(69 / 88, 12);
    expect(libraryModularity(40, edges)).toBeCloseTo(69 / 88, 12);
  });

  test("is deterministic and within 0.02 of the library's modularity on random graphs", () => {
    for (const seed of [1, 2, 3]) {
      const rnd = lcg(seed);
      const n = 300;
      const edges: [number, number, number][] = [];
      for (let e = 0; e < 1200; e++) {
        const a = Math.floor(rnd() * n);
        // Mostly local ties, so there is community structure to find.
        const b = rnd() < 0.8 ? (a + 1 + Math.floor(rnd() * 10)) % n : Math.floor(rnd() * n);
        if (a !== b) edges.push([a, b, 1 + Math.floor(rnd() * 3)]);
      }
      const g = csr(n, edges);
      const r1 = louvainCsr(n, g.start, g.adj, g.w);
      const r2 = louvainCsr(n, g.start, g.adj, g.w);
      expect(r2).toEqual(r1);
      expect(Math.abs((r1.modularity as number) - libraryModularity(n, edges))).toBeLessThan(0.02);
    }
  });
});
