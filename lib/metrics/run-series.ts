// Turns each metric family's report into stored rows: per-period series, cohort cells and keyed
// documents. One function per family, no computation beyond reshaping, so the stored numbers are
// exactly the engine's (an integration test compares them). Metric names are the stored keys the
// dashboards and exports read; they are listed in METRIC_NAMES so a reader can check a name.

import type { CoherenceReport } from "./coherence";
import type { Concentration, ScalePoint } from "./concentration";
import type { LifecyclePeriod } from "./lifecycle";
import type { RecognitionReport } from "./recognition";
import type { CohortRow, SeriesCollector } from "./results";
import type { RetentionGroup, RetentionReport } from "./retention";
import type { TransactionalReport } from "./transactional";
import { PARTICIPATION_CLASSES } from "./transactional-features";

export const CONCENTRATION_KEYS = ["n", "gini", "nakamoto50", "nakamoto33", "hhi", "hhiNormalized", "d1", "d2", "d1PerN", "top10Share"] as const;

export const METRIC_NAMES = [
  "lifecycle.new", "lifecycle.returning", "lifecycle.resurrecting", "lifecycle.newly_dormant", "lifecycle.dormant",
  "lifecycle.churned", "lifecycle.active", "lifecycle.quick_ratio",
  "retention.conversion",
  ...CONCENTRATION_KEYS.map((k) => `concentration.attribution.${k}`),
  ...CONCENTRATION_KEYS.map((k) => `concentration.contributions.${k}`),
  "concentration.gap",
  "attribution.flow_total", "attribution.visibility_total",
  "hubs.icr", "hubs.hub_attribution_share", "hubs.hub_contribution_share", "hubs.nodes",
  "coherence.contributions", "coherence.linking_ratio", "coherence.self_link_share", "coherence.reciprocity",
  "coherence.giant_component_share", "coherence.modularity", "coherence.communities", "coherence.newcomer_integration",
  "recognition.contributions", "recognition.coverage", "recognition.per_contribution", "recognition.median_days",
  "participation.active", "participation.transactional_share", ...PARTICIPATION_CLASSES.map((c) => `participation.class.${c}`),
] as const;

export function addLifecycle(s: SeriesCollector, rows: LifecyclePeriod[]): void {
  for (const r of rows) {
    s.add("lifecycle.new", r, r.newcomers);
    s.add("lifecycle.returning", r, r.returning);
    s.add("lifecycle.resurrecting", r, r.resurrecting);
    s.add("lifecycle.newly_dormant", r, r.newlyDormant);
    s.add("lifecycle.dormant", r, r.dormant);
    s.add("lifecycle.churned", r, r.churned);
    s.add("lifecycle.active", r, r.active);
    s.add("lifecycle.quick_ratio", r, r.quickRatio);
  }
}

function groupsOf(report: RetentionReport): RetentionGroup[] {
  return [report.all, report.organic, report.campaign, ...report.perCampaign];
}

/** Cohort cells of every acquisition segment; censored cells (null) are not stored at all. */
export function retentionCohortRows(report: RetentionReport): CohortRow[] {
  const out: CohortRow[] = [];
  for (const group of groupsOf(report)) {
    for (const c of group.cohorts) {
      if (c.size === 0) continue;
      c.exact.forEach((rate, offset) => {
        if (rate === null) return;
        out.push({ variant: "exact", segment: group.key, cohortPeriod: c.period, offset, cohortSize: c.size, retained: c.retainedExact[offset] ?? 0, rate });
      });
      c.unbounded.forEach((rate, offset) => {
        if (rate === null) return;
        out.push({ variant: "unbounded", segment: group.key, cohortPeriod: c.period, offset, cohortSize: c.size, retained: c.retainedUnbounded[offset] ?? 0, rate });
      });
    }
  }
  return out;
}

/** Newcomer conversion per birth cohort, per segment. */
export function addConversion(s: SeriesCollector, report: RetentionReport): void {
  for (const group of groupsOf(report)) {
    for (const c of group.conversion.byCohort) s.add("retention.conversion", c, c.rate, group.key);
  }
}

