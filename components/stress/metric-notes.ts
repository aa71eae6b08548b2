// How each stress-lab metric (lib/metrics/stress.ts) reads, is formatted and which direction is
// good news, and the lab's number formatting. A scenario's effect is often small (a ring of five in
// a community of thousands moves a Gini in the fourth decimal), so changes keep two significant
// digits instead of rounding to "0".
import type { StressScenario } from "@/lib/metrics/stress-scenarios";

export type MetricFormat = "integer" | "number" | "percent";

export interface MetricNote {
  format: MetricFormat;
  /** whether a rise is good news for a persistent, decentralized community; absent when neither */
  isIncreaseGood?: boolean;
  caption: string;
}

export const METRIC_NOTES: Record<string, MetricNote> = {
  contributors: { format: "integer", caption: "Everyone with a contribution up to the as-of instant; a scenario's new accounts count after it." },
  total_minted: { format: "number", caption: "Credit minted: each contribution's kind weight × review-status weight (accepted 1, unreviewed 0.5, rejected or quarantined 0)." },
  total_attribution: { format: "number", caption: "Credit held after the cascade. The cascade conserves credit, so it always equals total minted." },
  gini: { format: "number", isIncreaseGood: false, caption: "Inequality of attribution over all contributors, zeros included: 0 is equal, towards 1 one person holds it all." },
  nakamoto50: { format: "integer", isIncreaseGood: true, caption: "Fewest contributors who together hold more than half the credit. Lower is more concentrated." },
  d1: { format: "number", isIncreaseGood: true, caption: "Effective number of holders, exp(Shannon entropy of the shares): how many equal holders the credit is worth." },
  top10_share: { format: "percent", isIncreaseGood: false, caption: "Share of all credit held by the top 10 % of contributors." },
  passed_share: { format: "percent", caption: "Credit passed down links to earlier work, over credit minted. It falls when links stop carrying credit." },
  visibility_gini: { format: "number", isIncreaseGood: false, caption: "Gini of the weekly visibility stock at the as-of instant (credit fading by d per week): the one metric d moves." },
  active_share_4w: { format: "percent", isIncreaseGood: true, caption: "Contributors with a contribution in the last 4 weeks, over all contributors." },
};

const NBSP = "\u00a0";
const fixed = (digits: number, signed = false) =>
  new Intl.NumberFormat("en-GB", { minimumFractionDigits: signed ? 0 : digits, maximumFractionDigits: digits, signDisplay: signed ? "exceptZero" : "auto" });
const plain = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const significant = new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 2, signDisplay: "exceptZero" });

/** Decimals of a value: a fixed number per size, so before and after line up digit for digit. */
const decimalsOf = (value: number, format: MetricFormat) =>
  format === "integer" ? 0 : format === "percent" ? 2 : Math.abs(value) >= 100 ? 1 : 3;

/** A value: integers as such, other numbers to 3 decimals (1 from 100 up), fractions as percentages to 2. */
export function formatMetric(value: number | null, format: MetricFormat): string {
  if (value === null || Number.isNaN(value)) return "—";
  const shown = format === "percent" ? value * 100 : value;
  return `${fixed(decimalsOf(shown, format)).format(shown)}${format === "percent" ? `${NBSP}%` : ""}`;
}

/** A change, signed; a change in a rate is in percentage points. Too small for the fixed decimals, it keeps two significant digits (+0.00031, not +0). */
export function formatChange(delta: number | null, format: MetricFormat): string {
  if (delta === null || Number.isNaN(delta)) return "—";
  if (delta === 0) return "no change";
  const shown = format === "percent" ? delta * 100 : delta;
  const digits = format === "integer" ? 0 : format === "percent" ? 2 : 3;
  const text = Math.abs(shown) < 10 ** -digits ? significant.format(shown) : fixed(digits, true).format(shown);
  return `${text}${format === "percent" ? `${NBSP}pts` : ""}`;
}

export function formatInteger(n: number): string {
  return plain.format(Math.round(n));
}

/** "sybil ring of 5 accounts × 4 contributions" */
export function describeScenario(s: StressScenario): string {
  switch (s.kind) {
    case "surge":
      return `surge of ${plain.format(s.k)}× the last 4 weeks' contributions (seed ${s.seed})`;
    case "sybil_ring":
      return `sybil ring of ${s.accounts} accounts × ${s.contributionsEach} contributions, ${s.status}`;
    case "dispute_storm":
      return `dispute storm of ${plain.format(s.percent)}${NBSP}% of links (seed ${s.seed})`;
    case "weight_sweep": {
      const parts = [
        s.rho !== undefined ? `ρ = ${s.rho}` : null,
        s.d !== undefined ? `d = ${s.d}` : null,
        ...Object.entries(s.typeWeights ?? {}).map(([type, w]) => `w(${type.replace("_", " ")}) = ${w}`),
      ].filter(Boolean);
      return `weight sweep: ${parts.join(", ")}`;
    }
  }
}

/** "the sybil ring scenario", for the running status */
export const SCENARIO_NOUN: Record<StressScenario["kind"], string> = {
  sybil_ring: "the sybil ring scenario",
  surge: "the surge scenario",
  dispute_storm: "the dispute storm",
  weight_sweep: "the weight sweep",
};
