// Per-contributor activity in periods (METRICS.md §1), the input of lifecycle, retention and the
// scale panel. Stored as a CSR of each contributor's active periods, never as a contributor × period
// matrix: 100k contributors over 500 weeks would be 50M cells, nearly all empty.
//
// Scope. The whole ecosystem (`project = null`) or one project (its dense index in the graph).
// Activity is counted inside the scope, but birth(u) is always the period of u's first contribution
// in the full history, every project included, as METRICS.md requires: a project view must not
// mistake a veteran of another project for a newcomer. What that means for a project view:
//  - Birth cohorts hold only contributors with work in the scope in their birth period (`inCohort`).
//    For the ecosystem that is every contributor. A contributor who arrives in a project from
//    elsewhere joins no cohort of that project: they are not newcomers.
//  - In the project's lifecycle such an arrival's first active period is `resurrecting`, the literal
//    rule (active, not active in t−1, t > birth), which keeps active = new + returning + resurrecting.
//  - The period axis starts at the scope's first contribution, so such births can be negative.
//
// Time. The engine has no clock: contributions after `asOfMs` are ignored, so a run "as of" a past
// instant reproduces what was known then. T = lastCompletePeriod(asOfMs); the period containing
// `asOfMs` (T + 1, always the last on the axis) is computed but incomplete.
//
// Threshold m (params.activityThreshold): Active(u,t) ⇔ u authored or co-authored ≥ m contributions
// of the scope in t. Co-authors each count the contribution in full. Every contribution in the graph
// counts whatever its review status: the definition is about participation, not credit.

import type { Graph } from "./graph";
import type { MetricParams } from "./params";
import { periodLabel, periodOf, periodStart, type PeriodUnit } from "./periods";

/** birth of a contributor with no contribution up to asOfMs */
export const NO_BIRTH = -0x80000000;

export interface ActivityScope {
  unit: PeriodUnit;
  /** the instant the run describes; contributions after it are ignored */
  asOfMs: number;
  /** dense project index (graph.project), or null for the whole ecosystem */
  project: number | null;
}

export interface Activity {
  unit: PeriodUnit;
  project: number | null;
  /** m */
  threshold: number;
  asOfMs: number;
  /** graph contributions 0 .. included−1 occurred at or before asOfMs (the graph is in time order) */
  included: number;
  /** absolute period index of relative period 0; every other period field is relative to it */
  firstPeriod: number;
  /** periods 0 .. nPeriods−1; the last one is the current, incomplete period */
  nPeriods: number;
  /** T, the last complete period (nPeriods − 2; −1 when the scope began in the current period) */
  lastComplete: number;
  nU: number;
  /** birth(u) from the full history, relative (negative before the scope's first period), or NO_BIRTH */
  birth: Int32Array;
  /** graph index of u's first contribution in the full history, −1 when none */
  firstContribution: Int32Array;
  /** 1 when u belongs to a birth cohort of this scope (has scope work in period birth(u)) */
  inCohort: Uint8Array;
  /** active periods of u: activePeriod[activeStart[u] .. activeStart[u+1]), ascending */
  activeStart: Int32Array;
  activePeriod: Int32Array;
  /** scope contributions of u in that period (≥ m) */
  activeCount: Int32Array;
}

/** Absolute period of every graph contribution. Times are sorted, so the calendar is consulted once per period. */
export function contributionPeriods(g: Graph, unit: PeriodUnit): Int32Array {
  const out = new Int32Array(g.nC);
  let p = 0;
  let end = -Infinity;
  for (let i = 0; i < g.nC; i++) {
    const t = g.time[i];
    if (t >= end) {
      p = periodOf(t, unit);
      end = periodStart(p + 1, unit);
    }
    out[i] = p;
  }
  return out;
}

