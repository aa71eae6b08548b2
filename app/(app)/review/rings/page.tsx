import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { listRingQueue } from "@/lib/review/ring-queue";
import { getReviewWeights } from "@/lib/review/weights";
import { RingCard } from "@/components/review/ring-card";
import { RingWeightsNote } from "@/components/review/weights-note";

export const metadata: Metadata = { title: "Review: link rings" };

export default async function ReviewRingsPage() {
  const actor = await requirePageRole("maintainer");
  const [queue, weights] = await Promise.all([listRingQueue(actor), getReviewWeights()]);
  return (
    <div className="space-y-4">
      <RingWeightsNote w={weights} />
      <p className="text-sm text-stone-600" data-testid="result-count">
        {queue.rings.length === 1 ? "1 ring" : `${queue.rings.length} rings`} in the newest results, undecided ones first
      </p>
      {queue.runId === null ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-sm text-stone-600">No metrics have been computed yet: rings are found by the recompute.</p>
      ) : queue.rings.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-sm text-stone-600" data-testid="queue-empty">
          The newest recompute found no link ring {actor.role === "admin" ? "in the ecosystem" : "touching your projects"}.
        </p>
      ) : (
        <div className="space-y-3">{queue.rings.map((r) => <RingCard key={r.key} ring={r} />)}</div>
      )}
    </div>
  );
}
