import type { Metadata } from "next";
import { loadDashboardContext } from "@/lib/analytics/dashboard-context";
import { listSeries } from "@/lib/analytics/series";
import { ChartFrame } from "@/components/charts/chart-frame";
import { definitionHref } from "@/components/charts/definition-anchors";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { DashboardShell } from "@/components/dashboards/dashboard-shell";
import { SeriesChartCard } from "@/components/dashboards/series-chart-card";
import { tableRows, toPeriodPoints } from "@/components/dashboards/series-points";

export const metadata: Metadata = { title: "Lifecycle" };

const STATES = ["lifecycle.new", "lifecycle.returning", "lifecycle.resurrecting", "lifecycle.newly_dormant"] as const;

export default async function LifecyclePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await loadDashboardContext(searchParams);
  const { run, filters: f, selected } = ctx;
  const series = run ? await listSeries({ runId: run.id, scope: selected.scope, unit: f.unit, from: f.from, to: f.to }, [...STATES, "lifecycle.quick_ratio"]) : {};
  const { data, isLastIncomplete } = toPeriodPoints(series, STATES);
  const xLabel = f.unit === "week" ? "Week (ISO, starting Monday UTC)" : "Month";
  return (
    <DashboardShell ctx={ctx} path="/dashboards/lifecycle" title="Lifecycle" intro="Growth accounting: who arrived, who stayed, who came back, and who went quiet, period by period.">
      <ChartFrame
        id="growth"
        title="Growth accounting"
        caption="Active contributors split into new, returning (active the period before) and resurrecting (back after a gap); newly dormant (active last period, not this one) hang below the axis."
        definitionHref={definitionHref("lifecycle")}
        isEmpty={data.length === 0}
        table={{ columns: [{ key: "period", label: "Period" }, ...STATES.map((k) => ({ key: k, label: k.replace("lifecycle.", "").replace("_", " "), format: "integer" as const }))], rows: tableRows(data, STATES) }}
      >
        <StackedBarChart
          data={data}
          positive={[{ key: "lifecycle.new", label: "New" }, { key: "lifecycle.returning", label: "Returning" }, { key: "lifecycle.resurrecting", label: "Resurrecting" }]}
          negative={{ key: "lifecycle.newly_dormant", label: "Newly dormant" }}
          xLabel={xLabel}
          yLabel="Contributors"
          format="integer"
          isLastIncomplete={isLastIncomplete}
        />
      </ChartFrame>
      <SeriesChartCard
        id="quick-ratio"
        title="Quick ratio"
        caption="(new + resurrecting) / newly dormant: above 1 the community gains more people than it loses that period; below 1 it leaks."
        anchor="lifecycle"
        series={series}
        lines={[{ metric: "lifecycle.quick_ratio", label: "Quick ratio" }]}
        format="number"
        unit={f.unit}
        yLabel="Ratio"
        referenceY={{ y: 1, label: "1: break-even" }}
      />
    </DashboardShell>
  );
}
