// Signals, METRICS.md §9: rules over one scope's period series that fire with their evidence.
//
// Input. Plain series the recompute job already has (transactional share from §8, N_0.5 of the
// attribution scale panel §4, the giant-component share of the trailing coherence window §6,
// contributions and coverage §7, the scarcity elasticity, the link rings §10), one row per period,
// consecutive, oldest first. Only complete periods are read: the current period is still filling
// up and would fire on half a week. T is the last complete period; every signal is dated to T, the
// period in which the rule holds. With no complete period there are no signals.
//
// Windows. n = signals.transactionalRisePeriods is the one signal window (the params have no second
// window length): "over the last n periods" compares T with T − n, and "the previous window" is the
// n complete periods before T. A rule whose window reaches before the first complete period, or
// whose inputs are null, does not fire: no evidence, no signal.
//
// Rules, in this order (the output order; rings by their smallest member id):
//   transactional_rise  100·(s(T) − s(T−n)) > transactionalRisePoints
//   nakamoto_drop       (max N_0.5 over [T−n, T−1] − N_0.5(T)) / that max ≥ nakamotoDropFraction
//   giant_component_low giant-component share (T) < giantComponentMin
//   recognition_scarce  ε < elasticityMax and Σ contributions over [T−n+1, T] > Σ over [T−2n+1, T−n]
//   link_ring           one per suspected ring (detectLinkRings already applied its thresholds)
// Coverage is evidence of recognition_scarce (mean of each window), not a condition: ε already
// measures recognition per contribution against volume.
//
// Severity. "critical" when the evidence passes the threshold by the threshold's own margin again:
// a rise > 2× the points, a drop ≥ 2× the fraction, a share < half the minimum, ε < elasticityMax −
// |elasticityMax| (2× for the default −0.3). Otherwise "warning". A suspected ring is always
// "critical": it is not a trend but gaming whose contributions sit quarantined until a maintainer
// clears them.

import type { MetricParams } from "./params";
import type { PeriodUnit } from "./periods";

/** relative slack on "≥ fraction", so a drop of exactly a third (6 → 4) is not lost to rounding */
const SLACK = 1e-12;

export const SIGNAL_CODES = [
  "transactional_rise", "nakamoto_drop", "giant_component_low", "recognition_scarce", "link_ring",
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];
export type SignalSeverity = "warning" | "critical";
export type SignalChart = "participation" | "attribution" | "coherence" | "recognition" | "hubs";

export interface SignalPeriod {
  /** absolute period index (periods.ts) */
  period: number;
  /** not read by the rules (messages count periods, evidence names absolute indexes) */
  label?: string;
  isComplete: boolean;
}

export interface SignalRing {
  /** contributor database ids */
  members: number[];
  links: number;
  internalShare: number;
  reciprocity: number;
}

export interface SignalInput {
  unit: PeriodUnit;
  periods: SignalPeriod[];
  /** each aligned with `periods`; shares are fractions in [0, 1] */
  transactionalShare: (number | null)[];
  nakamoto50: (number | null)[];
  giantComponentShare: (number | null)[];
  contributions: (number | null)[];
  coverage: (number | null)[];
  /** the scarcity elasticity ε over the scope's periods */
  elasticity: number | null;
  rings: SignalRing[];
}

export interface Signal {
  code: SignalCode;
  severity: SignalSeverity;
  /** absolute period index of T */
  period: number;
  message: string;
  evidence: Record<string, number | string | null | number[]>;
  chart: SignalChart;
}

type Series = (number | null)[];

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const spanOf = (n: number, unit: PeriodUnit) => `${n} ${unit}${n === 1 ? "" : "s"}`;

function sumOf(values: Series): number | null {
  let s = 0;
  for (const v of values) {
    if (v === null) return null;
    s += v;
  }
  return s;
}

