// The stress lab's frame: the dashboard tabs, a scope picker (the only filter a scenario uses:
// periods, dates and newcomer segments do not apply to a whole-history what-if) and which run the
// scenarios start from. The same look as components/dashboards/dashboard-shell.tsx.
import Link from "next/link";
import type { ReactNode } from "react";
import type { DashboardContext } from "@/lib/analytics/dashboard-context";
import { filtersQuery } from "@/lib/validation/dashboard";
import { DASHBOARD_TABS } from "@/components/dashboards/dashboard-tabs";
import { formatDateTime } from "@/components/ui/format";

const PATH = "/dashboards/stress";

export function StressFrame({ ctx, children }: { ctx: DashboardContext; children: ReactNode }) {
  const r = ctx.run;
  return (
    <div className="space-y-5">
      <nav aria-label="Dashboards" className="relative -mx-1 overflow-x-auto">
        <ul className="flex gap-1 text-sm">
          {DASHBOARD_TABS.map((t) => (
            <li key={t.href}>
              <Link href={`${t.href}${filtersQuery(ctx.filters)}`} aria-current={t.href === PATH ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-1.5 ${t.href === PATH ? "bg-moss-700 text-white" : "text-stone-700 hover:bg-stone-100"}`}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">Stress lab <span className="font-normal text-stone-500">· {ctx.selected.name}</span></h1>
        <p className="text-sm text-stone-600">
          What if? Run a gaming or growth scenario, or other attribution weights, on an in-memory copy of the graph and see how
          concentration, flow and rankings move, and whether a sybil ring would pay off or be caught.
        </p>
      </header>
      {ctx.options.length > 1 && (
        <form method="get" action={PATH} className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3" aria-label="Scope">
          <label className="flex flex-col gap-1 text-xs text-stone-600">Project
            <select name="project" defaultValue={ctx.filters.project} className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm">
              {ctx.options.map((o) => <option key={o.slug} value={o.slug}>{o.name}</option>)}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-moss-700 px-3 py-1.5 text-sm text-white hover:bg-moss-900">Apply</button>
        </form>
      )}
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-500" data-testid="run-status">
        {r && (
          <span>
            Scenarios start from metrics run {r.id}, as of {formatDateTime(r.asOf)} · metric version {r.metricVersion}, parameters {r.paramsHash}
          </span>
        )}
        {ctx.running && <span className="text-moss-700" role="status">Recomputing: {ctx.running.phase ?? "starting"}, {Math.round(ctx.running.progress * 100)} %</span>}
      </p>
      {r ? children : (
        <p className="rounded-md border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600" data-testid="no-run">
          No metrics have been computed yet, and scenarios start from the latest run&apos;s graph. They are computed after the first
          contributions are logged; an admin can also run <code className="mx-1 rounded bg-stone-100 px-1">npm run metrics:recompute</code>.
        </p>
      )}
    </div>
  );
}
