// Where the numbers stand relative to the decisions: the run they come from, and whether a
// recompute with the newest decisions is queued or running.
import type { RunInfo, RunningInfo } from "@/lib/analytics/runs";
import { formatDateTime } from "@/components/ui/format";

export function RecomputeStatus({ run, running, isQueued }: { run: RunInfo | null; running: RunningInfo | null; isQueued: boolean }) {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-500" data-testid="recompute-status">
      <span>{run ? `Numbers from run ${run.id}, finished ${run.finishedAt ? formatDateTime(run.finishedAt) : "—"}.` : "No metrics have been computed yet."}</span>
      {running ? (
        <span className="text-moss-800" role="status">Recomputing now: {running.phase ?? "starting"}, {Math.round(running.progress * 100)} %.</span>
      ) : isQueued ? (
        <span role="status">Decisions since that run are waiting for the queued recompute; the numbers below change when it finishes.</span>
      ) : (
        <span>Every decision so far is in these numbers.</span>
      )}
    </p>
  );
}
