// Attribution flow and visibility per contributor per period (METRICS.md §3), the stored rows.
// A row exists where something happened (the contributor was active, newly dormant or received
// flow); in the periods between, flow is 0 and visibility only decays:
// V(t) = V(t₀)·(1 − d)^(t − t₀), with d the per-period decay in the metadata.
import type { ColumnDef, DatasetDef } from "../types";
import { floatCell } from "../float-text";
import { IDENTITY_COLUMNS, PSEUDONYM_COLUMNS, dateRangeWhere, day, identityCellsById, periodIndexer, runScopeWhere } from "./common";

const VALUE_COLUMNS: ColumnDef[] = [
  { name: "period_start", type: "date", description: "First day (UTC) of the period." },
  { name: "flow", type: "float", description: "Attribution flow: credit that reached the contributor's work in this period through the cascade." },
  { name: "visibility", type: "float", description: "Visibility stock at the end of the period: last period's, decayed by d, plus this period's flow." },
  { name: "is_complete", type: "bool", description: "false for the current period, whose values can still change." },
];

export const attributionFlowDataset: DatasetDef = {
  id: "attribution-flow",
  title: "Attribution flow and visibility per contributor",
  description:
    "Per contributor per period: the attribution flow received and the visibility stock. Rows are stored only for periods where something happened; between two rows flow is 0 and visibility decays by the factor (1 − d) per period given in the metadata.",
  source: "metric_contributor_periods (flow, visibility)",
  filters: { unit: true, dateRange: true, segment: false, variant: false },
  columns: [...IDENTITY_COLUMNS, ...VALUE_COLUMNS],
  pseudonymColumns: [...PSEUDONYM_COLUMNS, ...VALUE_COLUMNS],
  handlesById: true,
  query: (f) => `
    SELECT p.user_id, ${day("p.period_start")}, p.flow, p.visibility
    FROM metric_contributor_periods p
    WHERE ${runScopeWhere("p", f)} ${dateRangeWhere("p.period_start", f)}
    ORDER BY p.user_id, p.period_start`,
  createMapper: (ctx) => {
    const indexOf = periodIndexer(ctx.period.unit);
    const { lastComplete } = ctx.period;
    return {
      // One row per stored row, over a million of them: built in place, no spread copies.
      map: (r) => {
        const row = identityCellsById(ctx, r[0]);
        row.push(r[1], floatCell(r[2], ctx.textFloats), floatCell(r[3], ctx.textFloats), indexOf(r[1]) <= lastComplete);
        return [row];
      },
      flush: () => [],
    };
  },
};
