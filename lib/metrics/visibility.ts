// Visibility, METRICS.md §3: the stock V_u(t) = (1 − d) · V_u(t−1) + A_u(t), starting from 0 before
// the first period of the flow, and the share V_u(t) / Σ_w V_w(t). d comes from decayFor(unit, params)
// so months keep the weekly half-life. The stock is dense (it never returns to exactly 0), so the
// series is streamed one period at a time rather than materialised as contributors × periods.

import type { AttributionFlow } from "./attribution-flow";

/**
 * Calls `visit` for every period of the flow, in order, with the stock of every contributor at the
 * end of that period and its total. `stock` is one reused buffer: copy what you keep.
 */
export function forEachVisibility(
  flow: AttributionFlow,
  nU: number,
  d: number,
  visit: (period: number, stock: Float64Array, total: number) => void,
): void {
  const stock = new Float64Array(nU);
  const keep = 1 - d;
  let total = 0;
  for (let p = 0; p < flow.nPeriods; p++) {
    // The total follows the same recurrence, so it costs no extra pass over contributors.
    let added = 0;
    for (let u = 0; u < nU; u++) stock[u] *= keep;
    for (let r = flow.periodStart[p]; r < flow.periodStart[p + 1]; r++) {
      stock[flow.contributor[r]] += flow.value[r];
      added += flow.value[r];
    }
    total = total * keep + added;
    visit(flow.firstPeriod + p, stock, total);
  }
}

/** Σ_u V_u(t) for every period of the flow (index p is period firstPeriod + p). */
export function visibilityTotals(flow: AttributionFlow, d: number): Float64Array {
  const out = new Float64Array(flow.nPeriods);
  let total = 0;
  for (let p = 0; p < flow.nPeriods; p++) {
    let added = 0;
    for (let r = flow.periodStart[p]; r < flow.periodStart[p + 1]; r++) added += flow.value[r];
    total = total * (1 - d) + added;
    out[p] = total;
  }
  return out;
}

/** The stock of every contributor at the end of `period` (0 before the flow starts). */
export function visibilityAt(flow: AttributionFlow, nU: number, d: number, period: number): Float64Array {
  const stock = new Float64Array(nU);
  const last = Math.min(period - flow.firstPeriod, flow.nPeriods - 1);
  for (let p = 0; p <= last; p++) {
    const factor = Math.pow(1 - d, last - p);
    for (let r = flow.periodStart[p]; r < flow.periodStart[p + 1]; r++) stock[flow.contributor[r]] += factor * flow.value[r];
  }
  // Past the end of the flow nothing is added, so the stock only decays.
  if (period - flow.firstPeriod > last && last >= 0) {
    const extra = Math.pow(1 - d, period - flow.firstPeriod - last);
    for (let u = 0; u < nU; u++) stock[u] *= extra;
  }
  return stock;
}

/** Visibility share V_u(t) / Σ V(t); all zeros when nothing is visible yet. */
export function visibilityShare(stock: Float64Array): Float64Array {
  let total = 0;
  for (let u = 0; u < stock.length; u++) total += stock[u];
  const share = new Float64Array(stock.length);
  if (total > 0) for (let u = 0; u < stock.length; u++) share[u] = stock[u] / total;
  return share;
}

/** V_u(t) of one contributor over every period of the flow (index p is period firstPeriod + p). */
export function contributorVisibility(flow: AttributionFlow, u: number, d: number): Float64Array {
  const out = new Float64Array(flow.nPeriods);
  let v = 0;
  for (let p = 0; p < flow.nPeriods; p++) {
    v *= 1 - d;
    // Rows of a period are sorted by contributor, so a binary search finds u.
    let lo = flow.periodStart[p];
    let hi = flow.periodStart[p + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (flow.contributor[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    if (lo < flow.periodStart[p + 1] && flow.contributor[lo] === u) v += flow.value[lo];
    out[p] = v;
  }
  return out;
}