/** Number of leading graph contributions with time ≤ asOfMs (binary search over the sorted times). */
function countUpTo(time: Float64Array, asOfMs: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] <= asOfMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function computeActivity(g: Graph, scope: ActivityScope, params: MetricParams): Activity {
  const { unit, asOfMs, project } = scope;
  const m = params.activityThreshold;
  const per = contributionPeriods(g, unit);
  const included = countUpTo(g.time, asOfMs);
  const current = periodOf(asOfMs, unit);
  let first = current;
  for (let i = 0; i < included; i++) {
    if (project === null || g.project[i] === project) {
      first = per[i];
      break;
    }
  }
  const nPeriods = current - first + 1;
  const nU = g.nU;
  const birth = new Int32Array(nU).fill(NO_BIRTH);
  const firstContribution = new Int32Array(nU).fill(-1);
  const inCohort = new Uint8Array(nU);
  const activeStart = new Int32Array(nU + 1);
  // Each authorship yields at most one active period, so nA bounds the CSR size.
  const bufPeriod = new Int32Array(g.workIdx.length);
  const bufCount = new Int32Array(g.workIdx.length);
  let n = 0;
  for (let u = 0; u < nU; u++) {
    activeStart[u] = n;
    const ks = g.workStart[u];
    const ke = g.workStart[u + 1];
    // workIdx is ascending in graph index, i.e. in time order (ties by contribution id).
    if (ks < ke && g.workIdx[ks] < included) {
      firstContribution[u] = g.workIdx[ks];
      birth[u] = per[g.workIdx[ks]] - first;
    }
    const b = birth[u];
    let cur = NO_BIRTH;
    let cnt = 0;
    for (let k = ks; k < ke; k++) {
      const i = g.workIdx[k];
      if (i >= included) break;
      if (project !== null && g.project[i] !== project) continue;
      const p = per[i] - first;
      if (p === b) inCohort[u] = 1;
      if (p !== cur) {
        if (cnt >= m) {
          bufPeriod[n] = cur;
          bufCount[n++] = cnt;
        }
        cur = p;
        cnt = 0;
      }
      cnt++;
    }
    if (cnt >= m) {
      bufPeriod[n] = cur;
      bufCount[n++] = cnt;
    }
  }
  activeStart[nU] = n;
  return {
    unit, project, threshold: m, asOfMs, included,
    firstPeriod: first, nPeriods, lastComplete: nPeriods - 2, nU,
    birth, firstContribution, inCohort, activeStart,
    activePeriod: bufPeriod.slice(0, n), activeCount: bufCount.slice(0, n),
  };
}

/** Whether u is active in relative period t (binary search in u's active list). */
export function isActive(act: Activity, u: number, t: number): boolean {
  let lo = act.activeStart[u];
  let hi = act.activeStart[u + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const p = act.activePeriod[mid];
    if (p === t) return true;
    if (p < t) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/** Absolute period and label of relative period t, and whether it is complete (t ≤ T). */
export function periodInfo(act: Activity, t: number): { period: number; label: string; isComplete: boolean } {
  const period = act.firstPeriod + t;
  return { period, label: periodLabel(period, act.unit), isComplete: t <= act.lastComplete };
}

export interface PeriodActivity {
  /** contributors active in relative period t: contributor[start[t] .. start[t+1]), ascending */
  start: Int32Array;
  contributor: Int32Array;
  /** their scope contribution counts in t */
  count: Int32Array;
}

/** The transpose of the activity CSR: who is active in each period. O(active entries). */
export function activeByPeriod(act: Activity): PeriodActivity {
  const total = act.activePeriod.length;
  const start = new Int32Array(act.nPeriods + 1);
  for (let k = 0; k < total; k++) start[act.activePeriod[k] + 1]++;
  for (let t = 0; t < act.nPeriods; t++) start[t + 1] += start[t];
  const fill = start.slice(0, act.nPeriods);
  const contributor = new Int32Array(total);
  const count = new Int32Array(total);
  for (let u = 0; u < act.nU; u++) {
    for (let k = act.activeStart[u]; k < act.activeStart[u + 1]; k++) {
      const pos = fill[act.activePeriod[k]]++;
      contributor[pos] = u;
      count[pos] = act.activeCount[k];
    }
  }
  return { start, contributor, count };
}

/**
 * Contributors active in at least one period of the window [from, to] (relative, inclusive) and
 * their scope contribution counts summed over the active periods of the window: the "contributors
 * active in the window" and their contribution counts of METRICS.md §4.
 */
export function activeInWindow(act: Activity, from: number, to: number): { contributors: Int32Array; counts: Float64Array } {
  const us: number[] = [];
  const cs: number[] = [];
  for (let u = 0; u < act.nU; u++) {
    let c = 0;
    for (let k = act.activeStart[u]; k < act.activeStart[u + 1]; k++) {
      const p = act.activePeriod[k];
      if (p > to) break;
      if (p >= from) c += act.activeCount[k];
    }
    if (c > 0) {
      us.push(u);
      cs.push(c);
    }
  }
  return { contributors: Int32Array.from(us), counts: Float64Array.from(cs) };
}
