// The retention streak: consecutive active periods ending at the latest period with activity
// no earlier than the last complete one. Active periods are the stored rows whose state is new,
// returning or resurrecting (run-contributors.ts).
import type { ContributorPeriodView } from "@/lib/analytics/results";
import { periodIndex } from "@/components/dashboards/visibility-fill";

const ACTIVE = new Set(["new", "returning", "resurrecting"]);

export function retentionStreak(rows: ContributorPeriodView[], lastComplete: number, unit: "week" | "month"): { current: number; longest: number; activePeriods: number } {
  const active = rows.filter((r) => ACTIVE.has(r.state)).map((r) => periodIndex(r.period, unit)).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < active.length; i++) {
    run = i > 0 && active[i] === active[i - 1] + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  // The current streak counts only if it reaches the last complete period (or the current one).
  const last = active.at(-1);
  let current = 0;
  if (last !== undefined && last >= lastComplete) {
    current = 1;
    for (let i = active.length - 1; i > 0 && active[i - 1] === active[i] - 1; i--) current++;
    // Activity only in the still-open current period does not break a streak that ended at T.
  }
  return { current, longest, activePeriods: active.length };
}
