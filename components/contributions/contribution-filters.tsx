import { CONTRIBUTION_KIND_OPTIONS, CONTRIBUTION_STATUS_OPTIONS } from "./options";
import type { MyContributionsQuery } from "@/lib/validation/contributions";

const SORT_LABELS = { newest: "Newest first", oldest: "Oldest first", title: "Title A–Z", links: "Most built on" } as const;

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function ContributionFilters({ query, projects }: { query: MyContributionsQuery; projects: { id: number; name: string }[] }) {
  const sel = "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3" aria-label="Filter contributions">
      <label className="text-sm">
        <span className="block text-xs text-stone-600">Search titles</span>
        <input name="q" defaultValue={query.q} className={sel} placeholder="e.g. reef survey" />
      </label>
      <label className="text-sm">
        <span className="block text-xs text-stone-600">Kind</span>
        <select name="kind" defaultValue={query.kind ?? ""} className={sel}>
          <option value="">Any kind</option>
          {CONTRIBUTION_KIND_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-stone-600">Project</span>
        <select name="project" defaultValue={query.project ?? ""} className={sel}>
          <option value="">Any project</option>
          {projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-stone-600">Review status</span>
        <select name="status" defaultValue={query.status ?? ""} className={sel}>
          <option value="">Any status</option>
          {CONTRIBUTION_STATUS_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-stone-600">Sort</span>
        <select name="sort" defaultValue={query.sort} className={sel}>
          {Object.entries(SORT_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </label>
      <label className="flex items-center gap-1.5 pb-1.5 text-sm">
        <input type="checkbox" name="withdrawn" value="show" defaultChecked={query.withdrawn === "show"} />
        Show withdrawn
      </label>
      <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">Apply</button>
    </form>
  );
}
