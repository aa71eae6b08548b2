// Louvain community detection (Blondel et al. 2008) on an undirected weighted graph in CSR form.
//
// Why not graphology-communities-louvain: on the engine's windowed projections (≈60k edges, one per
// period, 150 periods) building graphology graphs and their per-edge objects cost ~200 ms a window
// and drove the run past half a minute, mostly in allocation and GC. This is the same algorithm on
// typed arrays. It visits nodes in index order instead of a random walk, so it needs no seed and is
// deterministic by construction; the unit tests hold its modularity against the library's.
//
// Modularity Q = Σ_c [in_c / 2m − (tot_c / 2m)²], in_c = Σ_{i,j ∈ c} A_ij (each edge twice),
// tot_c = Σ_{i ∈ c} k_i, resolution 1. Moving an isolated node i into community D changes Q by
// (1/m)·(k_{i,D} − tot_D · k_i / 2m), the gain compared below (the 1/m factor dropped).

export interface LouvainResult {
  /** community of each node, numbered 0.. in order of first appearance by node index */
  community: Int32Array;
  count: number;
  /** null for a graph without edges */
  modularity: number | null;
}

/** Gains below this are float noise; requiring more stops a node from flapping between equals. */
const EPS = 1e-12;

interface Level {
  n: number;
  start: Int32Array;
  adj: Int32Array;
  w: Float64Array;
  /** Σ_{i,j inside the node} A_ij of an aggregated node (0 at level 0) */
  self: Float64Array;
}

/**
 * One round of local moving with a work queue (the "fast local move" of Traag 2015, also the
 * library's default): every node once in index order, then only the neighbours of nodes that moved,
 * which avoids full passes over a graph where few nodes still move. Returns the community of each
 * node, or null when nothing moved.
 */
function localMoving(L: Level, k: Float64Array, m2: number, stamp: Int32Array, nw: Float64Array, list: Int32Array): Int32Array | null {
  const { n, start, adj, w } = L;
  const comm = new Int32Array(n);
  const tot = new Float64Array(n);
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    comm[i] = i;
    tot[i] = k[i];
    queue[i] = i;
    queued[i] = 1;
  }
  stamp.fill(-1, 0, n);
  // A circular queue of at most n nodes: `queued` keeps each node in it at most once.
  let head = 0;
  let size = n;
  let visit = 0;
  let movedAny = false;
  while (size > 0) {
    const i = queue[head];
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[i] = 0;
    const key = visit++; // unique per visit: `stamp` never needs clearing
    const ci = comm[i];
    let nList = 0;
    for (let e = start[i]; e < start[i + 1]; e++) {
      const j = adj[e];
      if (j === i) continue;
      const c = comm[j];
      if (stamp[c] !== key) {
        stamp[c] = key;
        nw[c] = 0;
        list[nList++] = c;
      }
      nw[c] += w[e];
    }
    tot[ci] -= k[i];
    let best = ci;
    let bestGain = (stamp[ci] === key ? nw[ci] : 0) - (tot[ci] * k[i]) / m2;
    for (let q = 0; q < nList; q++) {
      const c = list[q];
      const gain = nw[c] - (tot[c] * k[i]) / m2;
      if (gain > bestGain + EPS) {
        best = c;
        bestGain = gain;
      }
    }
    tot[best] += k[i];
    if (best === ci) continue;
    comm[i] = best;
    movedAny = true;
    for (let e = start[i]; e < start[i + 1]; e++) {
      const j = adj[e];
      if (queued[j] || comm[j] === best) continue;
      queued[j] = 1;
      let tail = head + size;
      if (tail >= n) tail -= n;
      queue[tail] = j;
      size++;
    }
  }
  return movedAny ? comm : null;
}

/**
 * `start`/`adj`/`w`: symmetric adjacency (each undirected edge listed from both ends; parallel
 * entries add up), no self-loops. O(E) per pass; passes and levels are few in practice.
 */
