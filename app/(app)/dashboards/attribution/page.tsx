import type { Metadata } from "next";
import { loadDashboardContext } from "@/lib/analytics/dashboard-context";
import { getDocument, listContributorPeriods, listContributorSummaries } from "@/lib/analytics/results";
import { listSeries } from "@/lib/analytics/series";
import { ChartFrame } from "@/components/charts/chart-frame";
import { definitionHref } from "@/components/charts/definition-anchors";
import { LorenzChart } from "@/components/charts/lorenz-chart";
import { ScatterChart } from "@/components/charts/scatter-chart";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { ContributorTable } from "@/components/dashboards/contributor-table";
import { DashboardShell } from "@/components/dashboards/dashboard-shell";
import { SeriesChartCard } from "@/components/dashboards/series-chart-card";
import { fillVisibility } from "@/components/dashboards/visibility-fill";

export const metadata: Metadata = { title: "Attribution" };

const TOP = 15;
const TOP_LINES = 5;
const PANEL = ["concentration.attribution.gini", "concentration.attribution.nakamoto50", "concentration.attribution.d1", "concentration.attribution.d1PerN",
  "concentration.attribution.n", "concentration.attribution.top10Share", "concentration.contributions.gini", "concentration.gap", "attribution.flow_total"] as const;

interface ConcentrationDoc {
  attribution: { gini: number | null; nakamoto50: number | null; d1: number | null; n: number };
  contributions: { gini: number | null };
  gap: number | null;
  lorenzAttribution: [number, number][];
  lorenzContributions: [number, number][];
}

