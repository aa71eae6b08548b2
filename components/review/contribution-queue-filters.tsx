// Status and project filters of the contributions queue: a plain GET form, so the URL holds them.
import Link from "next/link";
import type { ContributionQueueQuery } from "@/lib/validation/review";
import { REVIEW_STATUSES } from "@/lib/validation/review";

export function ContributionQueueFilters(props: { query: ContributionQueueQuery; projects: { id: number; name: string }[]; counts: Record<string, number> }) {
  const total = Object.values(props.counts).reduce((a, b) => a + b, 0);
  const count = (s: string) => (s === "all" ? total : props.counts[s] ?? 0);
  return (
    <form method="get" action="/review" className="flex flex-wrap items-end gap-3 text-sm">
      <label className="space-y-1">
        <span className="block text-xs font-medium text-stone-700">Status</span>
        <select name="status" defaultValue={props.query.status} className="rounded-md border border-stone-300 bg-white px-2 py-1.5">
          {REVIEW_STATUSES.map((s) => <option key={s} value={s}>{s} ({count(s)})</option>)}
        </select>
      </label>
      {props.projects.length > 1 && (
        <label className="space-y-1">
          <span className="block text-xs font-medium text-stone-700">Project</span>
          <select name="project" defaultValue={props.query.project ?? ""} className="rounded-md border border-stone-300 bg-white px-2 py-1.5">
            <option value="">All my projects</option>
            {props.projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
      )}
      <button type="submit" className="rounded-md bg-moss-700 px-3 py-1.5 text-white hover:bg-moss-800">Apply</button>
      <Link href="/review" className="py-1.5 text-stone-600 hover:underline">Reset</Link>
    </form>
  );
}