export function louvainCsr(n: number, start: Int32Array, adj: Int32Array, w: Float64Array): LouvainResult {
  const k0 = new Float64Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    for (let e = start[i]; e < start[i + 1]; e++) k0[i] += w[e];
    m2 += k0[i];
  }
  const community = new Int32Array(n);
  for (let i = 0; i < n; i++) community[i] = i;
  if (m2 === 0) return { community, count: n, modularity: null };

  const stamp = new Int32Array(n);
  const nw = new Float64Array(n);
  const list = new Int32Array(n);
  let L: Level = { n, start, adj, w, self: new Float64Array(n) };
  let k = k0;
  for (;;) {
    const comm = localMoving(L, k, m2, stamp, nw, list);
    if (comm === null) break;
    // Renumber communities by first appearance and carry the labels down to the original nodes.
    const id = new Int32Array(L.n).fill(-1);
    let C = 0;
    for (let i = 0; i < L.n; i++) if (id[comm[i]] < 0) id[comm[i]] = C++;
    for (let v = 0; v < n; v++) community[v] = id[comm[community[v]]];
    if (C === L.n) break;
    L = aggregate(L, comm, id, C, stamp, nw, list);
    k = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      k[c] = L.self[c];
      for (let e = L.start[c]; e < L.start[c + 1]; e++) k[c] += L.w[e];
    }
  }
  // Final labels in order of first appearance among the original nodes.
  const id = new Int32Array(n).fill(-1);
  let count = 0;
  for (let v = 0; v < n; v++) {
    if (id[community[v]] < 0) id[community[v]] = count++;
    community[v] = id[community[v]];
  }
  return { community, count, modularity: modularityOf(n, start, adj, w, community, count, k0, m2) };
}

/** The community graph: one node per community, parallel edges merged, inner weight kept as `self`. */
function aggregate(L: Level, comm: Int32Array, id: Int32Array, C: number, stamp: Int32Array, nw: Float64Array, list: Int32Array): Level {
  const memberStart = new Int32Array(C + 1);
  for (let i = 0; i < L.n; i++) memberStart[id[comm[i]] + 1]++;
  for (let c = 0; c < C; c++) memberStart[c + 1] += memberStart[c];
  const members = new Int32Array(L.n);
  const fill = memberStart.slice(0, C);
  for (let i = 0; i < L.n; i++) members[fill[id[comm[i]]]++] = i;
  const start = new Int32Array(C + 1);
  // Merged community edges never outnumber the level's adjacency entries.
  const adj = new Int32Array(L.adj.length);
  const w = new Float64Array(L.adj.length);
  let p = 0;
  const self = new Float64Array(C);
  stamp.fill(-1, 0, C);
  for (let c = 0; c < C; c++) {
    start[c] = p;
    let nList = 0;
    for (let q = memberStart[c]; q < memberStart[c + 1]; q++) {
      const i = members[q];
      self[c] += L.self[i];
      for (let e = L.start[i]; e < L.start[i + 1]; e++) {
        const d = id[comm[L.adj[e]]];
        if (d === c) {
          self[c] += L.w[e];
          continue;
        }
        if (stamp[d] !== c) {
          stamp[d] = c;
          nw[d] = 0;
          list[nList++] = d;
        }
        nw[d] += L.w[e];
      }
    }
    for (let q = 0; q < nList; q++) {
      adj[p] = list[q];
      w[p++] = nw[list[q]];
    }
  }
  start[C] = p;
  return { n: C, start, adj: adj.subarray(0, p), w: w.subarray(0, p), self };
}

function modularityOf(
  n: number, start: Int32Array, adj: Int32Array, w: Float64Array, community: Int32Array, count: number, k: Float64Array, m2: number,
): number {
  const inner = new Float64Array(count);
  const tot = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    tot[community[i]] += k[i];
    for (let e = start[i]; e < start[i + 1]; e++) if (community[adj[e]] === community[i]) inner[community[i]] += w[e];
  }
  let q = 0;
  for (let c = 0; c < count; c++) q += inner[c] / m2 - (tot[c] / m2) * (tot[c] / m2);
  return q;
}
