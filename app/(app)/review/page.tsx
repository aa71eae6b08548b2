import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { listContributionQueue, listReviewProjects } from "@/lib/review/contribution-queue";
import { getReviewWeights } from "@/lib/review/weights";
import { contributionQueueQuerySchema } from "@/lib/validation/review";
import { ContributionQueue } from "@/components/review/contribution-queue";
import { ContributionQueueFilters } from "@/components/review/contribution-queue-filters";
import { ContributionWeightsNote } from "@/components/review/weights-note";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Review: contributions" };

export default async function ReviewContributionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole("maintainer");
  const query = contributionQueueQuerySchema.parse(await searchParams);
  const [queue, projects, weights] = await Promise.all([listContributionQueue(actor, query), listReviewProjects(actor), getReviewWeights()]);
  const params = new URLSearchParams(
    Object.entries({ status: query.status === "unreviewed" ? undefined : query.status, project: query.project })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  return (
    <div className="space-y-4">
      <ContributionWeightsNote w={weights} />
      <ContributionQueueFilters query={query} projects={projects} counts={queue.counts} />
      <p className="text-sm text-stone-600" data-testid="result-count">
        {queue.total === 1 ? "1 contribution" : `${queue.total} contributions`}, the longest-waiting first
      </p>
      {projects.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-sm text-stone-600">You do not maintain a project yet: an admin adds maintainers to projects.</p>
      ) : queue.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-sm text-stone-600" data-testid="queue-empty">
          {query.status === "unreviewed" ? "Nothing waits for review. New contributions appear here as they are logged." : "No contributions match these filters."}
        </p>
      ) : (
        <ContributionQueue rows={queue.rows} />
      )}
      <Pagination page={query.page} pageCount={queue.pageCount} basePath="/review" params={params} />
    </div>
  );
}