export default async function AttributionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await loadDashboardContext(searchParams);
  const { run, filters: f, selected } = ctx;
  const q = run ? { runId: run.id, scope: selected.scope, unit: f.unit } : null;
  const [top, series, concentration, period] = q
    ? await Promise.all([
        listContributorSummaries({ runId: q.runId, scope: q.scope, orderBy: "visibility", limit: TOP }),
        listSeries({ ...q, from: f.from, to: f.to }, PANEL),
        getDocument<ConcentrationDoc>(q, "concentration"),
        getDocument<{ decay: number }>(q, "period"),
      ])
    : [[], {} as Record<string, never[]>, null, null];
  const lines = top.slice(0, TOP_LINES);
  const rows = q ? await listContributorPeriods({ ...q, userIds: lines.map((l) => l.userId), to: f.to }) : [];
  const axis = (series["attribution.flow_total"] ?? []).map((p) => p.period);
  const visData = axis.map((period) => ({ period, values: {} as Record<string, number | null> }));
  for (const l of lines) {
    const { visibility } = fillVisibility(rows.filter((r) => r.userId === l.userId), axis, period?.decay ?? 0.1, f.unit);
    visibility.forEach((v, i) => (visData[i].values[`u${l.userId}`] = v));
  }
  const lastIncomplete = (series["attribution.flow_total"] ?? []).at(-1)?.isComplete === false;
  const scale = (series["concentration.attribution.n"] ?? []).map((p, i) => ({ n: p.value, d1: series["concentration.attribution.d1"]?.[i]?.value ?? null, period: p.period, complete: p.isComplete }))
    .filter((p) => p.complete && p.n !== null && p.d1 !== null);
  return (
    <DashboardShell ctx={ctx} path="/dashboards/attribution" title="Attribution" intro="Where credit goes: who is visible, how visibility moves, and whether credit stays spread out as the community grows.">
      <section aria-labelledby="top" className="space-y-2">
        <h2 id="top" className="text-base font-semibold">Top contributors by visibility</h2>
        <p className="text-sm text-stone-600">Visibility is the stock of credit that decays by {Math.round((period?.decay ?? 0.1) * 1000) / 10} % a {f.unit} and grows with each period's attribution flow (the cascade: credit passes from new work to the work it builds on).</p>
        <ContributorTable rows={top} columns={["visibility", "visibilityShare", "attribution", "attributionShare", "contributions", "pagerank"]} caption="Top contributors by visibility" testId="top-visibility" />
      </section>
      <ChartFrame id="visibility" title={`Visibility of the top ${lines.length} over time`} definitionHref={definitionHref("attribution")} isEmpty={lines.length === 0 || axis.length === 0}
        caption="V(t) = (1 − d)·V(t−1) + A(t): each line rises when others build on that contributor's work in a period and decays otherwise.">
        <TimeSeriesChart data={visData} series={lines.map((l) => ({ key: `u${l.userId}`, label: `@${l.handle}` }))} xLabel={f.unit === "week" ? "Week" : "Month"}
          yLabel="Visibility (minted units)" format="number" isLastIncomplete={lastIncomplete} />
      </ChartFrame>
      <SeriesChartCard id="flow" title="Attribution flow" anchor="attribution" series={series} unit={f.unit} format="number" yLabel="Credit (minted units)"
        caption="Total credit minted in each period (accepted work 1, unreviewed 0.5), including what reached older work through links that period." lines={[{ metric: "attribution.flow_total", label: "Flow" }]} />
      {concentration && (
        <ChartFrame id="lorenz" title="Lorenz curve" definitionHref={definitionHref("concentration")} isEmpty={concentration.lorenzAttribution.length === 0}
          caption={`Cumulative share of credit (and of contributions) held by the bottom x % of contributors, whole history. The further below the diagonal, the more concentrated: Gini of credit ${concentration.attribution.gini?.toFixed(3) ?? "—"}, of contributions ${concentration.contributions.gini?.toFixed(3) ?? "—"}, gap ${concentration.gap?.toFixed(3) ?? "—"} (above 0: credit more concentrated than the work).`}>
          <LorenzChart curves={[
            { name: "Credit (attribution)", points: concentration.lorenzAttribution.map(([x, y]) => ({ x, y })) },
            { name: "Contributions", points: concentration.lorenzContributions.map(([x, y]) => ({ x, y })) },
          ]} xLabel="Share of contributors (poorest first)" yLabel="Share held" />
        </ChartFrame>
      )}
      <SeriesChartCard id="scale-gini" title="Does decentralization hold as it grows? Gini" anchor="concentration" series={series} unit={f.unit} format="number" yLabel="Gini (0 equal – 1 concentrated)" yDomain={[0, 1]}
        caption="Per period, over the contributors active in it: Gini of the credit they received and of their contribution counts. Credit above work (the gap) means links concentrate recognition."
        lines={[{ metric: "concentration.attribution.gini", label: "Gini of credit" }, { metric: "concentration.contributions.gini", label: "Gini of contributions" }]} />
      <SeriesChartCard id="scale-nakamoto" title="Nakamoto coefficient and active contributors" anchor="concentration" series={series} unit={f.unit} format="integer" yLabel="Contributors"
        caption="N0.5: the fewest contributors who together hold over half of the period's credit, beside the number active. N0.5 falling while n grows: credit is concentrating."
        lines={[{ metric: "concentration.attribution.nakamoto50", label: "Nakamoto N0.5" }, { metric: "concentration.attribution.n", label: "Active contributors n" }]} />
      <SeriesChartCard id="scale-d1" title="Effective number of contributors D1 per active contributor" anchor="concentration" series={series} unit={f.unit} format="percent" yLabel="D1 / n"
        caption="D1 = exp(entropy of credit shares) is how many equal contributors would give the same spread; D1/n falling while n grows means growth is not decentralizing."
        lines={[{ metric: "concentration.attribution.d1PerN", label: "D1 / n" }]} />
      <ChartFrame id="scale-scatter" title="D1 against active contributors" definitionHref={definitionHref("concentration")} isEmpty={scale.length === 0}
        caption="One dot per complete period. Decentralization holds with scale when D1 climbs along with n (the dots follow the diagonal's direction).">
        <ScatterChart series={[{ name: "Periods", points: scale.map((p) => ({ x: p.n!, y: p.d1!, label: p.period })) }]} xLabel="Active contributors n" yLabel="Effective number D1" xFormat="integer" yFormat="number" />
      </ChartFrame>
    </DashboardShell>
  );
}
