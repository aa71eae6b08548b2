// Birth-cohort retention (METRICS.md §2), split by acquisition context.
//
// Cohort C_c = members of the scope's birth cohorts (activity.ts: birth from the full history) with
// birth(u) = c. Right-censoring: cohort c counts at offset N only when c + N ≤ T; otherwise the cell
// is null, never 0. An empty cohort has null cells too (0/0).
// - exact R_c(N): share of C_c active in period c + N.
// - unbounded R_c(N), horizon H: share of C_c active at some offset k with N ≤ k ≤ H and c + k ≤ T
//   (the literal definition: for a cohort with c + H > T the window is cut at T, so its value can
//   still rise as periods complete). Defined for N = 0 .. H.
// - aggregate R(N) = Σ_c retained_c(N) / Σ_c |C_c| over the cohorts eligible at N. The eligible set
//   shrinks as N grows, so unlike each R_c the aggregate unbounded curve need not be monotone.
// The cohort × offset count matrices span only the members' birth range, so per-campaign tables
// (whose members are born inside the campaign window) stay small.

import { acquisitionOf, computeConversion, ORGANIC, type Conversion } from "./acquisition";
import { periodInfo, type Activity } from "./activity";
import type { Graph } from "./graph";
import { dormancyGapFor } from "./lifecycle";
import type { MetricParams } from "./params";
import { periodLabel, type PeriodUnit } from "./periods";
import { computeSurvival, type SurvivalSummary } from "./survival";

export interface CohortRetention {
  /** absolute period c */
  period: number;
  label: string;
  isComplete: boolean;
  size: number;
  /** exact[N], N = 0 .. maxOffset of the table; null when c + N > T or the cohort is empty */
  exact: (number | null)[];
  /** members active in c + N (null where censored) */
  retainedExact: (number | null)[];
  /** unbounded[N], N = 0 .. H; null when c + N > T or the cohort is empty */
  unbounded: (number | null)[];
  retainedUnbounded: (number | null)[];
}

