// Betweenness centrality, METRICS.md §5: Brandes' algorithm with Dijkstra on a directed weighted
// graph whose distance is 1/weight (a heavier tie is a shorter hop).
//
// Normalization matches networkx.betweenness_centrality(G, weight='dist', normalized=True,
// endpoints=False) on a DiGraph with dist = 1/weight: the raw pair-dependency sum divided by
// (n−1)(n−2), unscaled for n ≤ 2. Sampling follows METRICS.md: the sum over k pivots is scaled by
// n/k before that normalization (the estimator networkx used up to 3.4; networkx 3.5+ rescales
// pivot and non-pivot nodes slightly differently). With k = n both are the exact value.

import { BETWEENNESS_KERNEL_WASM } from "./betweenness-kernel-wasm";
import { createArena, kernelModule } from "./wasm-arena";

/** A directed weighted graph over nodes 0 .. n−1 as out- and in-CSR; weights must be > 0. */
export interface WeightedDigraph {
  n: number;
  outStart: Int32Array;
  outTo: Int32Array;
  outWeight: Float64Array;
  inStart: Int32Array;
  inFrom: Int32Array;
  inWeight: Float64Array;
}

export interface BetweennessOptions {
  /** nodes that belong to the graph (others are ignored); default all */
  isNode?: Uint8Array;
  /** exact when the node count is at most this, else sampled */
  exactUpTo: number;
  pivots: number;
  seed: number;
}

export interface BetweennessResult {
  value: Float64Array;
  exact: boolean;
  /** the sampled pivots, ascending, or null when exact */
  pivots: Int32Array | null;
  /** node count used for normalization */
  n: number;
}

/** mulberry32: a small seeded PRNG in [0, 1), enough for choosing pivots reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** k distinct members of `nodes` (partial Fisher–Yates), returned ascending. */
export function samplePivots(nodes: Int32Array, k: number, seed: number): Int32Array {
  const pool = Int32Array.from(nodes);
  const rnd = seededRandom(seed);
  const take = Math.min(k, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rnd() * (pool.length - i));
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, take).sort();
}

export function betweennessCentrality(G: WeightedDigraph, opts: BetweennessOptions): BetweennessResult {
  const nAll = G.n;
  let count = 0;
  for (let v = 0; v < nAll; v++) if (!opts.isNode || opts.isNode[v]) count++;
  const members = new Int32Array(count);
  for (let v = 0, c = 0; v < nAll; v++) if (!opts.isNode || opts.isNode[v]) members[c++] = v;
  const exact = count <= opts.exactUpTo || opts.pivots >= count;
  const sources = exact ? members : samplePivots(members, opts.pivots, opts.seed);

  const { graph, rank } = byInDegree(G);
  const brandes = brandesWasm(graph) ?? brandesJs(graph);
  for (let si = 0; si < sources.length; si++) brandes.source(rank[sources[si]]);
  const bc = new Float64Array(nAll);
  for (let v = 0; v < nAll; v++) bc[v] = brandes.bc[rank[v]];
  if (count > 2) {
    const scale = (exact ? 1 : count / sources.length) / ((count - 1) * (count - 2));
    for (let v = 0; v < nAll; v++) bc[v] *= scale;
  }
  return { value: bc, exact, pivots: exact ? null : sources, n: count };
}

/**
 * The graph renumbered by in-degree, highest first (ties by index), each node keeping its out-edges
 * in their original order. Most edges point at a few well-linked nodes; packing those together keeps
 * the search's random reads of their distances in cache. The search pushes the same distances in
 * the same order under the new names, and its heap compares distances only, so every sum comes out
 * bit for bit as on the original numbering. rank[old] = new.
 */
function byInDegree(G: WeightedDigraph): { graph: WeightedDigraph; rank: Int32Array } {
  const n = G.n;
  const indeg = new Int32Array(n);
  for (let e = 0; e < G.outTo.length; e++) indeg[G.outTo[e]]++;
  // Counting sort, highest in-degree first, each degree's nodes in index order.
  let maxDeg = 0;
  for (let v = 0; v < n; v++) if (indeg[v] > maxDeg) maxDeg = indeg[v];
  const at = new Int32Array(maxDeg + 2);
  for (let v = 0; v < n; v++) at[maxDeg - indeg[v] + 1]++;
  for (let d = 0; d <= maxDeg; d++) at[d + 1] += at[d];
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[at[maxDeg - indeg[v]]++] = v;
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[order[i]] = i;
  const outStart = new Int32Array(n + 1);
  const outTo = new Int32Array(G.outTo.length);
  const outWeight = new Float64Array(G.outTo.length);
  for (let i = 0, k = 0; i < n; i++) {
    const v = order[i];
    for (let e = G.outStart[v]; e < G.outStart[v + 1]; e++, k++) {
      outTo[k] = rank[G.outTo[e]];
      outWeight[k] = G.outWeight[e];
    }
    outStart[i + 1] = k;
  }
  const none = new Int32Array(0);
  return { graph: { n, outStart, outTo, outWeight, inStart: none, inFrom: none, inWeight: new Float64Array(0) }, rank };
}

/** Brandes' single-source step, adding each source's pair dependencies to `bc`. */
export interface Brandes {
  source(s: number): void;
  bc: Float64Array;
}

