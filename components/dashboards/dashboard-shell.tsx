// The frame of every dashboard page: tabs, the filter bar (a plain GET form, so filters live in
// the URL and work without JavaScript), and which run the numbers come from.
import Link from "next/link";
import type { ReactNode } from "react";
import type { DashboardContext } from "@/lib/analytics/dashboard-context";
import { filtersQuery } from "@/lib/validation/dashboard";
import { DASHBOARD_TABS } from "./dashboard-tabs";

const field = "rounded-md border border-stone-300 bg-white px-2 py-1 text-sm";

/** `keep`: page parameters beyond the filters that applying the filters must not drop (e.g. the graph explorer's focus). */
export function DashboardShell(props: { ctx: DashboardContext; path: string; title: string; intro: string; keep?: Record<string, string>; children: ReactNode }) {
  const { ctx } = props;
  const f = ctx.filters;
  return (
    <div className="space-y-5">
      <nav aria-label="Dashboards" className="relative -mx-1 overflow-x-auto">
        <ul className="flex gap-1 text-sm">
          {DASHBOARD_TABS.map((t) => (
            <li key={t.href}>
              <Link
                href={`${t.href}${filtersQuery(f)}`}
                aria-current={t.href === props.path ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-1.5 ${t.href === props.path ? "bg-moss-700 text-white" : "text-stone-700 hover:bg-stone-100"}`}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">{props.title} <span className="font-normal text-stone-500">· {ctx.selected.name}</span></h1>
        <p className="text-sm text-stone-600">{props.intro}</p>
      </header>
      <form method="get" action={props.path} className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3" aria-label="Filters">
        {Object.entries(props.keep ?? {}).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
        <label className="flex flex-col gap-1 text-xs text-stone-600">Project
          <select name="project" defaultValue={f.project} className={field}>
            {ctx.options.map((o) => <option key={o.slug} value={o.slug}>{o.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-stone-600">Period
          <select name="unit" defaultValue={f.unit} className={field}>
            <option value="week">Week (ISO, Monday UTC)</option>
            <option value="month">Month</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-stone-600">From
          <input type="date" name="from" defaultValue={f.from} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-xs text-stone-600">To
          <input type="date" name="to" defaultValue={f.to} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-xs text-stone-600">Newcomers
          <select name="segment" defaultValue={f.segment} className={field}>
            <option value="all">All</option>
            <option value="organic">Organic</option>
            <option value="campaign">Recruited by a campaign</option>
          </select>
        </label>
        <button type="submit" className="rounded-md bg-moss-700 px-3 py-1.5 text-sm text-white hover:bg-moss-800">Apply</button>
        <Link href={props.path} className="py-1.5 text-sm text-stone-600 hover:underline">Reset</Link>
      </form>
      <RunStatus ctx={ctx} />
      {ctx.run ? props.children : (
        <p className="rounded-md border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600" data-testid="no-run">
          No metrics have been computed yet. They are computed after the first contributions are logged; an admin can also run
          <code className="mx-1 rounded bg-stone-100 px-1">npm run metrics:recompute</code>.
        </p>
      )}
    </div>
  );
}

function RunStatus({ ctx }: { ctx: DashboardContext }) {
  const r = ctx.run;
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-500" data-testid="run-status">
      {r && (
        <span>
          Results as of {r.asOf.toISOString().slice(0, 16).replace("T", " ")} UTC · run {r.id} · {r.contributions.toLocaleString("en-GB")} contributions,{" "}
          {r.links.toLocaleString("en-GB")} links · metric version {r.metricVersion}, parameters {r.paramsHash}
        </span>
      )}
      {ctx.running ? (
        <span className="text-moss-800" role="status">Recomputing: {ctx.running.phase ?? "starting"}, {Math.round(ctx.running.progress * 100)} %</span>
      ) : ctx.isQueued ? (
        <span role="status">New writes since this run: a recompute is queued.</span>
      ) : null}
    </p>
  );
}
