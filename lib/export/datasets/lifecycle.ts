// Lifecycle per contributor per period (METRICS.md §1). The run stores a contributor-period row
// only where something happened (run-contributors.ts): every active period (new, returning,
// resurrecting) and the first inactive one (newly dormant). The periods between follow from the
// active ones exactly as the engine derives them (fillContributorStates in lifecycle.ts): the
// period after an active one is newly dormant, then dormant while fewer than G periods have passed
// since the last active one, then churned. So this export reads the stored active rows, in
// (contributor, period) order, and writes every period from a contributor's first active period to
// the run's current one: the states the lifecycle counts of the dashboards are made of.
import { periodLabel } from "@/lib/metrics/periods";
import type { Cell, DatasetDef, Row, RowContext } from "../types";
import { IDENTITY_COLUMNS, PSEUDONYM_COLUMNS, dateRangeWhere, day, identityCells, int, periodIndexer, periodRange, runScopeWhere } from "./common";

const ACTIVE = new Set(["new", "returning", "resurrecting"]);

const STATE_COLUMNS = [
  { name: "period_start", type: "date", description: "First day (UTC) of the period." },
  { name: "state", type: "string", description: "new, returning, resurrecting (the three active states), newly_dormant, dormant or churned." },
  { name: "is_active", type: "bool", description: "Active in this period (at least the activity threshold of contributions)." },
  { name: "is_complete", type: "bool", description: "false for the current period, whose state can still change." },
] as const;

function createLifecycleMapper(ctx: RowContext) {
  const { unit, current, lastComplete, dormancyGap: gap } = ctx.period;
  const range = periodRange(ctx.filters, unit, current);
  const indexOf = periodIndexer(unit);
  const labels = new Map<number, string>();
  const label = (p: number) => {
    let l = labels.get(p);
    if (l === undefined) labels.set(p, (l = periodLabel(p, unit)));
    return l;
  };
  let who: Cell[] | null = null;
  let userId = -1;
  let lastActive: number | null = null;

  const emit = (out: Row[], p: number, state: string) => {
    if (p >= range.first && p <= range.last) out.push([...who!, label(p), state, ACTIVE.has(state), p <= lastComplete]);
  };
  // Inactive periods after `lastActive` up to `until` (inclusive).
  const fillInactive = (out: Row[], until: number) => {
    if (lastActive === null) return;
    const a = lastActive;
    for (let t = Math.max(a + 1, range.first); t <= Math.min(until, range.last); t++) {
      emit(out, t, t === a + 1 ? "newly_dormant" : t - a < gap ? "dormant" : "churned");
    }
  };
  return {
    map(r: string[]): Row[] {
      const out: Row[] = [];
      const id = int(r[0]);
      if (id !== userId) {
        fillInactive(out, current);
        userId = id;
        who = identityCells(ctx, r[0], r[1]);
        lastActive = null;
      }
      const state = r[3];
      if (!ACTIVE.has(state)) return out;
      const p = indexOf(r[2]);
      fillInactive(out, p - 1);
      emit(out, p, state);
      lastActive = p;
      return out;
    },
    flush(): Row[] {
      const out: Row[] = [];
      fillInactive(out, current);
      lastActive = null;
      return out;
    },
  };
}

export const lifecycleDataset: DatasetDef = {
  id: "lifecycle",
  title: "Lifecycle per contributor",
  description:
    "One row per contributor per period, from their first active period in the scope to the current period: the lifecycle state that the lifecycle dashboard counts (new, returning, resurrecting, newly dormant, dormant, churned). Dormant turns into churned once the dormancy gap G (in the metadata) has passed since the last active period.",
  source: "metric_contributor_periods (state)",
  filters: { unit: true, dateRange: true, segment: false, variant: false },
  columns: [...IDENTITY_COLUMNS, ...STATE_COLUMNS],
  pseudonymColumns: [...PSEUDONYM_COLUMNS, ...STATE_COLUMNS],
  // Rows before `from` are read too: the state at `from` follows from the last active period before it.
  query: (f) => `
    SELECT p.user_id, u.handle, ${day("p.period_start")}, p.state
    FROM metric_contributor_periods p JOIN users u ON u.id = p.user_id
    WHERE ${runScopeWhere("p", f)} AND p.state IN ('new', 'returning', 'resurrecting')
      ${dateRangeWhere("p.period_start", f, { from: false })}
    ORDER BY p.user_id, p.period_start`,
  createMapper: createLifecycleMapper,
};
