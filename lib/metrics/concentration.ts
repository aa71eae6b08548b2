// Concentration of a distribution x_1..x_n ≥ 0 over the contributors active in a window
// (METRICS.md §4): attribution, and separately contribution counts. n counts every active
// contributor, zeros included: an active contributor with no credit is part of the inequality.
//
// Undefined values are null, never NaN: everything is null for n = 0 or Σx = 0 (no shares exist);
// the Gini for n = 1 (its small-n correction n/(n−1) divides by zero) and the normalized HHI for
// n = 1 (1 − 1/n = 0). With the correction a single holder of everything among n < 50 scores
// exactly 1; for n ≥ 50 the uncorrected maximum is (n−1)/n.

import { activeByPeriod, periodInfo, type Activity } from "./activity";

/** below this n the Gini is reported with the small-sample correction G · n/(n−1) */
export const GINI_SMALL_N = 50;
/** relative slack of the Nakamoto comparison, so that a top-k share equal to θ in exact arithmetic
 *  (e.g. one of three equal shares against θ = 1/3) is not judged "greater" through rounding */
const NAKAMOTO_SLACK = 1e-12;

export interface Concentration {
  n: number;
  total: number;
  gini: number | null;
  /** N_0.5: fewest contributors whose shares add up to more than 1/2 */
  nakamoto50: number | null;
  /** N_1/3 */
  nakamoto33: number | null;
  hhi: number | null;
  /** (HHI − 1/n)/(1 − 1/n) */
  hhiNormalized: number | null;
  /** exp(Shannon entropy of the shares) */
  d1: number | null;
  /** 1/HHI */
  d2: number | null;
  /** the top 10% is the ceil(n/10) largest values (at least one contributor when n ≥ 1) */
  top10Count: number;
  top10Share: number | null;
}

/** Fewest of the largest values whose sum exceeds θ · total. `desc` is sorted descending. */
function nakamotoOf(desc: Float64Array, total: number, theta: number): number {
  const bar = theta * total * (1 + NAKAMOTO_SLACK);
  let cum = 0;
  for (let k = 0; k < desc.length; k++) {
    cum += desc[k];
    if (cum > bar) return k + 1;
  }
  return desc.length;
}

export function computeConcentration(values: ArrayLike<number>): Concentration {
  const n = values.length;
  const asc = Float64Array.from(values).sort();
  if (n > 0 && !(asc[0] >= 0 && Number.isFinite(asc[n - 1]))) throw new Error("concentration needs finite values ≥ 0");
  const desc = asc.slice().reverse();
  let total = 0;
  for (let k = 0; k < n; k++) total += desc[k];
  const top10Count = Math.ceil(n / 10);
  if (n === 0 || total === 0) {
    return { n, total, gini: null, nakamoto50: null, nakamoto33: null, hhi: null, hhiNormalized: null, d1: null, d2: null, top10Count, top10Share: null };
  }
  // Σ_i Σ_j |x_i − x_j| / 2 = Σ_i (2i − n − 1) x_(i) (ascending, 1-based). Pairing i with n+1−i makes
  // every term a non-negative difference, so equal values give exactly 0 and rounding never goes < 0.
  let pairSum = 0;
  for (let i = 1; 2 * i < n + 1; i++) pairSum += (n + 1 - 2 * i) * (asc[n - i] - asc[i - 1]);
  let gini: number | null = null;
  if (n > 1) {
    const g = pairSum / (n * total);
    gini = Math.min(1, n < GINI_SMALL_N ? (g * n) / (n - 1) : g);
  }
  let hhi = 0;
  let entropy = 0;
  let top = 0;
  for (let k = 0; k < n; k++) {
    const s = desc[k] / total;
    hhi += s * s;
    if (s > 0) entropy -= s * Math.log(s);
    if (k < top10Count) top += desc[k];
  }
  return {
    n, total, gini,
    nakamoto50: nakamotoOf(desc, total, 0.5),
    nakamoto33: nakamotoOf(desc, total, 1 / 3),
    hhi,
    hhiNormalized: n > 1 ? (hhi - 1 / n) / (1 - 1 / n) : null,
    d1: Math.exp(entropy),
    d2: 1 / hhi,
    top10Count,
    top10Share: top / total,
  };
}

/** ΔG = G(attribution) − G(contributions); above 0, credit is more concentrated than the work. */
export function concentrationGap(attribution: Concentration, contributions: Concentration): number | null {
  if (attribution.gini === null || contributions.gini === null) return null;
  return attribution.gini - contributions.gini;
}

export interface ScalePoint extends Concentration {
  period: number;
  label: string;
  isComplete: boolean;
  /** D1/n: decentralization holds with scale only if this does not fall as n grows */
  d1PerN: number | null;
}

/**
 * The scale panel: concentration of each period's values over the contributors active in that
 * period. `perPeriod[t]` is indexed by contributor (length nU) for relative period t (length
 * nPeriods), e.g. the attribution flow A_u(t); contributors not active in t are ignored.
 */
export function buildScalePanel(act: Activity, perPeriod: ArrayLike<number>[]): ScalePoint[] {
  if (perPeriod.length !== act.nPeriods) throw new Error(`scale panel needs ${act.nPeriods} periods, got ${perPeriod.length}`);
  const byPeriod = activeByPeriod(act);
  return panel(act, (t, out, from, to) => {
    const dense = perPeriod[t];
    for (let k = from; k < to; k++) out[k - from] = dense[byPeriod.contributor[k]];
  }, byPeriod.start);
}

/** The scale panel of contribution counts: x_u = u's scope contributions in the period. */
export function buildContributionScalePanel(act: Activity): ScalePoint[] {
  const byPeriod = activeByPeriod(act);
  return panel(act, (_t, out, from, to) => {
    for (let k = from; k < to; k++) out[k - from] = byPeriod.count[k];
  }, byPeriod.start);
}

function panel(
  act: Activity,
  gather: (t: number, out: Float64Array, from: number, to: number) => void,
  start: Int32Array,
): ScalePoint[] {
  const rows: ScalePoint[] = [];
  for (let t = 0; t < act.nPeriods; t++) {
    const values = new Float64Array(start[t + 1] - start[t]);
    gather(t, values, start[t], start[t + 1]);
    const c = computeConcentration(values);
    rows.push({ ...periodInfo(act, t), ...c, d1PerN: c.d1 === null ? null : c.d1 / c.n });
  }
  return rows;
}
