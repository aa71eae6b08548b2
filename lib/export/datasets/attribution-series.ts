// The community series of the attribution dashboard (METRICS.md §3–4): total flow and visibility,
// and the concentration of credit and of contributions, one row per period and metric.
import type { DatasetDef } from "../types";
import { bool, dateRangeWhere, day, num, runScopeWhere, text } from "./common";

export const attributionSeriesDataset: DatasetDef = {
  id: "attribution-series",
  title: "Attribution and concentration series",
  description:
    "The community-level series behind the attribution dashboard, in long form (one row per period and metric): attribution.flow_total and attribution.visibility_total, and concentration.attribution.* / concentration.contributions.* (n, gini, nakamoto50, nakamoto33, hhi, hhiNormalized, d1, d2, d1PerN, top10Share) and concentration.gap. An empty value means undefined for that period (e.g. no active contributors), not 0.",
  source: "metric_series (attribution.*, concentration.*)",
  filters: { unit: true, dateRange: true, segment: false, variant: false },
  columns: [
    { name: "period_start", type: "date", description: "First day (UTC) of the period." },
    { name: "metric", type: "string", description: "The stored metric name (see /definitions)." },
    { name: "value", type: "float", nullable: true, description: "The value; empty when undefined for the period." },
    { name: "is_complete", type: "bool", description: "false for the current period, whose values can still change." },
  ],
  pseudonymColumns: [],
  query: (f) => `
    SELECT ${day("s.period_start")}, s.metric, s.value, s.is_complete
    FROM metric_series s
    WHERE ${runScopeWhere("s", f)} AND s.segment = 'all'
      AND (s.metric LIKE 'attribution.%' OR s.metric LIKE 'concentration.%')
      ${dateRangeWhere("s.period_start", f)}
    ORDER BY s.period_start, s.metric`,
  createMapper: () => ({
    map: (r) => [[r[0], text(r[1]), num(r[2]), bool(r[3])]],
    flush: () => [],
  }),
};
