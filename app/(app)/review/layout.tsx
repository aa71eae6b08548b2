// The review queues: for maintainers (their projects) and admins (every project). Others get the
// not-found page.
import { requirePageRole } from "@/lib/auth/session";
import { getCurrentRun, getRunningRun, isRecomputeQueued } from "@/lib/analytics/runs";
import { countReviewQueues } from "@/lib/review/counts";
import { ReviewTabs } from "@/components/review/review-tabs";
import { RecomputeStatus } from "@/components/review/recompute-status";

export default async function ReviewLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageRole("maintainer");
  const [counts, run, running, isQueued] = await Promise.all([countReviewQueues(actor), getCurrentRun(), getRunningRun(), isRecomputeQueued()]);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Review</h1>
        <p className="text-sm text-stone-600">
          {actor.role === "admin" ? "Every project's" : "Your projects'"} contributions to accept or reject, disputes to resolve and link rings to clear or confirm.
          Each decision is recorded in the audit log and queues a recompute of the metrics.
        </p>
        <RecomputeStatus run={run} running={running} isQueued={isQueued} />
      </div>
      <ReviewTabs counts={counts} />
      {children}
    </div>
  );
}
