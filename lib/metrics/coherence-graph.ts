// Graph measures of one windowed contributor projection (METRICS.md §6): reciprocity, the largest
// weakly connected component, and Louvain modularity with its community count.
//
// Input: directed (source, target, weight) pairs over local node ids 0..n−1, duplicates allowed
// (one pair per link and author pair). Nodes are the active contributors of the window, so an
// isolated node is an active contributor nobody linked with: it counts in the component
// denominator, but not in Louvain (a singleton "community" says nothing about structure and its
// degree is 0, so it cannot change Q).

import { louvainCsr } from "./louvain-csr";

export interface ProjectionStats {
  /** distinct directed contributor pairs u→w, u ≠ w */
  edges: number;
  /** directed pairs whose reverse also exists */
  reciprocalEdges: number;
  /** reciprocalEdges / edges; null without edges */
  reciprocity: number | null;
  /** nodes in the largest weakly connected component (an isolated node is a component of 1) */
  giantComponent: number;
  /** Louvain modularity Q of the undirected projection; null without edges */
  modularity: number | null;
  /** Louvain communities among nodes with at least one edge */
  communities: number;
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

export interface ProjectionCsr {
  n: number;
  /** merged directed edges: u's out-neighbours are outDst[outStart[u] .. outStart[u+1]) */
  outStart: Int32Array;
  outDst: Int32Array;
  outW: Float64Array;
  /** the same edges by target */
  inStart: Int32Array;
  inSrc: Int32Array;
  inW: Float64Array;
}

/** Merges duplicate (source, target) pairs by summing weights; O(n + pairs). */
export function buildProjection(n: number, src: Int32Array, dst: Int32Array, weight: Float64Array, nPairs: number): ProjectionCsr {
  // Counting sort by source, then a per-source slot table merges duplicates.
  const start = new Int32Array(n + 1);
  for (let k = 0; k < nPairs; k++) start[src[k] + 1]++;
  for (let u = 0; u < n; u++) start[u + 1] += start[u];
  const rawDst = new Int32Array(nPairs);
  const rawW = new Float64Array(nPairs);
  const fill = start.slice(0, n);
  for (let k = 0; k < nPairs; k++) {
    const p = fill[src[k]]++;
    rawDst[p] = dst[k];
    rawW[p] = weight[k];
  }
  const outStart = new Int32Array(n + 1);
  const outDst = new Int32Array(nPairs);
  const outW = new Float64Array(nPairs);
  const slot = new Int32Array(n).fill(-1);
  let m = 0;
  for (let u = 0; u < n; u++) {
    outStart[u] = m;
    for (let k = start[u]; k < start[u + 1]; k++) {
      const w = rawDst[k];
      // A slot below outStart[u] belongs to an earlier source: w is new for u.
      if (slot[w] >= outStart[u]) outW[slot[w]] += rawW[k];
      else {
        slot[w] = m;
        outDst[m] = w;
        outW[m++] = rawW[k];
      }
    }
  }
  outStart[n] = m;
  const inStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) inStart[outDst[k] + 1]++;
  for (let u = 0; u < n; u++) inStart[u + 1] += inStart[u];
  const inSrc = new Int32Array(m);
  const inW = new Float64Array(m);
  const inFill = inStart.slice(0, n);
  for (let u = 0; u < n; u++) {
    for (let k = outStart[u]; k < outStart[u + 1]; k++) {
      const p = inFill[outDst[k]]++;
      inSrc[p] = u;
      inW[p] = outW[k];
    }
  }
  return { n, outStart, outDst: outDst.subarray(0, m), outW: outW.subarray(0, m), inStart, inSrc, inW };
}

export function summarizeProjection(
  n: number, src: Int32Array, dst: Int32Array, weight: Float64Array, nPairs: number,
): ProjectionStats {
  const { outStart, outDst, outW, inStart, inSrc, inW } = buildProjection(n, src, dst, weight, nPairs);
  const m = outDst.length;
  const mark = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n);
  for (let u = 0; u < n; u++) parent[u] = u;
  let reciprocal = 0;
  for (let u = 0; u < n; u++) {
    for (let k = inStart[u]; k < inStart[u + 1]; k++) mark[inSrc[k]] = u;
    for (let k = outStart[u]; k < outStart[u + 1]; k++) {
      const w = outDst[k];
      const hasReverse = mark[w] === u;
      if (hasReverse) reciprocal++;
      const a = find(parent, u);
      const b = find(parent, w);
      if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
    }
  }

  const size = new Int32Array(n);
  let giant = 0;
  for (let u = 0; u < n; u++) {
    const r = find(parent, u);
    if (++size[r] > giant) giant = size[r];
  }

  // Undirected adjacency for Louvain: u's out-edges then its in-edges, so A_uw = w(u→w) + w(w→u)
  // (a reciprocal pair appears twice in each list and adds up). Louvain runs on the nodes with an
  // edge only: isolated active contributors would each be a community of one.
  let modularity: number | null = null;
  let communities = 0;
  if (m > 0) {
    const ids = new Int32Array(n).fill(-1);
    let nn = 0;
    for (let u = 0; u < n; u++) if (outStart[u + 1] > outStart[u] || inStart[u + 1] > inStart[u]) ids[u] = nn++;
    const start = new Int32Array(nn + 1);
    const adj = new Int32Array(2 * m);
    const w = new Float64Array(2 * m);
    let p = 0;
    for (let u = 0; u < n; u++) {
      if (ids[u] < 0) continue;
      start[ids[u]] = p;
      for (let k = outStart[u]; k < outStart[u + 1]; k++) {
        adj[p] = ids[outDst[k]];
        w[p++] = outW[k];
      }
      for (let k = inStart[u]; k < inStart[u + 1]; k++) {
        adj[p] = ids[inSrc[k]];
        w[p++] = inW[k];
      }
    }
    start[nn] = p;
    const res = louvainCsr(nn, start, adj, w);
    modularity = res.modularity;
    communities = res.count;
  }
  return {
    edges: m,
    reciprocalEdges: reciprocal,
    reciprocity: m === 0 ? null : reciprocal / m,
    giantComponent: n === 0 ? 0 : giant,
    modularity,
    communities,
  };
}