/** Curves by offset, survival and conversion totals: one document per segment. */
export function retentionDocument(report: RetentionReport) {
  return {
    lastComplete: report.lastComplete,
    currentPeriod: report.currentPeriod,
    horizon: report.horizon,
    dormancyGap: report.dormancyGap,
    windowDays: report.windowDays,
    groups: groupsOf(report).map((g) => ({
      key: g.key, name: g.name, campaignId: g.campaignId, size: g.size,
      curveExact: g.curveExact, curveUnbounded: g.curveUnbounded,
      survival: { n: g.survival.n, events: g.survival.events, censored: g.survival.censored, curve: g.survival.curve, medianLifetime: g.survival.medianLifetime },
      conversion: { eligible: g.conversion.eligible, converted: g.conversion.converted, rate: g.conversion.rate, windowDays: g.conversion.windowDays },
    })),
  };
}

export function addScalePanel(s: SeriesCollector, family: "attribution" | "contributions", panel: ScalePoint[]): void {
  for (const p of panel) {
    for (const k of CONCENTRATION_KEYS) s.add(`concentration.${family}.${k}`, p, (p[k] as number | null) ?? null);
  }
}

/** ΔG per period, where both Ginis are defined. */
export function addConcentrationGap(s: SeriesCollector, attribution: ScalePoint[], contributions: ScalePoint[]): void {
  attribution.forEach((a, i) => {
    const c = contributions[i];
    s.add("concentration.gap", a, a.gini === null || c?.gini == null ? null : a.gini - c.gini);
  });
}

/** Lorenz curve of non-negative values: ≤ `points` + 1 (population share, value share) pairs, from (0,0) to (1,1). */
export function lorenzCurve(values: ArrayLike<number>, points = 100): [number, number][] {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i];
  if (n === 0 || total <= 0) return [];
  const out: [number, number][] = [[0, 0]];
  let cum = 0;
  let next = 1;
  for (let i = 0; i < n; i++) {
    cum += sorted[i];
    if ((i + 1) / n >= next / points || i === n - 1) {
      out.push([(i + 1) / n, cum / total]);
      while (next / points <= (i + 1) / n) next++;
    }
  }
  return out;
}

export function concentrationDocument(attribution: Concentration, contributions: Concentration, attributionValues: ArrayLike<number>, contributionValues: ArrayLike<number>) {
  return {
    attribution, contributions,
    gap: attribution.gini === null || contributions.gini === null ? null : attribution.gini - contributions.gini,
    lorenzAttribution: lorenzCurve(attributionValues),
    lorenzContributions: lorenzCurve(contributionValues),
  };
}

export function addCoherence(s: SeriesCollector, report: CoherenceReport): void {
  for (const p of report.periods) {
    s.add("coherence.contributions", p, p.contributions);
    s.add("coherence.linking_ratio", p, p.linkingRatio);
    s.add("coherence.self_link_share", p, p.selfLinkShare);
    s.add("coherence.reciprocity", p, p.window.reciprocity);
    s.add("coherence.giant_component_share", p, p.window.giantComponentShare);
    s.add("coherence.modularity", p, p.window.modularity);
    s.add("coherence.communities", p, p.window.communities);
    s.add("coherence.newcomer_integration", p, p.newcomerIntegration);
  }
}

export function addRecognition(s: SeriesCollector, report: RecognitionReport): void {
  for (const p of report.periods) {
    // Coverage needs each contribution's full W days: a period still inside the window is incomplete.
    const at = { period: p.period, isComplete: p.isComplete && p.isWindowComplete };
    s.add("recognition.contributions", at, p.contributions);
    s.add("recognition.coverage", at, p.coverage);
    s.add("recognition.per_contribution", at, p.recognitionPerContribution);
    s.add("recognition.median_days", at, p.medianDaysToFirstRecognition);
  }
}

export function recognitionDocument(report: RecognitionReport) {
  return { windowDays: report.windowDays, timeToFirstRecognition: report.timeToFirstRecognition, elasticity: report.elasticity };
}

export function addParticipation(s: SeriesCollector, report: TransactionalReport): void {
  for (const p of report.periods) {
    s.add("participation.active", p, p.active);
    s.add("participation.transactional_share", p, p.transactionalShare);
    PARTICIPATION_CLASSES.forEach((c, i) => s.add(`participation.class.${c}`, p, p.byClass[i]));
  }
}

export function campaignsDocument(report: TransactionalReport) {
  return { trailingPeriods: report.trailingPeriods, dormancyGap: report.dormancyGap, campaigns: report.campaigns };
}