function meanOf(values: Series): number | null {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function checkInput(x: SignalInput): void {
  const n = x.periods.length;
  const series = { transactionalShare: x.transactionalShare, nakamoto50: x.nakamoto50, giantComponentShare: x.giantComponentShare, contributions: x.contributions, coverage: x.coverage };
  for (const [name, s] of Object.entries(series)) {
    if (s.length !== n) throw new Error(`signal series ${name} has ${s.length} rows for ${n} periods`);
  }
  for (let i = 1; i < n; i++) {
    if (x.periods[i].period !== x.periods[i - 1].period + 1) throw new Error("signal periods must be consecutive and ascending");
  }
}

export function detectSignals(input: SignalInput, params: MetricParams): Signal[] {
  checkInput(input);
  const sp = params.signals;
  // Positions of complete periods; the series are consecutive, so these are too.
  const complete: number[] = [];
  input.periods.forEach((p, i) => {
    if (p.isComplete) complete.push(i);
  });
  if (complete.length === 0) return [];
  const n = sp.transactionalRisePeriods;
  const k = complete.length - 1;
  const T = input.periods[complete[k]].period;
  /** value of a series at complete position j (j < 0: before the first complete period) */
  const at = (s: Series, j: number): number | null => (j < 0 ? null : s[complete[j]]);
  const slice = (s: Series, from: number, to: number): Series => complete.slice(from, to + 1).map((i) => s[i]);
  const span = spanOf(n, input.unit);
  const out: Signal[] = [];

  const s0 = at(input.transactionalShare, k - n);
  const s1 = at(input.transactionalShare, k);
  if (s0 !== null && s1 !== null) {
    const rise = 100 * (s1 - s0);
    if (rise > sp.transactionalRisePoints) {
      out.push({
        code: "transactional_rise", period: T, chart: "participation",
        severity: rise > 2 * sp.transactionalRisePoints ? "critical" : "warning",
        message: `Transactional share rose from ${pct(s0)} to ${pct(s1)} over ${span}`,
        evidence: { from: s0, to: s1, fromPeriod: input.periods[complete[k - n]].period, risePoints: rise, thresholdPoints: sp.transactionalRisePoints, windowPeriods: n },
      });
    }
  }

  const nLatest = at(input.nakamoto50, k);
  if (nLatest !== null && k - n >= 0) {
    // The earliest period holding the window's maximum, so the evidence names when the high was.
    let high: number | null = null;
    let highPos = -1;
    for (let j = k - n; j < k; j++) {
      const v = at(input.nakamoto50, j);
      if (v !== null && (high === null || v > high)) [high, highPos] = [v, j];
    }
    if (high !== null && high > 0) {
      const drop = (high - nLatest) / high;
      const f = sp.nakamotoDropFraction;
      if (drop >= f * (1 - SLACK)) {
        out.push({
          code: "nakamoto_drop", period: T, chart: "attribution",
          severity: drop >= 2 * f * (1 - SLACK) ? "critical" : "warning",
          message: `N₀.₅ of attribution fell to ${nLatest} from ${high} within ${span} (−${pct(drop)})`,
          evidence: { latest: nLatest, previousMax: high, previousMaxPeriod: input.periods[complete[highPos]].period, dropFraction: drop, thresholdFraction: f, windowPeriods: n },
        });
      }
    }
  }

  const giant = at(input.giantComponentShare, k);
  if (giant !== null && giant < sp.giantComponentMin) {
    out.push({
      code: "giant_component_low", period: T, chart: "coherence",
      severity: giant < sp.giantComponentMin / 2 ? "critical" : "warning",
      message: `Giant-component share fell to ${pct(giant)}, below ${pct(sp.giantComponentMin)}`,
      evidence: { share: giant, previous: at(input.giantComponentShare, k - 1), threshold: sp.giantComponentMin },
    });
  }

  const eps = input.elasticity;
  if (eps !== null && eps < sp.elasticityMax && k - 2 * n + 1 >= 0) {
    const before = sumOf(slice(input.contributions, k - 2 * n + 1, k - n));
    const after = sumOf(slice(input.contributions, k - n + 1, k));
    if (before !== null && after !== null && after > before) {
      const covBefore = meanOf(slice(input.coverage, k - 2 * n + 1, k - n));
      const covAfter = meanOf(slice(input.coverage, k - n + 1, k));
      const cov = covBefore !== null && covAfter !== null ? ` (coverage ${pct(covBefore)} → ${pct(covAfter)})` : "";
      out.push({
        code: "recognition_scarce", period: T, chart: "recognition",
        severity: eps < sp.elasticityMax - Math.abs(sp.elasticityMax) ? "critical" : "warning",
        message: `Recognition is getting scarcer: elasticity ${eps.toFixed(2)} while contributions rose from ${before} to ${after} over the last ${span}${cov}`,
        evidence: { elasticity: eps, threshold: sp.elasticityMax, contributionsBefore: before, contributionsAfter: after, coverageBefore: covBefore, coverageAfter: covAfter, windowPeriods: n },
      });
    }
  }

  const rings = input.rings.map((r) => ({ ...r, members: [...r.members].sort((a, b) => a - b) }));
  // A stable sort keeps the input order among rings with the same smallest member.
  rings.sort((a, b) => (a.members[0] ?? 0) - (b.members[0] ?? 0));
  for (const r of rings) {
    out.push({
      code: "link_ring", period: T, chart: "hubs", severity: "critical",
      message: `Suspected link ring of ${r.members.length} contributors: ${r.links} links, ${pct(r.internalShare)} internal, reciprocity ${pct(r.reciprocity)}`,
      evidence: { members: r.members, links: r.links, internalShare: r.internalShare, reciprocity: r.reciprocity, internalShareMin: params.ring.internalShareMin, reciprocityMin: params.ring.reciprocityMin, minLinks: params.ring.minLinks },
    });
  }
  return out;
}
