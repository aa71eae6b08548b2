// The betweenness implementation as it stood before the predecessor-list and edge-length
// optimisations of lib/metrics/betweenness.ts, kept verbatim as the reference those must equal bit
// for bit (tests/unit/metrics/betweenness-fast.test.ts).
import { type BetweennessOptions, type BetweennessResult, type WeightedDigraph, samplePivots } from "@/lib/metrics/betweenness";

export function betweennessReference(G: WeightedDigraph, opts: BetweennessOptions): BetweennessResult {
  const { n: nAll, outStart, outTo, outWeight, inStart, inFrom, inWeight } = G;
  let count = 0;
  for (let v = 0; v < nAll; v++) if (!opts.isNode || opts.isNode[v]) count++;
  const members = new Int32Array(count);
  for (let v = 0, c = 0; v < nAll; v++) if (!opts.isNode || opts.isNode[v]) members[c++] = v;
  const exact = count <= opts.exactUpTo || opts.pivots >= count;
  const sources = exact ? members : samplePivots(members, opts.pivots, opts.seed);

  const bc = new Float64Array(nAll);
  const dist = new Float64Array(nAll).fill(Infinity);
  const sigma = new Float64Array(nAll);
  const delta = new Float64Array(nAll);
  // Position in the settle order; −1 unsettled. A predecessor must settle before its successor.
  const rank = new Int32Array(nAll).fill(-1);
  const stack = new Int32Array(nAll);
  const heapD = new Float64Array(outTo.length + 1);
  const heapV = new Int32Array(outTo.length + 1);

  for (let si = 0; si < sources.length; si++) {
    const s = sources[si];
    let nS = 0;
    let hn = 0;
    dist[s] = 0;
    sigma[s] = 1;
    heapD[0] = 0;
    heapV[0] = s;
    hn = 1;
    while (hn > 0) {
      const d = heapD[0];
      const v = heapV[0];
      hn = heapPop(heapD, heapV, hn);
      if (rank[v] >= 0 || d > dist[v]) continue;
      rank[v] = nS;
      stack[nS++] = v;
      for (let e = outStart[v]; e < outStart[v + 1]; e++) {
        const w = outTo[e];
        if (rank[w] >= 0) continue;
        const alt = d + 1 / outWeight[e];
        if (alt < dist[w]) {
          dist[w] = alt;
          sigma[w] = sigma[v];
          hn = heapPush(heapD, heapV, hn, alt, w);
        } else if (alt === dist[w]) {
          sigma[w] += sigma[v];
        }
      }
    }
    // Accumulate in reverse settle order; predecessors are re-derived from the in-edges with the
    // same floating-point sum used above, so equality holds exactly where it held in the search.
    for (let r = nS - 1; r >= 0; r--) {
      const w = stack[r];
      const coeff = (1 + delta[w]) / sigma[w];
      for (let e = inStart[w]; e < inStart[w + 1]; e++) {
        const v = inFrom[e];
        if (rank[v] < 0 || rank[v] >= r) continue;
        if (dist[v] + 1 / inWeight[e] === dist[w]) delta[v] += sigma[v] * coeff;
      }
      if (w !== s) bc[w] += delta[w];
    }
    for (let r = 0; r < nS; r++) {
      const v = stack[r];
      dist[v] = Infinity;
      sigma[v] = 0;
      delta[v] = 0;
      rank[v] = -1;
    }
  }

  if (count > 2) {
    const scale = (exact ? 1 : count / sources.length) / ((count - 1) * (count - 2));
    for (let v = 0; v < nAll; v++) bc[v] *= scale;
  }
  return { value: bc, exact, pivots: exact ? null : sources, n: count };
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
