// The attribution flow and its decomposition as they stood before the decomposition was optimised
// (lib/metrics/attribution-flow.ts, flow-sources.ts), kept as the reference the optimised code must
// equal bit for bit (tests/unit/metrics/attribution-flow-fast.test.ts).
import type { Graph } from "@/lib/metrics/graph";
import type { CascadeResult } from "@/lib/metrics/attribution";
import type { AttributionFlow, FlowOptions } from "@/lib/metrics/attribution-flow";
import { SourcesCollector } from "./flow-sources-reference";
import { periodOf } from "@/lib/metrics/periods";
import { Float64Buffer, Int32Buffer } from "@/lib/metrics/typed-buffer";


/** Origin periods per sweep: 8 doubles are one 64-byte cache line. */
const BATCH = 8;

export function computeAttributionFlowReference(g: Graph, cascade: CascadeResult, opts: FlowOptions): AttributionFlow {
  const { nC, nU, outStart, outTo, authorStart, authorIdx, authorShare } = g;
  const { minted, linkWeight, outWeight, order, rho } = cascade;
  const B = BATCH;
  const firstPeriod = nC > 0 ? periodOf(g.time[0], opts.unit) : (opts.throughPeriod ?? 0);
  const lastData = nC > 0 ? periodOf(g.time[nC - 1], opts.unit) : firstPeriod - 1;
  const nPeriods = Math.max(0, Math.max(lastData, opts.throughPeriod ?? lastData) - firstPeriod + 1);

  // Order positions of each period: `order` is newest first, so a period is one contiguous run.
  const pIdx = new Int32Array(nC);
  for (let i = 0; i < nC; i++) pIdx[i] = periodOf(g.time[i], opts.unit) - firstPeriod;
  const blockStart = new Int32Array(nPeriods).fill(-1);
  const blockEnd = new Int32Array(nPeriods);
  for (let q = 0; q < nC; q++) {
    const p = pIdx[order[q]];
    if (blockStart[p] < 0) blockStart[p] = q;
    blockEnd[p] = q + 1;
  }
  const keep = new Float64Array(nC);
  for (let i = 0; i < nC; i++) keep[i] = outWeight[i] > 0 ? 1 - rho : 1;

  const buf = new Float64Array(nC * B);
  const isPending = new Uint8Array(nC);
  const acc = new Float64Array(nU * B);
  const ownAcc = new Float64Array(nU * B);
  const stamp = new Int32Array(nU).fill(-1);
  const touchedAll = new Int32Array(nU);
  const cv = new Float64Array(B);
  const fv = new Float64Array(B);
  const src = (opts.withSources ?? true) ? new SourcesCollector(g, linkWeight, keep, B, opts.topK ?? 5, opts.explain ?? null) : null;
  const periodStart = new Int32Array(nPeriods + 1);
  const rowU = new Int32Buffer(), rowV = new Float64Buffer(), rowOwn = new Float64Buffer();

  for (let p0 = 0; p0 < nPeriods; p0 += B) {
    const nb = Math.min(B, nPeriods - p0);
    let q0 = -1, qEnd = -1;
    for (let b = nb - 1; b >= 0 && q0 < 0; b--) q0 = blockStart[p0 + b];
    for (let b = 0; b < nb && qEnd < 0; b++) if (blockStart[p0 + b] >= 0) qEnd = blockEnd[p0 + b];
    let nTouched = 0;
    let pending = 0;
    src?.beginSweep();
    for (let q = Math.max(q0, 0); q0 >= 0 && q < nC; q++) {
      const inBatch = q < qEnd;
      if (!inBatch && pending === 0) break;
      const i = order[q];
      const m = inBatch ? minted[i] : 0;
      const hasInflow = isPending[i] === 1;
      if (!hasInflow && m === 0) continue;
      const base = i * B;
      if (hasInflow) {
        isPending[i] = 0;
        pending--;
        for (let b = 0; b < B; b++) {
          cv[b] = buf[base + b];
          buf[base + b] = 0;
        }
      } else {
        cv.fill(0);
      }
      const bm = inBatch ? pIdx[i] - p0 : -1;
      if (bm >= 0) cv[bm] += m;
      const kf = keep[i];
      for (let a = authorStart[i]; a < authorStart[i + 1]; a++) {
        const u = authorIdx[a];
        const ub = u * B;
        if (stamp[u] !== p0) {
          stamp[u] = p0;
          acc.fill(0, ub, ub + B);
          ownAcc.fill(0, ub, ub + B);
          touchedAll[nTouched++] = u;
        }
        const sk = authorShare[a] * kf;
        for (let b = 0; b < B; b++) acc[ub + b] += sk * cv[b];
        if (bm >= 0) ownAcc[ub + bm] += sk * m;
      }
      const tot = outWeight[i];
      if (tot <= 0) continue;
      const f = rho / tot;
      for (let b = 0; b < B; b++) fv[b] = f * cv[b];
      const slot = src ? src.nSlots++ : -1;
      if (src) src.factor.set(fv, slot * B);
      for (let e = outStart[i]; e < outStart[i + 1]; e++) {
        const w = linkWeight[e];
        if (w === 0) continue;
        const j = outTo[e];
        if (isPending[j] === 0) {
          isPending[j] = 1;
          pending++;
        }
        const jb = j * B;
        for (let b = 0; b < B; b++) buf[jb + b] += w * fv[b];
        if (src) {
          src.recEdge[src.nRec] = e;
          src.recSlot[src.nRec++] = slot;
        }
      }
    }
    const touched = touchedAll.subarray(0, nTouched).sort();
    for (let b = 0; b < nb; b++) {
      periodStart[p0 + b] = rowU.length;
      src?.groupPeriod(b, touched);
      for (let r = 0; r < nTouched; r++) {
        const u = touched[r];
        const v = acc[u * B + b];
        if (!(v > 0)) continue;
        rowU.push(u);
        rowV.push(v);
        rowOwn.push(ownAcc[u * B + b]);
        src?.emitRow(u);
      }
    }
  }
  periodStart[nPeriods] = rowU.length;

  return {
    unit: opts.unit, firstPeriod, nPeriods, periodStart,
    contributor: rowU.toArray(), value: rowV.toArray(), own: rowOwn.toArray(),
    sources: src ? src.finish() : null,
  };
}

