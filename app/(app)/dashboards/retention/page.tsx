import type { Metadata } from "next";
import Link from "next/link";
import { loadDashboardContext } from "@/lib/analytics/dashboard-context";
import { getDocument, listCohortCells } from "@/lib/analytics/results";
import { listSeries } from "@/lib/analytics/series";
import { filtersQuery } from "@/lib/validation/dashboard";
import { StatCard } from "@/components/charts/stat-card";
import { DashboardShell } from "@/components/dashboards/dashboard-shell";
import { CohortHeatmapCard, RetentionCurveCard, SurvivalCard, heatmapMaxOffset, type RetentionDoc } from "@/components/dashboards/retention-views";
import { SeriesChartCard } from "@/components/dashboards/series-chart-card";

export const metadata: Metadata = { title: "Retention" };

/** Latest cohorts drawn in a heatmap: older ones stay reachable through the date range. */
const HEATMAP_ROWS = 26;

export default async function RetentionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const ctx = await loadDashboardContext(Promise.resolve(sp));
  const { run, filters: f, selected } = ctx;
  const variant = sp.variant === "unbounded" ? "unbounded" : "exact";
  const q = run ? { runId: run.id, scope: selected.scope, unit: f.unit } : null;
  // The heatmaps draw the first offsets only: reading the rest would be most of the rows for nothing.
  const range = { from: f.from, to: f.to, maxOffset: heatmapMaxOffset(f.unit) };
  const [cells, organic, campaign, doc, conversion] = q
    ? await Promise.all([
        listCohortCells({ ...q, ...range, variant, segment: f.segment }),
        listCohortCells({ ...q, ...range, variant, segment: "organic" }),
        listCohortCells({ ...q, ...range, variant, segment: "campaign" }),
        getDocument<RetentionDoc>(q, "retention"),
        listSeries({ ...q, ...range, segment: f.segment }, ["retention.conversion"]),
      ])
    : [[], [], [], null, {}];
  const label = f.unit === "week" ? "weeks" : "months";
  const group = doc?.groups.find((g) => g.key === f.segment);
  const base = filtersQuery(f);
  const sep = base ? "&" : "?";
  return (
    <DashboardShell ctx={ctx} path="/dashboards/retention" title="Retention" intro="Do newcomers keep contributing? Birth cohorts by the period of their first contribution, followed period by period.">
      <p className="flex gap-2 text-sm" aria-label="Retention variant">
        <span className="text-stone-600">Variant:</span>
        <Link href={`/dashboards/retention${base}`} aria-current={variant === "exact" ? "true" : undefined} className={variant === "exact" ? "font-semibold text-moss-800" : "text-moss-700 hover:underline"}>exact (active in that period)</Link>
        <Link href={`/dashboards/retention${base}${sep}variant=unbounded`} aria-current={variant === "unbounded" ? "true" : undefined} className={variant === "unbounded" ? "font-semibold text-moss-800" : "text-moss-700 hover:underline"}>unbounded (active then or later)</Link>
      </p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard label="Newcomers in this view" value={group?.size ?? null} format="integer" caption={group?.name} />
        <StatCard label={`Newcomer conversion (${doc?.windowDays ?? 30} days)`} value={group?.conversion.rate ?? null} format="percent"
          caption={group ? `${group.conversion.converted.toLocaleString("en-GB")} of ${group.conversion.eligible.toLocaleString("en-GB")} made a second contribution within ${group.conversion.windowDays} days` : undefined} />
        <StatCard label="Median lifetime" value={group?.survival.medianLifetime ?? null} format="number" caption={`${label} until churn (Kaplan–Meier)`} emptyText="Over half still active" />
      </div>
      <CohortHeatmapCard id="heatmap" title={`Cohort retention (${variant}, ${f.segment === "all" ? "all newcomers" : f.segment})`} cells={cells} unit={f.unit} maxRows={HEATMAP_ROWS}
        caption={`Each row is the newcomers of one ${f.unit}; each cell the share of them active ${variant === "exact" ? "in" : "in or after"} that many ${label} later. Hatched cells have not happened yet.`} />
      {doc && <RetentionCurveCard doc={doc} unit={f.unit} variant={variant} />}
      {doc && <SurvivalCard doc={doc} unit={f.unit} />}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <CohortHeatmapCard id="organic" title="Organic newcomers" cells={organic} unit={f.unit} maxRows={12}
          caption="Newcomers who arrived outside any incentive campaign." />
        <CohortHeatmapCard id="campaign" title="Campaign newcomers" cells={campaign} unit={f.unit} maxRows={12}
          caption="Newcomers whose first contribution fell inside an incentive campaign: compare how fast their rows fade." />
      </div>
      <SeriesChartCard id="conversion" title="Newcomer conversion by cohort" anchor="retention" series={conversion} unit={f.unit} format="percent" yLabel="Share of newcomers"
        caption="Share of each cohort's newcomers who made a second contribution within 30 days of their first; cohorts whose 30 days have not passed are incomplete."
        lines={[{ metric: "retention.conversion", label: "Conversion" }]} />
    </DashboardShell>
  );
}
