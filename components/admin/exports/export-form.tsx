"use client";
// The export form: dataset, format, the dashboard filters that dataset takes, pseudonymization.
// Filters a dataset does not take are disabled (a disabled field is not sent). On a valid
// request the browser is sent to the download route, which streams the file.
import { useActionState, useEffect, useState } from "react";
import { prepareExportAction, type ExportFormResult } from "@/lib/export/actions";
import { Field, FormMessage, Input, Select } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";

export interface DatasetOption {
  id: string;
  title: string;
  filters: { unit: boolean; dateRange: boolean; segment: boolean; variant: boolean };
}

const INITIAL: ExportFormResult = { ok: false };

export function ExportForm({ datasets, projects }: { datasets: DatasetOption[]; projects: { slug: string; name: string }[] }) {
  const [state, action] = useActionState(prepareExportAction, INITIAL);
  const sent = state.values as Record<string, string> | undefined;
  const [datasetId, setDatasetId] = useState(sent?.dataset ?? datasets[0].id);
  // React resets a form after its action; the fields are remounted with what was sent as their
  // defaults, so the reset keeps the user's choices (and the dataset's filter switches follow).
  const [seen, setSeen] = useState(state);
  const [version, setVersion] = useState(0);
  if (state !== seen) {
    setSeen(state);
    setVersion((v) => v + 1);
    if (sent?.dataset) setDatasetId(sent.dataset);
  }
  const dataset = datasets.find((d) => d.id === datasetId) ?? datasets[0];
  const err = (k: string) => state.fieldErrors?.[k];
  const value = (k: string, fallback = "") => sent?.[k] ?? fallback;

  useEffect(() => {
    if (state.ok && state.downloadUrl) window.location.assign(state.downloadUrl);
  }, [state]);

  return (
    <form action={action} className="space-y-4" noValidate data-testid="export-form">
      <FormMessage ok={state.ok} message={state.message} />
      {state.ok && state.downloadUrl && (
        <p className="text-sm text-stone-600">
          If it does not start, <a className="text-moss-700 underline" href={state.downloadUrl} data-testid="download-link">download it here</a>.
        </p>
      )}
      {err("form") && <p className="text-sm text-red-700">{err("form")}</p>}
      <div key={version} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="dataset" label="Dataset" error={err("dataset")}>
          <Select id="dataset" name="dataset" defaultValue={datasetId} onChange={(e) => setDatasetId(e.target.value)} error={err("dataset")}>
            {datasets.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
          </Select>
        </Field>
        <Field id="format" label="Format" error={err("format")}>
          <Select id="format" name="format" defaultValue={value("format", "csv")} error={err("format")}>
            <option value="csv">CSV</option>
            <option value="jsonl">JSON Lines</option>
            <option value="parquet">Parquet</option>
          </Select>
        </Field>
        <Field id="project" label="Scope" error={err("project")}>
          <Select id="project" name="project" defaultValue={value("project", "all")} error={err("project")}>
            {projects.map((p) => <option key={p.slug} value={p.slug}>{p.name}</option>)}
          </Select>
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="unit" label="Period" error={err("unit")} hint={dataset.filters.unit ? undefined : "Classes are evaluated on weeks."}>
          <Select id="unit" name="unit" defaultValue={value("unit", "week")} disabled={!dataset.filters.unit} error={err("unit")}>
            <option value="week">Weeks (Monday 00:00 UTC)</option>
            <option value="month">Months (1st, 00:00 UTC)</option>
          </Select>
        </Field>
        <Field id="from" label="Periods starting from (UTC)" error={err("from")} hint={dataset.filters.dateRange ? "Optional" : "As of the run: no date range."}>
          <Input id="from" name="from" type="date" defaultValue={value("from")} disabled={!dataset.filters.dateRange} error={err("from")} />
        </Field>
        <Field id="to" label="Periods starting until (UTC)" error={err("to")} hint={dataset.filters.dateRange ? "Optional, inclusive" : undefined}>
          <Input id="to" name="to" type="date" defaultValue={value("to")} disabled={!dataset.filters.dateRange} error={err("to")} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="segment" label="Newcomer segment" error={err("segment")} hint={dataset.filters.segment ? undefined : "Retention cohorts only."}>
          <Select id="segment" name="segment" defaultValue={value("segment", "all")} disabled={!dataset.filters.segment} error={err("segment")}>
            <option value="all">All newcomers</option>
            <option value="organic">Organic</option>
            <option value="campaign">Campaign</option>
          </Select>
        </Field>
        <Field id="variant" label="Retention variant" error={err("variant")} hint={dataset.filters.variant ? undefined : "Retention cohorts only."}>
          <Select id="variant" name="variant" defaultValue={value("variant", "both")} disabled={!dataset.filters.variant} error={err("variant")}>
            <option value="both">Both</option>
            <option value="exact">Exact</option>
            <option value="unbounded">Unbounded</option>
          </Select>
        </Field>
        <div className="space-y-1 pt-6">
          <label className="flex items-start gap-2 text-sm text-stone-800">
            <input type="checkbox" name="pseudonymize" value="1" defaultChecked={value("pseudonymize") === "1"} className="mt-0.5" data-testid="pseudonymize" />
            <span>Pseudonymize identities <span className="block text-xs text-stone-500">User ids and handles become stable keyed pseudonyms.</span></span>
          </label>
          {err("pseudonymize") && <p className="text-sm text-red-700">{err("pseudonymize")}</p>}
        </div>
      </div>
      </div>
      <SubmitButton pendingLabel="Checking…">Download</SubmitButton>
    </form>
  );
}
