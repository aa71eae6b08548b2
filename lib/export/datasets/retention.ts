// Retention cohorts, both variants (METRICS.md §2): one row per cohort × offset × variant.
import { setting } from "../source";
import type { DatasetDef } from "../types";
import { dateRangeWhere, day, int, num, runScopeWhere, text } from "./common";

export const retentionDataset: DatasetDef = {
  id: "retention",
  title: "Retention cohorts",
  description:
    "Birth cohorts (newcomers by the period of their first contribution) followed period by period, in both variants: exact (active in that period) and unbounded (active in that period or any later one). Cells not yet observable are not stored, so they are absent, never 0.",
  source: "metric_cohorts",
  filters: { unit: true, dateRange: true, segment: true, variant: true },
  columns: [
    { name: "cohort_start", type: "date", description: "First day (UTC) of the cohort's birth period." },
    { name: "variant", type: "string", description: "exact or unbounded." },
    { name: "segment", type: "string", description: "Newcomer segment: all, organic (arrived outside any campaign) or campaign." },
    { name: "offset", type: "int", description: "Periods after the birth period (0 = the birth period)." },
    { name: "cohort_size", type: "int", description: "Newcomers in the cohort." },
    { name: "retained", type: "int", description: "Of them, active at this offset (exact) or at this offset or later (unbounded)." },
    { name: "rate", type: "float", description: "retained / cohort_size." },
  ],
  pseudonymColumns: [],
  query: (f) => `
    SELECT ${day("c.cohort_start")}, c.variant, c.segment, c."offset", c.cohort_size, c.retained, c.rate
    FROM metric_cohorts c
    WHERE ${runScopeWhere("c", f)} AND c.segment = ${setting("segment", "text")}
      ${f.variant === "both" ? "" : `AND c.variant = ${setting("variant", "text")}`}
      ${dateRangeWhere("c.cohort_start", f)}
    ORDER BY c.variant, c.cohort_start, c."offset"`,
  createMapper: () => ({
    map: (r) => [[r[0], text(r[1]), text(r[2]), int(r[3]), int(r[4]), int(r[5]), num(r[6])]],
    flush: () => [],
  }),
};
