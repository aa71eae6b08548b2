// Attribution over time, METRICS.md §3: the flow A_u(t) and its decomposition into top sources.
//
// A_u(t) is the credit u keeps that was minted in period t, wherever it ended up: credit reaching
// older work is dated to the period of the contribution that minted it. The cascade is linear, so
// the full cascade is the sum of one cascade per origin period, each seeded only with that period's
// minting. Each origin-period pass starts at the period's newest contribution and walks the shared
// processing order towards older work, stopping as soon as no credit is pending, so its cost is the
// part of the graph that period's credit actually reaches (no links: O(period size)).
//
// Decomposition: A_u(t) = own_u(t) + Σ over links e into u's contributions v of
//   x_e(t) · keep(v) · share(u, v)
// where x_e(t) is the period-t credit carried by e and keep(v) is the fraction v keeps (1 − ρ, or 1
// without eligible out-links). A row's top links rank those terms; its top sources aggregate them
// by the authors of the linking contribution (the contributors whose work carried the credit in),
// split by their shares. Self-links count: a contributor can be their own source.

import type { Graph } from "./graph";
import type { CascadeResult } from "./attribution";
import { type PeriodUnit, periodOf } from "./periods";
import { Float64Buffer, Int32Buffer, TopK } from "./typed-buffer";

export interface FlowSources {
  k: number;
  /** top links of row r: linkEdge[linkStart[r] .. linkStart[r+1]), largest first (Graph.linkId maps to ids) */
  linkStart: Int32Array;
  linkEdge: Int32Array;
  linkValue: Float64Array;
  /** top source contributors of row r, largest first */
  sourceStart: Int32Array;
  sourceContributor: Int32Array;
  sourceValue: Float64Array;
}

/** Sparse (contributor, period, value) rows, grouped by period ascending, contributors ascending. */
export interface AttributionFlow {
  unit: PeriodUnit;
  firstPeriod: number;
  nPeriods: number;
  /** rows of period firstPeriod + p are [periodStart[p], periodStart[p + 1]) */
  periodStart: Int32Array;
  contributor: Int32Array;
  /** A_u(t) */
  value: Float64Array;
  /** the part of A_u(t) kept from u's own contributions minted in t; value − own came through links */
  own: Float64Array;
  sources: FlowSources | null;
}

export interface FlowOptions {
  unit: PeriodUnit;
  /** number of top links and top source contributors per row (default 5) */
  topK?: number;
  /** compute the decomposition (default true) */
  withSources?: boolean;
  /** extend the series with empty periods up to this period (e.g. the current one) */
  throughPeriod?: number;
}

/** Rows of one period kept between passes; scratch arrays are shared by every pass. */
interface Scratch {
  acc: Float64Array;
  ownAcc: Float64Array;
  stamp: Int32Array;
  touched: Int32Array;
  recEdge: Int32Array;
  recFlow: Float64Array;
  cnt: Int32Array;
  slot: Int32Array;
  entEdge: Int32Buffer;
  entAmt: Float64Buffer;
  srcAcc: Float64Array;
  srcList: Int32Array;
}

