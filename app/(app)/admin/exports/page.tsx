import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import { canExport } from "@/lib/permissions";
import { getCurrentRun, getRunningRun } from "@/lib/analytics/runs";
import { listScopeOptions } from "@/lib/analytics/scope";
import { DATASETS } from "@/lib/export/datasets";
import { PSEUDONYM_METHOD } from "@/lib/export/pseudonym";
import { ExportForm } from "@/components/admin/exports/export-form";
import { DatasetReference } from "@/components/admin/exports/dataset-reference";
import { formatDateTime } from "@/components/ui/format";

export const metadata: Metadata = { title: "Exports" };

export default async function ExportsPage() {
  const actor = await requirePageRole("admin");
  if (!canExport(actor)) notFound();
  const [run, running, scopes] = await Promise.all([getCurrentRun(), getRunningRun(), listScopeOptions(actor)]);
  const datasets = Object.values(DATASETS);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">Exports</h1>
        <p className="text-sm text-stone-600">
          Stored metric results as CSV, JSON Lines or Parquet, streamed straight from the database. Every file carries its metadata: the
          metric version, the parameters and their hash, the period definition, the filters, the run and the export time (CSV: <code>#</code> lines
          before the header; JSON Lines: the first line; Parquet: the file&apos;s key-value metadata).
        </p>
      </header>

      <section aria-labelledby="run" className="rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="export-run">
        <h2 id="run" className="mb-1 font-semibold">Exports come from</h2>
        {run ? (
          <p>
            Run <strong>{run.id}</strong>, metrics as of {formatDateTime(run.asOf)}, finished{" "}
            {run.finishedAt ? formatDateTime(run.finishedAt) : "—"}; metric version {run.metricVersion}, parameters <code>{run.paramsHash}</code>;{" "}
            {run.contributions.toLocaleString("en-GB")} contributions, {run.links.toLocaleString("en-GB")} links, {run.contributors.toLocaleString("en-GB")} contributors.
          </p>
        ) : (
          <p className="text-stone-600">No metrics have been computed yet: exports are available once the first recompute finishes.</p>
        )}
        {running && <p className="mt-1 text-stone-600">A recompute is running ({Math.round(running.progress * 100)} %): exports keep using run {run?.id ?? "—"} until it succeeds.</p>}
      </section>

      <section aria-labelledby="new-export" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="new-export" className="font-semibold">New export</h2>
        <ExportForm
          datasets={datasets.map((d) => ({ id: d.id, title: d.title, filters: d.filters }))}
          projects={scopes.map((s) => ({ slug: s.slug, name: s.name }))}
        />
        <p className="text-xs text-stone-500">Pseudonymization: {PSEUDONYM_METHOD} Each download is recorded in the audit log.</p>
      </section>

      <section aria-labelledby="datasets" className="space-y-3">
        <h2 id="datasets" className="font-semibold">What each dataset holds</h2>
        <DatasetReference datasets={datasets.map((d) => ({ id: d.id, title: d.title, description: d.description, source: d.source, columns: d.columns }))} />
        <p className="text-xs text-stone-500">With pseudonymization, <code>user_id</code> and <code>handle</code> are replaced by one <code>contributor</code> column (and link-ring members in signal evidence by their pseudonyms).</p>
      </section>
    </div>
  );
}
