// Hubs, METRICS.md §5: position in the contributor projection versus contribution.
//
// Projection of a window: an edge u→w whose weight sums, over the links e = (x→y) with the source x
// in the window, share(u, x) · share(w, y). So each link weighs 1 in total, split over its author
// pairs; links between co-authors of the two ends count only for distinct pairs (self edges u→u are
// dropped). Which links count is the shared reading of link-scope.ts (also used by coherence): not
// disputed, and neither end quarantined as suspected gaming, so a link ring cannot make its members
// look like brokers. The target y may be older than the window (building on old work is activity of
// the window). With a project filter both ends must be in the project.
// Nodes: contributors who authored a contribution in the window, plus every projection endpoint.
//
// Shares: attribution share = a_u / Σ a over all contributors (the caller passes the attribution of
// the window, e.g. sumFlow over its periods, or the cascade total); contribution share = Σ of u's
// author shares over the window's minting contributions (m_v > 0, so rejected or quarantined work
// does not count as work) / their number. ICR uses H = the ceil(0.1 · n) nodes of highest
// betweenness, ties broken by the lower contributor index.

import { type ProjectFilter, mintCredit } from "./attribution";
import { type BetweennessResult, type WeightedDigraph, betweennessCentrality, samplePivots } from "./betweenness";
import type { Graph } from "./graph";
import { LINK_IGNORED, classifyLinks, lowerBoundTime } from "./link-scope";
import { type EngineMemo, bytesFloat64, float64Bytes, memoKey } from "./memo";
import type { MetricParams } from "./params";
import { Float64Buffer, Int32Buffer } from "./typed-buffer";

export interface HubsWindow {
  project?: ProjectFilter;
  /** inclusive start, ms UTC; default: the beginning */
  fromMs?: number;
  /** exclusive end, ms UTC; default: the end */
  toMs?: number;
}

export interface ContributorProjection extends WeightedDigraph {
  /** 1 for contributors that are nodes of the window's projection */
  isNode: Uint8Array;
  nNodes: number;
}

export interface HubsResult {
  /** number of projection nodes */
  n: number;
  betweenness: BetweennessResult;
  attributionShare: Float64Array;
  contributionShare: Float64Array;
  /** attribution share − contribution share */
  premium: Float64Array;
  /** the pass-through passed in (e.g. passThroughByContributor(...).ratio), for display beside the rest */
  passThrough: Float64Array | null;
  /** H: contributor indices, highest betweenness first */
  hubs: Int32Array;
  hubAttributionShare: number;
  hubContributionShare: number;
  /** null when H did no minting work in the window (the ratio is undefined) */
  icr: number | null;
}

/** The contributions of the window's time range, [from, to) in graph order (contributions are sorted by time). */
function windowRange(g: Graph, w: HubsWindow): [number, number] {
  const from = w.fromMs === undefined ? 0 : lowerBoundTime(g.time, w.fromMs);
  const to = w.toMs === undefined ? g.nC : lowerBoundTime(g.time, w.toMs);
  return [from, Math.max(from, to)];
}

function inProject(g: Graph, i: number, w: HubsWindow): boolean {
  return w.project == null || g.project[i] === w.project;
}