export function computeAttributionFlow(g: Graph, cascade: CascadeResult, opts: FlowOptions): AttributionFlow {
  const { nC, nU, outStart, outTo, authorStart, authorIdx, authorShare } = g;
  const { minted, linkWeight, outWeight, order, rho } = cascade;
  const k = opts.topK ?? 5;
  const withSources = opts.withSources ?? true;
  const firstPeriod = nC > 0 ? periodOf(g.time[0], opts.unit) : (opts.throughPeriod ?? 0);
  const lastData = nC > 0 ? periodOf(g.time[nC - 1], opts.unit) : firstPeriod - 1;
  const nPeriods = Math.max(lastData, opts.throughPeriod ?? lastData) - firstPeriod + 1;

  // Order positions of each period: `order` is newest first, so a period is one contiguous run.
  const blockStart = new Int32Array(Math.max(nPeriods, 0)).fill(-1);
  const blockEnd = new Int32Array(Math.max(nPeriods, 0));
  for (let q = 0; q < nC; q++) {
    const p = periodOf(g.time[order[q]], opts.unit) - firstPeriod;
    if (blockStart[p] < 0) blockStart[p] = q;
    blockEnd[p] = q + 1;
  }
  const keep = new Float64Array(nC);
  for (let i = 0; i < nC; i++) keep[i] = outWeight[i] > 0 ? 1 - rho : 1;

  const s: Scratch = {
    acc: new Float64Array(nU), ownAcc: new Float64Array(nU), stamp: new Int32Array(nU).fill(-1),
    touched: new Int32Array(nU),
    recEdge: new Int32Array(withSources ? g.nE : 0), recFlow: new Float64Array(withSources ? g.nE : 0),
    cnt: new Int32Array(withSources ? nU : 0), slot: new Int32Array(withSources ? nU : 0),
    entEdge: new Int32Buffer(), entAmt: new Float64Buffer(),
    srcAcc: new Float64Array(withSources ? nU : 0), srcList: new Int32Array(withSources ? nU : 0),
  };
  const buf = new Float64Array(nC);
  const periodStart = new Int32Array(Math.max(nPeriods, 0) + 1);
  const rowU = new Int32Buffer(), rowV = new Float64Buffer(), rowOwn = new Float64Buffer();
  const top = new TopK(k);
  const src = withSources ? newSourcesBuffers() : null;

  for (let p = 0; p < nPeriods; p++) {
    periodStart[p] = rowU.length;
    const bs = blockStart[p];
    if (bs < 0) continue;
    const be = blockEnd[p];
    let nTouched = 0;
    let nRec = 0;
    let pending = 0;
    for (let q = bs; q < nC; q++) {
      const inBlock = q < be;
      if (!inBlock && pending === 0) break;
      const i = order[q];
      let c = buf[i];
      if (c !== 0) {
        buf[i] = 0;
        pending--;
      }
      const m = inBlock ? minted[i] : 0;
      c += m;
      if (c === 0) continue;
      const kf = keep[i];
      for (let a = authorStart[i]; a < authorStart[i + 1]; a++) {
        const u = authorIdx[a];
        if (s.stamp[u] !== p) {
          s.stamp[u] = p;
          s.acc[u] = 0;
          s.ownAcc[u] = 0;
          s.touched[nTouched++] = u;
        }
        s.acc[u] += authorShare[a] * c * kf;
        s.ownAcc[u] += authorShare[a] * m * kf;
      }
      const tot = outWeight[i];
      if (tot <= 0) continue;
      const f = (rho * c) / tot;
      for (let e = outStart[i]; e < outStart[i + 1]; e++) {
        const x = linkWeight[e] * f;
        if (x === 0) continue;
        const j = outTo[e];
        if (buf[j] === 0) pending++;
        buf[j] += x;
        if (withSources) {
          s.recEdge[nRec] = e;
          s.recFlow[nRec++] = x;
        }
      }
    }
    const touched = s.touched.subarray(0, nTouched).sort();
    if (src) groupEntries(g, s, keep, touched, nRec);
    for (let r = 0; r < nTouched; r++) {
      const u = touched[r];
      if (!(s.acc[u] > 0)) continue;
      rowU.push(u);
      rowV.push(s.acc[u]);
      rowOwn.push(s.ownAcc[u]);
      if (src) emitSources(g, s, u, top, src);
    }
  }
  periodStart[Math.max(nPeriods, 0)] = rowU.length;

  return {
    unit: opts.unit, firstPeriod, nPeriods: Math.max(nPeriods, 0), periodStart,
    contributor: rowU.toArray(), value: rowV.toArray(), own: rowOwn.toArray(),
    sources: src
      ? {
          k, linkStart: closeStarts(src.linkStart, src.linkEdge.length), linkEdge: src.linkEdge.toArray(),
          linkValue: src.linkValue.toArray(), sourceStart: closeStarts(src.sourceStart, src.sourceContributor.length),
          sourceContributor: src.sourceContributor.toArray(), sourceValue: src.sourceValue.toArray(),
        }
      : null,
  };
}

