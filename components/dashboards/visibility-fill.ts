// Stored contributor-period rows skip periods where nothing happened; between rows visibility only
// decays: V(t) = V(t0)·(1 − d)^(t − t0). This fills every period of the axis from the rows.
import type { ContributorPeriodView } from "@/lib/analytics/results";

/** Period index of a period-start label (weeks since the epoch's Monday, or months). */
export function periodIndex(label: string, unit: "week" | "month"): number {
  const ms = Date.parse(`${label}T00:00:00Z`);
  if (unit === "week") return Math.round((ms - 4 * 86_400_000) / (7 * 86_400_000));
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export function fillVisibility(rows: ContributorPeriodView[], axis: string[], decay: number, unit: "week" | "month"): { flow: number[]; visibility: number[] } {
  const sorted = [...rows].sort((a, b) => a.period.localeCompare(b.period));
  const flow: number[] = [];
  const visibility: number[] = [];
  let k = -1;
  for (const period of axis) {
    while (k + 1 < sorted.length && sorted[k + 1].period <= period) k++;
    if (k < 0) {
      flow.push(0);
      visibility.push(0);
      continue;
    }
    const last = sorted[k];
    const steps = periodIndex(period, unit) - periodIndex(last.period, unit);
    flow.push(steps === 0 ? last.flow : 0);
    visibility.push(last.visibility * Math.pow(1 - decay, steps));
  }
  return { flow, visibility };
}
