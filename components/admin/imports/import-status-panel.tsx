// One import: what it is, its status and progress while it runs, and its counts.
import type { ImportBatchDetail } from "@/lib/import/queries";
import { formatDateTime } from "@/components/ui/format";
import { ImportStatusBadge } from "./import-status-badge";

const n = (v: number) => v.toLocaleString("en-US");
const KIND_LABEL: Record<string, string> = { contributions: "contributions", links: "links", git: "git history" };

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-md border border-stone-200 bg-white px-3 py-2">
      <dt className="text-xs text-stone-600">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>{n(value)}</dd>
    </div>
  );
}

export function ImportStatusPanel({ batch }: { batch: ImportBatchDetail }) {
  const isActive = batch.status === "queued" || batch.status === "running";
  const percent = Math.round(batch.progress * 100);
  return (
    <section aria-labelledby="import-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 id="import-heading" className="text-xl font-semibold">Import #{batch.id}: {KIND_LABEL[batch.kind] ?? batch.kind}</h1>
        <ImportStatusBadge status={batch.status} />
      </div>
      <p className="text-sm text-stone-600">
        {batch.filename} ({batch.format === "jsonl" ? "JSON Lines" : batch.format.toUpperCase()})
        {batch.source ? <>, source <code className="rounded bg-stone-100 px-1">{batch.source}</code></> : null}
        {" · "}started {formatDateTime(batch.createdAt)}{batch.createdBy ? ` by @${batch.createdBy}` : " from the command line"}
        {batch.finishedAt ? ` · finished ${formatDateTime(batch.finishedAt)}` : ""}
      </p>
      {isActive && (
        <div className="space-y-1" aria-live="polite">
          <div className="h-2.5 w-full max-w-xl overflow-hidden rounded bg-stone-200" role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <div className="h-full bg-moss-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-stone-700" data-testid="import-phase">{percent} % · {batch.phase ?? "starting"}</p>
        </div>
      )}
      {batch.status === "failed" && batch.error && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="import-failure">{batch.error}</p>
      )}
      <dl className="grid max-w-3xl grid-cols-2 gap-2 sm:grid-cols-4">
        <Count label={batch.kind === "git" ? "Commits read" : "Rows read"} value={batch.totalRows} testId="count-total" />
        <Count label="Loaded" value={batch.insertedRows} testId="count-inserted" />
        <Count label="Already present" value={batch.skippedRows} testId="count-skipped" />
        <Count label="Refused" value={batch.errorRows} testId="count-errors" />
      </dl>
      {batch.batches.length > 0 && (
        <p className="text-sm text-stone-600">
          Written in {batch.batches.length} {batch.batches.length === 1 ? "transaction" : "transactions"}, each recorded in the audit log; the metrics are recomputed shortly after.
        </p>
      )}
    </section>
  );
}
