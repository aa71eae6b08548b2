// Pieces the dataset definitions share: COPY text → typed cells, the identity columns (ids and
// handles, or one pseudonym column), and the WHERE clauses of the dashboard filters.
import { unescapeCopyText } from "@/lib/jobs/load-graph";
import { periodOf, periodStart, type PeriodUnit } from "@/lib/metrics/periods";
import { COPY_NULL, setting } from "../source";
import type { Cell, ColumnDef, ResolvedFilters, RowContext } from "../types";

export const num = (s: string): number | null => (s === COPY_NULL ? null : Number(s));
export const int = (s: string): number => Number(s);
export const text = (s: string): string | null => (s === COPY_NULL ? null : unescapeCopyText(s));
export const bool = (s: string): boolean => s === "t";

export const IDENTITY_COLUMNS: ColumnDef[] = [
  { name: "user_id", type: "int", description: "The contributor's id in this Understory deployment." },
  { name: "handle", type: "string", description: "The contributor's handle." },
];
export const PSEUDONYM_COLUMNS: ColumnDef[] = [
  { name: "contributor", type: "string", description: "A stable pseudonym of the contributor (see the pseudonymization note in the metadata); the same person has the same pseudonym in every export of this deployment." },
];

/** [user_id, handle] or [pseudonym] */
export function identityCells(ctx: RowContext, userIdField: string, handleField: string): Cell[] {
  const id = int(userIdField);
  return ctx.pseudonym ? [ctx.pseudonym(id)] : [id, text(handleField)];
}

/** [user_id, handle] or [pseudonym], the handle looked up by id (DatasetDef.handlesById) */
export function identityCellsById(ctx: RowContext, userIdField: string): Cell[] {
  const id = int(userIdField);
  if (ctx.pseudonym) return [ctx.pseudonym(id)];
  if (!ctx.handleOf) throw new Error("a dataset with handlesById needs ctx.handleOf");
  return [id, ctx.handleOf(id)];
}

/** A stored timestamp column as the UTC day its period starts on. */
export const day = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

/**
 * run, scope and (unless the table has none) period unit: the prefix of every results index. The
 * run id is written into the SQL when known (an integer read from metric_runs): with a constant,
 * PostgreSQL plans and locks only that run's partition of a table partitioned by run, so a long
 * export does not hold the partitions a recompute attaches or drops (lib/jobs/run-partitions.ts).
 */
export function runScopeWhere(alias: string, f: Pick<ResolvedFilters, "runId">, withUnit = true): string {
  const unit = withUnit ? ` AND ${alias}.period_unit = ${setting("unit", "text")}` : "";
  const run = f.runId === undefined ? setting("run_id", "int") : String(safeRunId(f.runId));
  return `${alias}.run_id = ${run} AND ${alias}.scope = ${setting("scope", "text")}${unit}`;
}

function safeRunId(id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`bad run id ${id}`);
  return id;
}

/** The date range as the dashboards apply it: periods that start inside [from, to], both inclusive, days in UTC. */
export function dateRangeWhere(column: string, f: Pick<ResolvedFilters, "from" | "to">, opts: { from?: boolean } = {}): string {
  const parts: string[] = [];
  if (f.from && opts.from !== false) parts.push(` AND ${column} >= (${setting("from", "text")} || 'T00:00:00Z')::timestamptz`);
  if (f.to) parts.push(` AND ${column} <= (${setting("to", "text")} || 'T00:00:00Z')::timestamptz`);
  return parts.join("");
}

const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Absolute period indices [first, last] the date range covers (periods whose start is inside it). */
export function periodRange(f: Pick<ResolvedFilters, "from" | "to">, unit: PeriodUnit, current: number): { first: number; last: number } {
  let first = Number.NEGATIVE_INFINITY;
  if (f.from) {
    const ms = dayMs(f.from);
    first = periodOf(ms, unit);
    if (periodStart(first, unit) < ms) first++;
  }
  const last = f.to ? Math.min(current, periodOf(dayMs(f.to), unit)) : current;
  return { first, last };
}

/** "YYYY-MM-DD" of a period start → absolute period index, cached (a few hundred distinct days). */
export function periodIndexer(unit: PeriodUnit): (d: string) => number {
  const cache = new Map<string, number>();
  return (d) => {
    let p = cache.get(d);
    if (p === undefined) cache.set(d, (p = periodOf(dayMs(d), unit)));
    return p;
  };
}
