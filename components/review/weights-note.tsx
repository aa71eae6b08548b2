// What a decision does to the numbers, in the engine's own terms (METRICS.md §3 and §10), with
// the weights of the stored parameters.
import Link from "next/link";
import type { ReviewWeights } from "@/lib/review/weights";
import { definitionHref } from "@/components/charts/definition-anchors";

const n = (x: number) => String(Math.round(x * 1000) / 1000);

export function ContributionWeightsNote({ w }: { w: ReviewWeights }) {
  const s = w.statusWeights;
  return (
    <p className="rounded-md bg-moss-50 px-3 py-2 text-sm text-moss-900" data-testid="weights-note">
      A contribution mints credit <i>m = w<sub>kind</sub> · w<sub>status</sub></i>: accepted {n(s.accepted)}, unreviewed {n(s.unreviewed)},
      rejected {n(s.rejected)}, quarantined {n(s.quarantined)}. Accepting unreviewed work raises its authors&apos; credit (and the credit it passes
      on to the work it builds on, {Math.round(w.passThrough * 100)} %); rejecting it takes its own credit away, though work built on it still
      passes credit to it. <Link href={definitionHref("attribution")} className="underline">Attribution, METRICS.md §3</Link>.
    </p>
  );
}

export function DisputeWeightsNote({ w }: { w: ReviewWeights }) {
  const k = w.statusFactors;
  const t = w.typeWeights;
  return (
    <p className="rounded-md bg-moss-50 px-3 py-2 text-sm text-moss-900" data-testid="weights-note">
      A disputed link carries no credit (κ = {n(k.disputed)}) until it is resolved. Upholding removes it, or changes its type (builds on {n(t.builds_on)},
      fixes {n(t.fixes)}, reviews {n(t.reviews)}, cites {n(t.cites)}) and gives it back the status it had; rejecting restores that status
      (confirmed κ = {n(k.confirmed)}, unconfirmed {n(k.unconfirmed)}). The person who raised a dispute does not resolve it.
    </p>
  );
}

export function RingWeightsNote({ w }: { w: ReviewWeights }) {
  return (
    <p className="rounded-md bg-moss-50 px-3 py-2 text-sm text-moss-900" data-testid="weights-note">
      Every recompute looks for link rings: 2–10 people whose links go mostly to each other (METRICS.md §10). The two ends of each
      internal link are quarantined: they mint {n(w.statusWeights.quarantined)} until a maintainer decides. <b>Clear</b> when the
      collaboration is genuine: detection never quarantines these contributions again. <b>Confirm</b> when it is gaming: they are
      stored as quarantined and stay so. Either can be reversed later. Members of a ring cannot decide it.{" "}
      <Link href={definitionHref("gaming")} className="underline">Gaming, METRICS.md §10</Link>.
    </p>
  );
}
