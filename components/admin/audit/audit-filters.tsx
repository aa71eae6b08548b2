// The filters as a GET form, so every view of the log is a URL; each refusal shows beside its field.
import Link from "next/link";
import type { AuditFilterKey } from "@/lib/validation/audit";

/** Entity types the app writes today: suggestions only, any well-formed type can be searched. */
const ENTITY_TYPES = ["api_token", "campaign", "contribution", "dispute", "import_batch", "link", "metric_params", "metric_run", "project", "user"];

const FIELDS: { key: AuditFilterKey; label: string; placeholder: string; type?: string; list?: string }[] = [
  { key: "actor", label: "Actor (handle)", placeholder: "admin" },
  { key: "entityType", label: "Entity type", placeholder: "campaign", list: "audit-entity-types" },
  { key: "entityId", label: "Entity id", placeholder: "12" },
  { key: "action", label: "Action", placeholder: "campaign.* or metric_params.update" },
  { key: "from", label: "From (UTC)", placeholder: "2026-03-01", type: "date" },
  { key: "to", label: "To (UTC, inclusive)", placeholder: "2026-03-31", type: "date" },
];

export function AuditFilters({ values, errors }: { values: Partial<Record<AuditFilterKey, string>>; errors: Record<string, string> }) {
  return (
    <form method="get" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter the audit log">
      {FIELDS.map((f) => (
        <div key={f.key} className="space-y-1">
          <label htmlFor={`f-${f.key}`} className="block text-xs font-medium text-stone-700">{f.label}</label>
          <input
            id={`f-${f.key}`} name={f.key} type={f.type ?? "text"} list={f.list} placeholder={f.placeholder} defaultValue={values[f.key] ?? ""}
            aria-invalid={errors[f.key] ? true : undefined} aria-describedby={errors[f.key] ? `f-${f.key}-error` : undefined}
            className="block w-full rounded-md border border-stone-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600"
          />
          {errors[f.key] && <p id={`f-${f.key}-error`} className="text-xs text-red-700" data-testid={`error-${f.key}`}>{errors[f.key]}</p>}
        </div>
      ))}
      <datalist id="audit-entity-types">{ENTITY_TYPES.map((t) => <option key={t} value={t} />)}</datalist>
      <div className="flex items-center gap-3 sm:col-span-3 lg:col-span-6">
        <button type="submit" className="rounded-md bg-moss-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-moss-900">Filter</button>
        <Link href="/admin/audit" className="text-sm text-stone-600 underline">Clear</Link>
      </div>
    </form>
  );
}