export function buildContributorProjection(g: Graph, win: HubsWindow = {}): ContributorProjection {
  const { nU, authorStart, authorIdx, authorShare, outStart, outTo } = g;
  const counted = classifyLinks(g);
  const project = win.project ?? null;
  const isNode = new Uint8Array(nU);
  const pu = new Int32Buffer(), pw = new Int32Buffer(), px = new Float64Buffer();
  const [first, end] = windowRange(g, win);
  for (let i = first; i < end; i++) {
    if (!inProject(g, i, win)) continue;
    for (let a = authorStart[i]; a < authorStart[i + 1]; a++) isNode[authorIdx[a]] = 1;
    for (let e = outStart[i]; e < outStart[i + 1]; e++) {
      const j = outTo[e];
      if (counted[e] === LINK_IGNORED || (project !== null && g.project[j] !== project)) continue;
      for (let a = authorStart[i]; a < authorStart[i + 1]; a++) {
        for (let b = authorStart[j]; b < authorStart[j + 1]; b++) {
          const u = authorIdx[a], w = authorIdx[b];
          const x = authorShare[a] * authorShare[b];
          if (u === w || !(x > 0)) continue;
          pu.push(u);
          pw.push(w);
          px.push(x);
          isNode[w] = 1;
        }
      }
    }
  }
  // Two stable counting sorts (by target, then by source) group the duplicate pairs to merge.
  const m = pu.length;
  const byW = countingOrder(pw.data, m, nU, null);
  const byUW = countingOrder(pu.data, m, nU, byW);
  const outStartP = new Int32Array(nU + 1);
  const to = new Int32Buffer(), wt = new Float64Buffer();
  let prevU = -1, prevW = -1;
  for (let r = 0; r < m; r++) {
    const k = byUW[r];
    const u = pu.data[k], w = pw.data[k];
    if (u === prevU && w === prevW) {
      wt.data[wt.length - 1] += px.data[k];
      continue;
    }
    to.push(w);
    wt.push(px.data[k]);
    outStartP[u + 1]++;
    prevU = u;
    prevW = w;
  }
  for (let u = 0; u < nU; u++) outStartP[u + 1] += outStartP[u];
  const outToP = to.toArray(), outWeightP = wt.toArray();
  const inStart = new Int32Array(nU + 1);
  for (let e = 0; e < outToP.length; e++) inStart[outToP[e] + 1]++;
  for (let u = 0; u < nU; u++) inStart[u + 1] += inStart[u];
  const inFrom = new Int32Array(outToP.length), inWeight = new Float64Array(outToP.length);
  const fill = inStart.slice(0, nU);
  for (let u = 0; u < nU; u++) {
    for (let e = outStartP[u]; e < outStartP[u + 1]; e++) {
      const p = fill[outToP[e]]++;
      inFrom[p] = u;
      inWeight[p] = outWeightP[e];
    }
  }
  let nNodes = 0;
  for (let u = 0; u < nU; u++) nNodes += isNode[u];
  return { n: nU, outStart: outStartP, outTo: outToP, outWeight: outWeightP, inStart, inFrom, inWeight, isNode, nNodes };
}

/** Stable counting sort of `within` (or 0 .. m−1) by key[·] in [0, nKeys). */
function countingOrder(key: Int32Array, m: number, nKeys: number, within: Int32Array | null): Int32Array {
  const start = new Int32Array(nKeys + 1);
  for (let r = 0; r < m; r++) start[key[r] + 1]++;
  for (let k = 0; k < nKeys; k++) start[k + 1] += start[k];
  const out = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    const idx = within ? within[r] : r;
    out[start[key[idx]]++] = idx;
  }
  return out;
}

/** Contribution share per contributor over the window's minting contributions (m_v > 0). */
export function contributionShares(g: Graph, params: MetricParams, win: HubsWindow = {}): Float64Array {
  const minted = mintCredit(g, params, win.project ?? null);
  const share = new Float64Array(g.nU);
  let count = 0;
  const [from, to] = windowRange(g, win);
  for (let i = from; i < to; i++) {
    if (!(minted[i] > 0) || !inProject(g, i, win)) continue;
    count++;
    for (let a = g.authorStart[i]; a < g.authorStart[i + 1]; a++) share[g.authorIdx[a]] += g.authorShare[a];
  }
  if (count > 0) for (let u = 0; u < g.nU; u++) share[u] /= count;
  return share;
}

/** The top ceil(0.1 · n) projection nodes by betweenness, highest first, ties by lower index. */
export function topByBetweenness(value: Float64Array, isNode: Uint8Array, nNodes: number): Int32Array {
  const members = new Int32Array(nNodes);
  for (let u = 0, c = 0; u < isNode.length; u++) if (isNode[u]) members[c++] = u;
  const sorted = Array.from(members).sort((a, b) => value[b] - value[a] || a - b);
  return Int32Array.from(sorted.slice(0, Math.ceil(0.1 * nNodes)));
}

