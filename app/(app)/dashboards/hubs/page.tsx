import type { Metadata } from "next";
import { loadDashboardContext } from "@/lib/analytics/dashboard-context";
import { getDocument, listContributorSummaries } from "@/lib/analytics/results";
import { listSeries } from "@/lib/analytics/series";
import { ChartFrame } from "@/components/charts/chart-frame";
import { definitionHref } from "@/components/charts/definition-anchors";
import { ScatterChart } from "@/components/charts/scatter-chart";
import { StatCard } from "@/components/charts/stat-card";
import { ContributorTable } from "@/components/dashboards/contributor-table";
import { DashboardShell } from "@/components/dashboards/dashboard-shell";
import { SeriesChartCard } from "@/components/dashboards/series-chart-card";

export const metadata: Metadata = { title: "Hubs" };

/** Points in the scatter: the most central contributors, where hubs are. */
const SCATTER = 300;

interface HubsDoc {
  n: number;
  icr: number | null;
  hubAttributionShare: number;
  hubContributionShare: number;
  betweenness: { exact: boolean; pivots: number };
}

export default async function HubsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await loadDashboardContext(searchParams);
  const { run, filters: f, selected } = ctx;
  const q = run ? { runId: run.id, scope: selected.scope, unit: f.unit } : null;
  const [central, premium, icr, doc] = q
    ? await Promise.all([
        listContributorSummaries({ runId: q.runId, scope: q.scope, orderBy: "betweenness", limit: SCATTER }),
        listContributorSummaries({ runId: q.runId, scope: q.scope, orderBy: "premium", limit: 15 }),
        // ICR over time is computed on monthly windows (run-scope.ts): one betweenness per window.
        listSeries({ ...q, unit: "month", from: f.from, to: f.to }, ["hubs.icr", "hubs.hub_attribution_share", "hubs.hub_contribution_share"]),
        getDocument<HubsDoc>(q, "hubs"),
      ])
    : [[], [], {}, null];
  const hubs = central.filter((c) => c.isHub);
  const others = central.filter((c) => !c.isHub);
  const point = (c: (typeof central)[number]) => ({ x: c.contributionShare, y: c.attributionShare, size: c.betweenness, label: `@${c.handle}` });
  return (
    <DashboardShell ctx={ctx} path="/dashboards/hubs" title="Hubs" intro="Position versus contribution: do the contributors in the middle of everything earn more credit than their work?">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard label="Intermediary capture ratio" value={doc?.icr ?? null} format="number"
          caption="attribution share / contribution share of the top 10 % by betweenness, whole history; above 1 hubs capture more than their work" />
        <StatCard label="Hubs' share of credit" value={doc?.hubAttributionShare ?? null} format="percent" caption="the top 10 % by betweenness" />
        <StatCard label="Hubs' share of work" value={doc?.hubContributionShare ?? null} format="percent"
          caption={doc ? `of ${doc.n.toLocaleString("en-GB")} contributors in the network; betweenness ${doc.betweenness.exact ? "exact" : `sampled from ${doc.betweenness.pivots} pivots`}` : undefined} />
      </div>
      <ChartFrame id="scatter" title="Contribution share vs attribution share" definitionHref={definitionHref("hubs")} isEmpty={central.length === 0}
        caption={`The ${central.length} most central contributors; bubble size is betweenness (how often they sit on the shortest who-builds-on-whom paths). Above the diagonal: more credit than work.`}>
        <ScatterChart series={[{ name: "Hubs (top 10 % betweenness)", points: hubs.map(point) }, { name: "Others", points: others.map(point) }]}
          xLabel="Contribution share" yLabel="Attribution share" xFormat="percent" yFormat="percent" sizeLabel="Betweenness" sizeFormat="number" showDiagonal />
      </ChartFrame>
      <section aria-labelledby="premium" className="space-y-2">
        <h2 id="premium" className="text-base font-semibold">Largest structural premiums</h2>
        <p className="text-sm text-stone-600">Structural premium = attribution share − contribution share. Pass-through: the share of the credit their work held that flowed on to older work.</p>
        <ContributorTable rows={premium} columns={["premium", "attributionShare", "contributionShare", "betweenness", "passThrough", "contributions"]} caption="Largest structural premiums" testId="premium-table" />
      </section>
      <SeriesChartCard id="icr" title="Intermediary capture ratio over time" anchor="hubs" series={icr} unit="month" format="number" yLabel="ICR"
        caption="Per calendar month, over a trailing window of months: hubs' attribution share divided by their contribution share. Above 1: hubs capture more recognition than their work."
        lines={[{ metric: "hubs.icr", label: "ICR" }]} referenceY={{ y: 1, label: "1: fair" }} />
    </DashboardShell>
  );
}