function newSourcesBuffers() {
  return {
    linkStart: new Int32Buffer(), linkEdge: new Int32Buffer(), linkValue: new Float64Buffer(),
    sourceStart: new Int32Buffer(), sourceContributor: new Int32Buffer(), sourceValue: new Float64Buffer(),
  };
}
type SourcesBuffers = ReturnType<typeof newSourcesBuffers>;

function closeStarts(starts: Int32Buffer, total: number): Int32Array {
  starts.push(total);
  return starts.toArray();
}

/**
 * Buckets this pass's link flows by the receiving contributor (counting sort over the touched
 * contributors only, so a pass costs what it touched, not O(nU)). Each entry is one link's kept
 * contribution to one co-author of its target.
 */
function groupEntries(g: Graph, s: Scratch, keep: Float64Array, touched: Int32Array, nRec: number): void {
  const { authorStart, authorIdx, authorShare, outTo } = g;
  for (let r = 0; r < touched.length; r++) s.cnt[touched[r]] = 0;
  for (let r = 0; r < nRec; r++) {
    const j = outTo[s.recEdge[r]];
    if (keep[j] === 0) continue;
    for (let a = authorStart[j]; a < authorStart[j + 1]; a++) if (authorShare[a] > 0) s.cnt[authorIdx[a]]++;
  }
  let total = 0;
  for (let r = 0; r < touched.length; r++) {
    const u = touched[r];
    s.slot[u] = total;
    total += s.cnt[u];
    s.cnt[u] = s.slot[u];
  }
  // After this pass cnt[u] is the start of u's slice and slot[u] its end.
  s.entEdge.resize(total);
  s.entAmt.resize(total);
  for (let r = 0; r < nRec; r++) {
    const e = s.recEdge[r];
    const j = outTo[e];
    const xk = s.recFlow[r] * keep[j];
    if (xk === 0) continue;
    for (let a = authorStart[j]; a < authorStart[j + 1]; a++) {
      if (!(authorShare[a] > 0)) continue;
      const pos = s.slot[authorIdx[a]]++;
      s.entEdge.data[pos] = e;
      s.entAmt.data[pos] = xk * authorShare[a];
    }
  }
}

function emitSources(g: Graph, s: Scratch, u: number, top: TopK, out: SourcesBuffers): void {
  const { authorStart, authorIdx, authorShare, edgeFrom } = g;
  const lo = s.cnt[u];
  const hi = s.slot[u];
  top.reset();
  for (let r = lo; r < hi; r++) top.offer(s.entEdge.data[r], s.entAmt.data[r]);
  out.linkStart.push(out.linkEdge.length);
  for (let r = 0; r < top.size; r++) {
    out.linkEdge.push(top.ids[r]);
    out.linkValue.push(top.values[r]);
  }
  let nSrc = 0;
  for (let r = lo; r < hi; r++) {
    const i = edgeFrom[s.entEdge.data[r]];
    const amt = s.entAmt.data[r];
    for (let a = authorStart[i]; a < authorStart[i + 1]; a++) {
      const v = amt * authorShare[a];
      if (!(v > 0)) continue;
      const w = authorIdx[a];
      if (s.srcAcc[w] === 0) s.srcList[nSrc++] = w;
      s.srcAcc[w] += v;
    }
  }
  top.reset();
  for (let r = 0; r < nSrc; r++) {
    const w = s.srcList[r];
    if (s.srcAcc[w] > 0) top.offer(w, s.srcAcc[w]);
    s.srcAcc[w] = 0;
  }
  out.sourceStart.push(out.sourceContributor.length);
  for (let r = 0; r < top.size; r++) {
    out.sourceContributor.push(top.ids[r]);
    out.sourceValue.push(top.values[r]);
  }
}
