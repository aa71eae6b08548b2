// The saved hash beside the hash the stored metrics were computed with, and whether the change
// has reached them yet.
import { formatDateTime } from "@/components/ui/format";
import type { ParamsView } from "@/lib/params/queries";

const STATUS: Record<ParamsView["status"], { label: string; tone: string; note: string }> = {
  applied: { label: "Applied", tone: "bg-moss-100 text-moss-900", note: "The stored metrics were computed with these parameters." },
  running: { label: "Recompute running", tone: "bg-sky-100 text-sky-900", note: "A recompute with these parameters is running now." },
  queued: { label: "Recompute queued", tone: "bg-amber-100 text-amber-900", note: "A recompute is queued; the dashboards show the previous parameters until it finishes." },
  pending: { label: "Not applied", tone: "bg-orange-100 text-orange-900", note: "No recompute is queued or running: start one with `npm run metrics:recompute`." },
  no_run: { label: "No metrics yet", tone: "bg-stone-200 text-stone-800", note: "The metrics have never been computed." },
};

export function ApplyStatusPanel({ view }: { view: ParamsView }) {
  const s = STATUS[view.status];
  return (
    <section aria-label="Recompute status" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 text-sm sm:grid-cols-3" data-testid="apply-status">
      <div>
        <p className="text-xs uppercase text-stone-600">Status</p>
        <p><span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${s.tone}`} data-testid="apply-status-label">{s.label}</span></p>
        <p className="mt-1 text-xs text-stone-600">{s.note}</p>
      </div>
      <div>
        <p className="text-xs uppercase text-stone-600">Hash of the parameters in force</p>
        <p className="font-mono" data-testid="saved-hash">{view.effectiveHash}</p>
        <p className="text-xs text-stone-600">
          {view.source === "own" ? `Saved ${formatDateTime(view.saved!.updatedAt)}` : view.source === "ecosystem" ? "Inherited from the ecosystem set" : "METRICS.md defaults (nothing saved)"}
        </p>
      </div>
      <div>
        <p className="text-xs uppercase text-stone-600">Last metric run</p>
        {view.lastRun ? (
          <>
            <p className="font-mono" data-testid="run-hash">{view.lastRun.paramsHash}</p>
            <p className="text-xs text-stone-600">
              Run #{view.lastRun.id}{view.lastRun.finishedAt ? `, finished ${formatDateTime(view.lastRun.finishedAt)}` : ""}.
              {view.projectId !== null && " Runs record the ecosystem hash; a project's set is applied when the run started after it was saved."}
            </p>
          </>
        ) : (
          <p className="text-stone-600">none</p>
        )}
      </div>
    </section>
  );
}