export interface CohortTables {
  cohorts: CohortRetention[];
  /** aggregate exact R(N), N = 0 .. T − first cohort */
  curveExact: (number | null)[];
  /** aggregate unbounded R(N), N = 0 .. H */
  curveUnbounded: (number | null)[];
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

/** Retention tables of the birth cohorts formed by `members` (contributor indices, inCohort = 1). */
export function computeCohortTables(act: Activity, members: Int32Array, horizon: number): CohortTables {
  const T = act.lastComplete;
  const H = horizon;
  let from = Infinity;
  let to = -Infinity;
  for (const u of members) {
    from = Math.min(from, act.birth[u]);
    to = Math.max(to, act.birth[u]);
  }
  if (members.length === 0) return { cohorts: [], curveExact: [], curveUnbounded: new Array(H + 1).fill(null) };
  const nC = to - from + 1;
  const width = Math.max(0, T - from + 1); // offsets 0 .. T − from
  const size = new Int32Array(nC);
  const exact = new Int32Array(nC * width);
  // lastHist[c][k]: members of cohort c whose last active offset within [0, min(H, T − c)] is k.
  const lastHist = new Int32Array(nC * (H + 1));
  for (const u of members) {
    const b = act.birth[u];
    const c = b - from;
    size[c]++;
    const limit = Math.min(H, T - b);
    let last = -1;
    for (let k = act.activeStart[u]; k < act.activeStart[u + 1]; k++) {
      const off = act.activePeriod[k] - b;
      if (off > T - b) break;
      exact[c * width + off]++;
      if (off <= limit) last = off;
    }
    if (last >= 0) lastHist[c * (H + 1) + last]++;
  }
  const cohorts: CohortRetention[] = [];
  const sumExact = new Float64Array(width);
  const denExact = new Float64Array(width);
  const sumUnb = new Float64Array(H + 1);
  const denUnb = new Float64Array(H + 1);
  for (let c = 0; c < nC; c++) {
    const t = from + c; // relative period of the cohort
    const n = size[c];
    const row: CohortRetention = { ...periodInfo(act, t), size: n, exact: [], retainedExact: [], unbounded: [], retainedUnbounded: [] };
    for (let N = 0; N < width; N++) {
      const ok = t + N <= T;
      const r = exact[c * width + N];
      row.retainedExact.push(ok ? r : null);
      row.exact.push(ok ? ratio(r, n) : null);
      if (ok) {
        sumExact[N] += r;
        denExact[N] += n;
      }
    }
    // Suffix sums of lastHist: retained at N = members whose last active offset is ≥ N.
    const retained = new Int32Array(H + 2);
    for (let k = H; k >= 0; k--) retained[k] = retained[k + 1] + lastHist[c * (H + 1) + k];
    for (let N = 0; N <= H; N++) {
      const ok = t + N <= T;
      row.retainedUnbounded.push(ok ? retained[N] : null);
      row.unbounded.push(ok ? ratio(retained[N], n) : null);
      if (ok) {
        sumUnb[N] += retained[N];
        denUnb[N] += n;
      }
    }
    cohorts.push(row);
  }
  return {
    cohorts,
    curveExact: Array.from(sumExact, (s, N) => ratio(s, denExact[N])),
    curveUnbounded: Array.from(sumUnb, (s, N) => ratio(s, denUnb[N])),
  };
}

export interface RetentionGroup extends CohortTables {
  /** "all", "organic", "campaign" (any campaign) or "campaign:<id>" */
  key: string;
  campaignId: number | null;
  name: string;
  /** cohort members in the group, the current period's newcomers included */
  size: number;
  survival: SurvivalSummary;
  conversion: Conversion;
}

export interface RetentionReport {
  unit: PeriodUnit;
  /** T, absolute */
  lastComplete: number;
  lastCompleteLabel: string;
  /** the incomplete period containing asOfMs, absolute */
  currentPeriod: number;
  horizon: number;
  dormancyGap: number;
  windowDays: number;
  all: RetentionGroup;
  organic: RetentionGroup;
  campaign: RetentionGroup;
  /** one per campaign of the graph, in graph.campaigns order, recruits or not */
  perCampaign: RetentionGroup[];
}

/** Every retention output (tables, curves, survival, conversion) for one set of cohort members. */
export function computeRetentionGroup(
  act: Activity, g: Graph, params: MetricParams, members: Int32Array,
  group: { key: string; name: string; campaignId: number | null },
): RetentionGroup {
  return {
    ...group,
    size: members.length,
    ...computeCohortTables(act, members, params.retentionHorizon),
    survival: computeSurvival(act, members, dormancyGapFor(act, params)),
    conversion: computeConversion(act, g, members, params.windowDays),
  };
}

/** Retention of the scope's birth cohorts, whole and split by acquisition context. */
export function computeRetention(act: Activity, g: Graph, params: MetricParams): RetentionReport {
  const acq = acquisitionOf(act, g);
  const all: number[] = [];
  const organic: number[] = [];
  const campaign: number[] = [];
  const byCampaign: number[][] = g.campaigns.map(() => []);
  for (let u = 0; u < act.nU; u++) {
    if (!act.inCohort[u]) continue;
    all.push(u);
    if (acq[u] === ORGANIC) organic.push(u);
    else {
      campaign.push(u);
      byCampaign[acq[u]].push(u);
    }
  }
  const run = (members: number[], key: string, name: string, campaignId: number | null) =>
    computeRetentionGroup(act, g, params, Int32Array.from(members), { key, name, campaignId });
  const T = act.firstPeriod + act.lastComplete;
  return {
    unit: act.unit,
    lastComplete: T,
    lastCompleteLabel: periodLabel(T, act.unit),
    currentPeriod: T + 1,
    horizon: params.retentionHorizon,
    dormancyGap: dormancyGapFor(act, params),
    windowDays: params.windowDays,
    all: run(all, "all", "All", null),
    organic: run(organic, "organic", "Organic", null),
    campaign: run(campaign, "campaign", "Any campaign", null),
    perCampaign: g.campaigns.map((k, i) => run(byCampaign[i], `campaign:${k.id}`, k.name, k.id)),
  };
}
