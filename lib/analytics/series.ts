// Reads of stored per-period series for the dashboards: one query per page section, every value
// bound, the (run, scope, unit, metric, segment, period) primary key serving each filter.
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { memoForRun } from "./run-memo";

export interface SeriesPoint {
  /** period start, YYYY-MM-DD */
  period: string;
  value: number | null;
  isComplete: boolean;
}

export interface SeriesQuery {
  runId: number;
  scope: string;
  unit: "week" | "month";
  segment?: string;
  /** inclusive, YYYY-MM-DD */
  from?: string;
  to?: string;
}

/** The named metrics' series, each ordered by period; a metric with no rows maps to []. */
export async function listSeries(q: SeriesQuery, metrics: readonly string[]): Promise<Record<string, SeriesPoint[]>> {
  return memoForRun(q.runId, `series:${JSON.stringify([q, metrics])}`, () => readListSeries(q, metrics));
}

async function readListSeries(q: SeriesQuery, metrics: readonly string[]): Promise<Record<string, SeriesPoint[]>> {
  const rows = await prisma.$queryRaw<{ metric: string; period: string; value: number | null; is_complete: boolean }[]>(Prisma.sql`
    SELECT metric, to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS period, value, is_complete
    FROM metric_series
    WHERE run_id = ${q.runId} AND scope = ${q.scope} AND period_unit = ${q.unit} AND segment = ${q.segment ?? "all"}
      AND metric = ANY(${[...metrics]}::text[])
      ${q.from ? Prisma.sql`AND period_start >= ${q.from}::date` : Prisma.empty}
      ${q.to ? Prisma.sql`AND period_start <= ${q.to}::date` : Prisma.empty}
    ORDER BY metric, period_start`);
  const out: Record<string, SeriesPoint[]> = Object.fromEntries(metrics.map((m) => [m, []]));
  for (const r of rows) out[r.metric].push({ period: r.period, value: r.value, isComplete: r.is_complete });
  return out;
}

/** The last complete point of a series and the one before it, for headline figures with their change. */
export function latestComplete(points: SeriesPoint[]): { latest: SeriesPoint | null; previous: SeriesPoint | null } {
  const complete = points.filter((p) => p.isComplete);
  return { latest: complete.at(-1) ?? null, previous: complete.at(-2) ?? null };
}
