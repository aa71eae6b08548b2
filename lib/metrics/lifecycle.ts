// Lifecycle states and growth accounting per period (METRICS.md §1).
//
// The per-period counts follow the table literally. `dormant` and `churned` are stocks that split the
// inactive contributors seen before (1 ≤ t − last(u,t) < G, and ≥ G); `newly dormant` is the flow
// into inactivity (t − last = 1), so it is counted inside `dormant` (inside `churned` when G = 1).
// `new` additionally needs Active(u, birth): always true for the ecosystem with m = 1, and what keeps
// active = new + returning + resurrecting when m > 1 or in a project view (see activity.ts).
// A contributor has no state before their first active period in the scope.
//
// Counting is O(active entries + periods): each inactive stretch between two active periods adds
// its dormant and churned ranges to difference arrays instead of visiting every period.

import { periodInfo, type Activity } from "./activity";
import type { MetricParams } from "./params";

/** Per-contributor state codes; exclusive, so a newly dormant contributor is coded 4, not 5 or 6. */
export const LIFECYCLE_STATES = ["none", "new", "returning", "resurrecting", "newly_dormant", "dormant", "churned"] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];
export const STATE_NONE = 0;
export const STATE_NEW = 1;
export const STATE_RETURNING = 2;
export const STATE_RESURRECTING = 3;
export const STATE_NEWLY_DORMANT = 4;
export const STATE_DORMANT = 5;
export const STATE_CHURNED = 6;

export interface LifecyclePeriod {
  /** absolute period index */
  period: number;
  label: string;
  /** false for the current period, whose counts are still moving */
  isComplete: boolean;
  /** the `new` state (t = birth(u)) */
  newcomers: number;
  returning: number;
  resurrecting: number;
  newlyDormant: number;
  /** includes the newly dormant when G > 1 */
  dormant: number;
  churned: number;
  /** newcomers + returning + resurrecting */
  active: number;
  /** (new + resurrecting) / newly dormant; null when nobody became dormant */
  quickRatio: number | null;
}

/** G for the activity's period unit. */
export function dormancyGapFor(act: Activity, params: MetricParams): number {
  return params.dormancyGap[act.unit];
}

export function computeLifecycle(act: Activity, params: MetricParams): LifecyclePeriod[] {
  const G = dormancyGapFor(act, params);
  const nP = act.nPeriods;
  const newc = new Int32Array(nP);
  const ret = new Int32Array(nP);
  const res = new Int32Array(nP);
  const nd = new Int32Array(nP);
  const dormDiff = new Int32Array(nP + 1);
  const churnDiff = new Int32Array(nP + 1);
  const { activeStart, activePeriod, birth } = act;
  for (let u = 0; u < act.nU; u++) {
    const ks = activeStart[u];
    const ke = activeStart[u + 1];
    for (let k = ks; k < ke; k++) {
      const a = activePeriod[k];
      if (a === birth[u]) newc[a]++;
      else if (k > ks && activePeriod[k - 1] === a - 1) ret[a]++;
      else res[a]++;
      // The inactive stretch a+1 .. next−1 that follows this active period.
      const next = k + 1 < ke ? activePeriod[k + 1] : nP;
      if (a + 1 >= next) continue;
      nd[a + 1]++;
      const dormEnd = Math.min(a + G, next); // exclusive
      dormDiff[a + 1]++;
      dormDiff[dormEnd]--;
      if (a + G < next) {
        churnDiff[a + G]++;
        churnDiff[next]--;
      }
    }
  }
  const rows: LifecyclePeriod[] = [];
  let dorm = 0;
  let churn = 0;
  for (let t = 0; t < nP; t++) {
    dorm += dormDiff[t];
    churn += churnDiff[t];
    rows.push({
      ...periodInfo(act, t),
      newcomers: newc[t], returning: ret[t], resurrecting: res[t], newlyDormant: nd[t],
      dormant: dorm, churned: churn, active: newc[t] + ret[t] + res[t],
      quickRatio: nd[t] === 0 ? null : (newc[t] + res[t]) / nd[t],
    });
  }
  return rows;
}

/** Writes u's state code for every period 0 .. nPeriods−1 into `out` (length ≥ nPeriods). */
export function fillContributorStates(act: Activity, u: number, gap: number, out: Uint8Array): void {
  const nP = act.nPeriods;
  out.fill(STATE_NONE, 0, nP);
  const ks = act.activeStart[u];
  const ke = act.activeStart[u + 1];
  for (let k = ks; k < ke; k++) {
    const a = act.activePeriod[k];
    if (a === act.birth[u]) out[a] = STATE_NEW;
    else if (k > ks && act.activePeriod[k - 1] === a - 1) out[a] = STATE_RETURNING;
    else out[a] = STATE_RESURRECTING;
    const next = k + 1 < ke ? act.activePeriod[k + 1] : nP;
    for (let t = a + 1; t < next; t++) {
      out[t] = t === a + 1 ? STATE_NEWLY_DORMANT : t - a < gap ? STATE_DORMANT : STATE_CHURNED;
    }
  }
}

/**
 * Every contributor's state in every period, row-major (u * nPeriods + t), for exports. This is the
 * one dense contributor × period structure of the engine: nU · nPeriods bytes (15 MB for 100k
 * contributors over 150 weeks). For larger runs stream rows with fillContributorStates instead.
 */
export function contributorStateMatrix(act: Activity, params: MetricParams): Uint8Array {
  const G = dormancyGapFor(act, params);
  const out = new Uint8Array(act.nU * act.nPeriods);
  for (let u = 0; u < act.nU; u++) {
    fillContributorStates(act, u, G, out.subarray(u * act.nPeriods, (u + 1) * act.nPeriods));
  }
  return out;
}
