// Recognition scarcity, METRICS.md §7: does work get picked up by others, and does that get rarer as
// the volume grows?
//
// Recognition of a contribution v = counted links x→v from another contributor (disjoint author sets,
// link-scope.ts) with x at or before asOf. Scope: v is a scope contribution; the recognizing x may
// come from any project (being built on from elsewhere is still recognition).
//
// Right-censoring. v's W-day window [time(v), time(v) + W] has not elapsed when time(v) + W > asOf.
// Counting such a v as unrecognized would bias coverage down, counting it only once recognized would
// bias it up, so it is left out of numerator and denominator (`eligible`), like newcomer conversion
// in acquisition.ts; a period whose contributions are all censored reads null, never 0. Recognition
// per contribution uses the same eligible set. The scarcity elasticity reads only periods whose
// every contribution is eligible (periodEnd(t) + W ≤ asOf): a partly censored period estimates its
// recognition from its earliest days only.
//
// Time to first recognition: delay from v to its first recognizing link, whatever the delay;
// unrecognized contributions are censored at asOf − time(v). Kaplan–Meier median (survival.ts: the
// smallest delay with Ŝ ≤ 0.5), in days; null when Ŝ never reaches 0.5.
//
// Elasticity ε: ordinary least squares slope of ln(recognition per contribution) on ln(contributions)
// over the complete, fully eligible periods with both values > 0 (ln 0 is undefined); null with fewer
// than 3 such periods or when every one has the same volume.

import { periodInfo, type Activity } from "./activity";
import type { Graph } from "./graph";
import { classifyLinks, lowerBoundTime, recognitionOf } from "./link-scope";
import type { MetricParams } from "./params";
import { periodEnd, periodStart } from "./periods";
import { kaplanMeier } from "./survival";

const DAY_MS = 86_400_000;
const MIN_ELASTICITY_POINTS = 3;

export interface RecognitionPeriod {
  period: number;
  label: string;
  isComplete: boolean;
  /** every contribution of the period has had its full W days */
  isWindowComplete: boolean;
  contributions: number;
  /** contributions whose W days have elapsed by asOf */
  eligible: number;
  /** eligible contributions recognized within W days */
  recognized: number;
  /** recognizing links within W days received by eligible contributions */
  recognitionLinks: number;
  /** recognized / eligible */
  coverage: number | null;
  /** recognitionLinks / eligible */
  recognitionPerContribution: number | null;
  /** Kaplan–Meier median delay to first recognition of the period's contributions, days */
  medianDaysToFirstRecognition: number | null;
}

export interface Elasticity {
  /** OLS slope; null with too few points */
  epsilon: number | null;
  /** absolute periods used, with their x = ln(contributions) and y = ln(recognition per contribution) */
  points: { period: number; x: number; y: number }[];
}

export interface RecognitionReport {
  unit: Activity["unit"];
  project: number | null;
  windowDays: number;
  periods: RecognitionPeriod[];
  timeToFirstRecognition: { contributions: number; recognized: number; medianDays: number | null };
  elasticity: Elasticity;
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** OLS slope of y on x; null below MIN_ELASTICITY_POINTS points or when x has no spread. */
export function olsSlope(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < MIN_ELASTICITY_POINTS) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
  }
  return sxx === 0 ? null : sxy / sxx;
}

export function computeRecognition(act: Activity, g: Graph, params: MetricParams): RecognitionReport {
  const { unit, project, included, asOfMs } = act;
  const W = params.windowDays * DAY_MS;
  const rec = recognitionOf(g, classifyLinks(g), included, params.windowDays);
  const inScope = (i: number) => project === null || g.project[i] === project;

  // Delay to first recognition (event) or to asOf (censored), per contribution; scope
  // contributions of one period are contiguous here, so each period's KM reads a subarray.
  const delay = new Float64Array(included);
  const event = new Uint8Array(included);
  let nKm = 0;
  const periods: RecognitionPeriod[] = [];
  const points: Elasticity["points"] = [];
  for (let t = 0; t < act.nPeriods; t++) {
    const abs = act.firstPeriod + t;
    const lo = lowerBoundTime(g.time, periodStart(abs, unit));
    const hi = Math.min(included, lowerBoundTime(g.time, periodEnd(abs, unit)));
    const kmFrom = nKm;
    let contributions = 0;
    let eligible = 0;
    let recognized = 0;
    let recognitionLinks = 0;
    for (let i = lo; i < hi; i++) {
      if (!inScope(i)) continue;
      contributions++;
      const d = rec.firstDelay[i];
      const isEvent = d === d; // NaN ≠ NaN: never recognized
      delay[nKm] = isEvent ? d : asOfMs - g.time[i];
      event[nKm++] = isEvent ? 1 : 0;
      if (g.time[i] + W > asOfMs) continue;
      eligible++;
      if (rec.withinWindow[i] > 0) recognized++;
      recognitionLinks += rec.withinWindow[i];
    }
    const info = periodInfo(act, t);
    const isWindowComplete = periodEnd(abs, unit) + W <= asOfMs;
    const km = kaplanMeier(delay.subarray(kmFrom, nKm), event.subarray(kmFrom, nKm));
    const rpc = ratio(recognitionLinks, eligible);
    periods.push({
      ...info, isWindowComplete, contributions, eligible, recognized, recognitionLinks,
      coverage: ratio(recognized, eligible),
      recognitionPerContribution: rpc,
      medianDaysToFirstRecognition: km.median === null ? null : km.median / DAY_MS,
    });
    if (info.isComplete && isWindowComplete && contributions > 0 && rpc !== null && rpc > 0) {
      points.push({ period: abs, x: Math.log(contributions), y: Math.log(rpc) });
    }
  }
  const km = kaplanMeier(delay.subarray(0, nKm), event.subarray(0, nKm));
  return {
    unit, project, windowDays: params.windowDays, periods,
    timeToFirstRecognition: {
      contributions: km.n,
      recognized: km.events,
      medianDays: km.median === null ? null : km.median / DAY_MS,
    },
    elasticity: {
      epsilon: olsSlope(points.map((p) => p.x), points.map((p) => p.y)),
      points,
    },
  };
}