/** 1/weight per edge, once per graph rather than a division per edge per source (same doubles). */
function edgeLengths(G: WeightedDigraph, out: Float64Array): Float64Array {
  for (let e = 0; e < G.outTo.length; e++) out[e] = 1 / G.outWeight[e];
  return out;
}

/** The kernel of betweenness-kernel.wat, or null where WebAssembly cannot run or the graph does not fit. */
export function brandesWasm(G: WeightedDigraph): Brandes | null {
  const n = G.n, m = G.outTo.length;
  const arena = createArena(kernelModule(BETWEENNESS_KERNEL_WASM), {
    outLen: ["f64", m], bc: ["f64", n], dist: ["f64", n], sigma: ["f64", n], delta: ["f64", n], heap: ["f64", 2 * (m + 1)],
    outStart: ["i32", n + 1], outTo: ["i32", m], stack: ["i32", n], predHead: ["i32", n], predV: ["i32", m], predNext: ["i32", m],
  });
  if (arena === null) return null;
  const a = arena.views;
  a.outStart.set(G.outStart);
  a.outTo.set(G.outTo);
  edgeLengths(G, a.outLen);
  a.dist.fill(Infinity);
  a.predHead.fill(-1);
  const k = arena.exports as unknown as { layout(...offsets: number[]): void; source(s: number): void };
  k.layout(...[a.outStart, a.outTo, a.outLen, a.bc, a.dist, a.sigma, a.delta, a.stack, a.heap, a.predHead, a.predV, a.predNext].map((x) => x.byteOffset));
  return { source: (s) => k.source(s), bc: a.bc };
}

/** The same step in plain typed-array JS (the fallback, and the kernel's reference). */
export function brandesJs(G: WeightedDigraph): Brandes {
  const { n: nAll, outStart, outTo } = G;
  const bc = new Float64Array(nAll);
  const dist = new Float64Array(nAll).fill(Infinity);
  const sigma = new Float64Array(nAll);
  const delta = new Float64Array(nAll);
  const settled = new Uint8Array(nAll);
  const stack = new Int32Array(nAll);
  const heapD = new Float64Array(outTo.length + 1);
  const heapV = new Int32Array(outTo.length + 1);
  const outLen = edgeLengths(G, new Float64Array(outTo.length));
  // Shortest-path predecessors recorded while relaxing, as linked lists in a per-source pool: the
  // accumulation then walks the predecessor DAG (about one edge per node) instead of every in-edge.
  const predHead = new Int32Array(nAll).fill(-1);
  const predV = new Int32Array(outTo.length);
  const predNext = new Int32Array(outTo.length);

  const source = (s: number) => {
    let nS = 0;
    let hn = 0;
    let np = 0;
    dist[s] = 0;
    sigma[s] = 1;
    heapD[0] = 0;
    heapV[0] = s;
    hn = 1;
    while (hn > 0) {
      const d = heapD[0];
      const v = heapV[0];
      hn = heapPop(heapD, heapV, hn);
      if (settled[v] === 1 || d > dist[v]) continue;
      settled[v] = 1;
      stack[nS++] = v;
      for (let e = outStart[v]; e < outStart[v + 1]; e++) {
        const w = outTo[e];
        if (settled[w] === 1) continue;
        const alt = d + outLen[e];
        if (alt < dist[w]) {
          dist[w] = alt;
          sigma[w] = sigma[v];
          hn = heapPush(heapD, heapV, hn, alt, w);
          predV[np] = v;
          predNext[np] = -1;
          predHead[w] = np++;
        } else if (alt === dist[w]) {
          sigma[w] += sigma[v];
          predV[np] = v;
          predNext[np] = predHead[w];
          predHead[w] = np++;
        }
      }
    }
    // Accumulate in reverse settle order. Each w pushes to its predecessors, distinct accumulators,
    // so the order within w's list does not change any sum.
    for (let r = nS - 1; r >= 0; r--) {
      const w = stack[r];
      const coeff = (1 + delta[w]) / sigma[w];
      for (let p = predHead[w]; p >= 0; p = predNext[p]) {
        const v = predV[p];
        delta[v] += sigma[v] * coeff;
      }
      if (w !== s) bc[w] += delta[w];
    }
    for (let r = 0; r < nS; r++) {
      const v = stack[r];
      dist[v] = Infinity;
      sigma[v] = 0;
      delta[v] = 0;
      settled[v] = 0;
      predHead[v] = -1;
    }
  };
  return { source, bc };
}

function heapPush(hd: Float64Array, hv: Int32Array, hn: number, d: number, v: number): number {
  let i = hn;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (hd[p] <= d) break;
    hd[i] = hd[p];
    hv[i] = hv[p];
    i = p;
  }
  hd[i] = d;
  hv[i] = v;
  return hn + 1;
}

function heapPop(hd: Float64Array, hv: Int32Array, hn: number): number {
  const last = hn - 1;
  const d = hd[last];
  const v = hv[last];
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= last) break;
    if (c + 1 < last && hd[c + 1] < hd[c]) c++;
    if (hd[c] >= d) break;
    hd[i] = hd[c];
    hv[i] = hv[c];
    i = c;
  }
  if (last > 0) {
    hd[i] = d;
    hv[i] = v;
  }
  return last;
}
