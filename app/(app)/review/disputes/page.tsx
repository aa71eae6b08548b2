import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { listDisputeQueue } from "@/lib/review/dispute-queue";
import { getReviewWeights } from "@/lib/review/weights";
import { disputeQueueQuerySchema } from "@/lib/validation/review";
import { DisputeCard } from "@/components/review/dispute-card";
import { DisputeWeightsNote } from "@/components/review/weights-note";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Review: disputes" };

export default async function ReviewDisputesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole("maintainer");
  const query = disputeQueueQuerySchema.parse(await searchParams);
  const [queue, weights] = await Promise.all([listDisputeQueue(actor, query), getReviewWeights()]);
  const tab = (state: "open" | "resolved", label: string) => (
    <Link href={state === "open" ? "/review/disputes" : "/review/disputes?state=resolved"} aria-current={query.state === state ? "page" : undefined}
      className={query.state === state ? "font-medium text-moss-900 underline" : "text-stone-600 hover:text-moss-700"}>{label}</Link>
  );
  return (
    <div className="space-y-4">
      <DisputeWeightsNote w={weights} />
      <div className="flex gap-4 text-sm">{tab("open", "Open")}{tab("resolved", "Resolved")}</div>
      <p className="text-sm text-stone-600" data-testid="result-count">
        {queue.total === 1 ? "1 dispute" : `${queue.total} disputes`}{query.state === "open" ? ", the oldest first" : ", the latest decision first"}
      </p>
      {queue.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-sm text-stone-600" data-testid="queue-empty">
          {query.state === "open" ? "No open disputes. When an author disputes a link to their work, it appears here." : "No dispute has been resolved yet."}
        </p>
      ) : (
        <div className="space-y-3">{queue.rows.map((d) => <DisputeCard key={d.id} d={d} />)}</div>
      )}
      <Pagination page={query.page} pageCount={queue.pageCount} basePath="/review/disputes" params={new URLSearchParams(query.state === "resolved" ? { state: "resolved" } : {})} />
    </div>
  );
}
