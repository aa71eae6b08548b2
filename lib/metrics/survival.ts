// Kaplan–Meier survival (METRICS.md §2) and contributor lifetimes.
//
// Lifetime of u, in periods since birth: churn time = the start of u's first inactive gap of ≥ G
// periods, so L = churn − birth (≥ 1 when u is active at birth). Only complete periods (≤ T) are
// read. When the gap after u's last activity a is shorter than G by T, the outcome is unknown:
// u is censored, knowing only that the churn, if any, starts at a+1 or later, so the censoring time
// is a + 1 − birth and u stays at risk at that time (censored subjects are counted at risk at their
// own time, the usual convention, exact here because churn before a+1 is ruled out).

import type { Activity } from "./activity";

export interface KaplanMeierStep {
  /** a time at which at least one event happened */
  time: number;
  /** subjects whose time is ≥ this time */
  atRisk: number;
  events: number;
  /** Ŝ(time), after the events at this time */
  survival: number;
}

export interface KaplanMeier {
  n: number;
  events: number;
  censored: number;
  steps: KaplanMeierStep[];
  /** smallest time with Ŝ ≤ 0.5; null when the curve never gets there */
  median: number | null;
}

/**
 * Kaplan–Meier estimate Ŝ(t) = Π_{t_i ≤ t} (1 − d_i/n_i) over subjects with `time[i]` and
 * `isEvent[i]` (1 event, 0 censored). Generic: any time unit, ties allowed. O(n log n).
 */
export function kaplanMeier(time: ArrayLike<number>, isEvent: ArrayLike<number>): KaplanMeier {
  const n = time.length;
  let nEvents = 0;
  for (let i = 0; i < n; i++) if (isEvent[i]) nEvents++;
  const ev = new Float64Array(nEvents);
  const ce = new Float64Array(n - nEvents);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (isEvent[i]) ev[a++] = time[i];
    else ce[b++] = time[i];
  }
  ev.sort();
  ce.sort();
  const steps: KaplanMeierStep[] = [];
  let s = 1;
  let median: number | null = null;
  let gone = 0;
  let j = 0;
  for (let i = 0; i < ev.length; ) {
    const t = ev[i];
    // Censored strictly before t have left the risk set; those censored at t are still in it.
    while (j < ce.length && ce[j] < t) {
      j++;
      gone++;
    }
    let d = 0;
    while (i < ev.length && ev[i] === t) {
      i++;
      d++;
    }
    const atRisk = n - gone;
    s *= 1 - d / atRisk;
    steps.push({ time: t, atRisk, events: d, survival: s });
    if (median === null && s <= 0.5) median = t;
    gone += d;
  }
  return { n, events: nEvents, censored: n - nEvents, steps, median };
}

export interface Lifetimes {
  /** periods from birth to churn, or to censoring */
  time: Int32Array;
  /** 1 churned (event), 0 censored */
  isEvent: Uint8Array;
}

/**
 * Lifetimes of `members` born in a complete period (birth ≤ T); others are skipped. A member not
 * active at birth (possible only with m > 1) is inactive from birth on: their gap starts at birth.
 */
export function contributorLifetimes(act: Activity, members: Int32Array, gap: number): Lifetimes {
  const T = act.lastComplete;
  const time: number[] = [];
  const isEvent: number[] = [];
  for (const u of members) {
    const b = act.birth[u];
    if (b > T) continue;
    let prev = b - 1; // last active period before the current stretch
    let churn = -1;
    for (let k = act.activeStart[u]; k < act.activeStart[u + 1]; k++) {
      const a = act.activePeriod[k];
      if (a > T) break;
      if (a - prev - 1 >= gap) {
        churn = prev + 1;
        break;
      }
      prev = a;
    }
    if (churn < 0 && T - prev >= gap) churn = prev + 1;
    if (churn >= 0) {
      time.push(churn - b);
      isEvent.push(1);
    } else {
      time.push(prev + 1 - b);
      isEvent.push(0);
    }
  }
  return { time: Int32Array.from(time), isEvent: Uint8Array.from(isEvent) };
}

export interface SurvivalSummary extends KaplanMeier {
  /** Ŝ(t) for t = 0 .. the largest observed time, in periods since birth */
  curve: number[];
  /** the median lifetime in periods (same as `median`), null when Ŝ stays above 0.5 */
  medianLifetime: number | null;
}

/** Kaplan–Meier survival of `members`, churn defined by the dormancy gap G. */
export function computeSurvival(act: Activity, members: Int32Array, gap: number): SurvivalSummary {
  const lt = contributorLifetimes(act, members, gap);
  const km = kaplanMeier(lt.time, lt.isEvent);
  let maxTime = 0;
  for (const t of lt.time) if (t > maxTime) maxTime = t;
  const curve: number[] = [];
  let s = 1;
  let k = 0;
  for (let t = 0; t <= maxTime && lt.time.length > 0; t++) {
    while (k < km.steps.length && km.steps[k].time <= t) s = km.steps[k++].survival;
    curve.push(s);
  }
  return { ...km, curve, medianLifetime: km.median };
}