/**
 * Betweenness of the projection's nodes, computed on the projection compacted to its nodes (same
 * relative order, same edge order, so every value comes out bit for bit as on the full index
 * space: the search never reads a non-node) and memoized by the compacted graph's exact bytes.
 */
export function projectionBetweenness(proj: ContributorProjection, opts: MetricParams["betweenness"], memo?: EngineMemo): BetweennessResult {
  const { n: nAll, isNode, nNodes } = proj;
  const members = new Int32Array(nNodes);
  const pos = new Int32Array(nAll).fill(-1);
  for (let u = 0, c = 0; u < nAll; u++) {
    if (!isNode[u]) continue;
    pos[u] = c;
    members[c++] = u;
  }
  const outStart = new Int32Array(nNodes + 1);
  const outTo = new Int32Array(proj.outTo.length);
  const outWeight = new Float64Array(proj.outTo.length);
  let k = 0;
  for (let c = 0; c < nNodes; c++) {
    const u = members[c];
    for (let e = proj.outStart[u]; e < proj.outStart[u + 1]; e++, k++) {
      outTo[k] = pos[proj.outTo[e]];
      outWeight[k] = proj.outWeight[e];
    }
    outStart[c + 1] = k;
  }
  const exact = nNodes <= opts.exactUpTo || opts.pivots >= nNodes;
  const key = memo ? memoKey("betweenness", [opts.exactUpTo, opts.pivots, opts.seed, nNodes], [outStart, outTo.subarray(0, k), outWeight.subarray(0, k)]) : "";
  const cached = memo?.get(key);
  let compactValue: Float64Array;
  if (cached) {
    compactValue = bytesFloat64(cached);
  } else {
    const none = new Int32Array(0);
    const compact: WeightedDigraph = { n: nNodes, outStart, outTo: outTo.subarray(0, k), outWeight: outWeight.subarray(0, k), inStart: none, inFrom: none, inWeight: new Float64Array(0) };
    compactValue = betweennessCentrality(compact, opts).value;
    memo?.set(key, float64Bytes(compactValue));
  }
  const value = new Float64Array(nAll);
  for (let c = 0; c < nNodes; c++) value[members[c]] = compactValue[c];
  // The sampled pivots, as betweennessCentrality draws them (the same positions of the same members).
  const pivots = exact ? null : samplePivots(members, opts.pivots, opts.seed);
  return { value, exact, pivots, n: nNodes };
}

export function computeHubs(
  g: Graph,
  params: MetricParams,
  attribution: Float64Array,
  passThrough: Float64Array | null = null,
  win: HubsWindow = {},
  memo?: EngineMemo,
): HubsResult {
  const proj = buildContributorProjection(g, win);
  const betweenness = projectionBetweenness(proj, params.betweenness, memo);
  let totalAttr = 0;
  for (let u = 0; u < g.nU; u++) totalAttr += attribution[u];
  const attributionShare = new Float64Array(g.nU);
  if (totalAttr > 0) for (let u = 0; u < g.nU; u++) attributionShare[u] = attribution[u] / totalAttr;
  const contributionShare = contributionShares(g, params, win);
  const premium = new Float64Array(g.nU);
  for (let u = 0; u < g.nU; u++) premium[u] = attributionShare[u] - contributionShare[u];

  const hubs = topByBetweenness(betweenness.value, proj.isNode, proj.nNodes);
  let hubAttributionShare = 0, hubContributionShare = 0;
  for (const u of hubs) {
    hubAttributionShare += attributionShare[u];
    hubContributionShare += contributionShare[u];
  }
  return {
    n: proj.nNodes, betweenness, attributionShare, contributionShare, premium, passThrough, hubs,
    hubAttributionShare, hubContributionShare,
    icr: hubContributionShare > 0 ? hubAttributionShare / hubContributionShare : null,
  };
}
