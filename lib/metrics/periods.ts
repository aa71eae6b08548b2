// Period arithmetic in UTC. A period index is an integer so that "t − 1" and "c + N" are plain
// subtraction and addition. Weeks are ISO weeks (Monday 00:00 UTC); week 0 starts on Monday
// 1970-01-05. Months are `year * 12 + month0`.

export type PeriodUnit = "week" | "month";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Monday 1970-01-05 00:00 UTC, the start of week index 0. */
const WEEK_EPOCH_MS = 4 * DAY_MS;

/** The period that contains the instant `ms` (milliseconds since the Unix epoch, UTC). */
export function periodOf(ms: number, unit: PeriodUnit): number {
  if (unit === "week") return Math.floor((ms - WEEK_EPOCH_MS) / WEEK_MS);
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The first instant (inclusive) of period `p`. */
export function periodStart(p: number, unit: PeriodUnit): number {
  if (unit === "week") return WEEK_EPOCH_MS + p * WEEK_MS;
  return Date.UTC(Math.floor(p / 12), p % 12, 1);
}

/** The first instant after period `p` (exclusive end). */
export function periodEnd(p: number, unit: PeriodUnit): number {
  return periodStart(p + 1, unit);
}

/** ISO date (YYYY-MM-DD) of the start of period `p`, the label used in stored results and exports. */
export function periodLabel(p: number, unit: PeriodUnit): string {
  return new Date(periodStart(p, unit)).toISOString().slice(0, 10);
}

/**
 * The last complete period `T` as of `asOfMs`: the period before the one that contains `asOfMs`,
 * unless `asOfMs` falls exactly on a period boundary, in which case the period that just ended.
 */
export function lastCompletePeriod(asOfMs: number, unit: PeriodUnit): number {
  return periodOf(asOfMs, unit) - 1;
}

/** Period, label and completeness against the last complete period `lastComplete` (absolute). */
export function periodInfoOf(p: number, lastComplete: number, unit: PeriodUnit): { period: number; label: string; isComplete: boolean } {
  return { period: p, label: periodLabel(p, unit), isComplete: p <= lastComplete };
}
