import type { ProjectsQuery } from "@/lib/validation/projects";

export function ProjectFilters({ query }: { query: ProjectsQuery }) {
  const sel = "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3" aria-label="Filter projects">
      <label className="text-sm">
        <span className="block text-xs text-stone-600">Search name or slug</span>
        <input name="q" type="search" defaultValue={query.q} className={`${sel} w-56`} />
      </label>
      <label className="text-sm">
        <span className="block text-xs text-stone-600">State</span>
        <select name="state" defaultValue={query.state} className={sel}>
          <option value="active">Active</option>
          <option value="archived">Archived</option>
          <option value="all">All</option>
        </select>
      </label>
      <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">Search</button>
    </form>
  );
}
