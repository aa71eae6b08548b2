import type { PeopleQuery } from "@/lib/validation/people";

const STATE_LABELS = { active: "Active", deactivated: "Deactivated", merged: "Merged", imported: "Imported" } as const;

/** A plain GET form: the filters live in the URL, so a view can be bookmarked and shared. */
export function PeopleFilters({ query }: { query: PeopleQuery }) {
  const sel = "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3" aria-label="Filter people">
      <label className="text-sm">
        <span className="block text-xs text-stone-600">Search handle, name or email</span>
        <input name="q" type="search" defaultValue={query.q} className={`${sel} w-64`} placeholder="e.g. ana or @ana" />
      </label>
      <label className="text-sm">
        <span className="block text-xs text-stone-600">Role</span>
        <select name="role" defaultValue={query.role ?? ""} className={sel}>
          <option value="">Any role</option>
          <option value="contributor">Contributor</option>
          <option value="maintainer">Maintainer</option>
          <option value="admin">Admin</option>
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-stone-600">State</span>
        <select name="state" defaultValue={query.state ?? ""} className={sel}>
          <option value="">Any state</option>
          {Object.entries(STATE_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">Search</button>
    </form>
  );
}
