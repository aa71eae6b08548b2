// Picking a focus: a plain GET form (works without JavaScript) that keeps the dashboard filters and
// depth, and the matches in the scope as links into the explorer.
import Link from "next/link";
import type { GraphSearchResult } from "@/lib/analytics/graph-neighbourhood";
import type { DashboardFilters } from "@/lib/validation/dashboard";
import { formatDate } from "@/components/ui/format";
import { filterFields, graphHref, GRAPH_PATH } from "./graph-href";

export function GraphSearch({ filters, query, depth, result, scopeName }: { filters: DashboardFilters; query: string; depth?: 1 | 2; result: GraphSearchResult | null; scopeName: string }) {
  const nothing = result && result.contributors.length === 0 && result.contributions.length === 0;
  return (
    <section aria-labelledby="graph-search-title" className="space-y-2 rounded-lg border border-stone-200 bg-white p-3">
      <form method="get" action={GRAPH_PATH} role="search" className="flex flex-wrap items-end gap-2">
        {filterFields(filters).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
        {depth && <input type="hidden" name="depth" value={depth} />}
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs text-stone-600">
          <span id="graph-search-title" className="text-sm font-semibold text-stone-900">Find a focus in {scopeName}</span>
          A contributor by handle, or a contribution by title or #id
          <input type="search" name="q" defaultValue={query} maxLength={100} placeholder="e.g. ana or “reef survey” or #1234"
            className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm text-stone-900" />
        </label>
        <button type="submit" className="rounded-md bg-moss-700 px-3 py-1.5 text-sm text-white hover:bg-moss-900">Search</button>
      </form>
      {nothing && <p className="text-sm text-stone-600" data-testid="graph-search-empty">Nothing in {scopeName} matches “{query}”.</p>}
      {result && !nothing && (
        <div className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2" data-testid="graph-search-results">
          <div>
            <h3 className="text-xs font-medium text-stone-600">Contributors</h3>
            {result.contributors.length === 0 ? <p className="text-stone-500">No handle starts with “{query}”.</p> : (
              <ul className="mt-1 space-y-0.5">
                {result.contributors.map((c) => (
                  <li key={c.handle}><Link href={graphHref(filters, { contributor: c.handle }, depth)} className="text-moss-700 hover:underline">@{c.handle}</Link> <span className="text-stone-500">{c.name}</span></li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3 className="text-xs font-medium text-stone-600">Contributions</h3>
            {result.contributions.length === 0 ? <p className="text-stone-500">No title matches “{query}”.</p> : (
              <ul className="mt-1 space-y-0.5">
                {result.contributions.map((c) => (
                  <li key={c.id}>
                    <Link href={graphHref(filters, { contribution: c.id }, depth)} className="text-moss-700 hover:underline">{c.title}</Link>{" "}
                    <span className="text-stone-500">#{c.id} · {formatDate(c.occurredAt)} · {c.projectName}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
