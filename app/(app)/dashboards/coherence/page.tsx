import type { Metadata } from "next";
import { loadDashboardContext } from "@/lib/analytics/dashboard-context";
import { listSeries } from "@/lib/analytics/series";
import { DashboardShell } from "@/components/dashboards/dashboard-shell";
import { SeriesChartCard } from "@/components/dashboards/series-chart-card";

export const metadata: Metadata = { title: "Coherence" };

const METRICS = [
  "coherence.linking_ratio", "coherence.self_link_share", "coherence.reciprocity", "coherence.giant_component_share",
  "coherence.modularity", "coherence.communities", "coherence.newcomer_integration",
] as const;

export default async function CoherencePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await loadDashboardContext(searchParams);
  const { run, filters: f, selected } = ctx;
  const series = run ? await listSeries({ runId: run.id, scope: selected.scope, unit: f.unit, from: f.from, to: f.to }, METRICS) : {};
  const common = { series, unit: f.unit, anchor: "coherence" as const };
  return (
    <DashboardShell ctx={ctx} path="/dashboards/coherence" title="Coherence" intro="Do contributions still build on each other, and does the community hold together as one network?">
      <SeriesChartCard {...common} id="linking" title="Linking ratio and self-links" format="percent" yLabel="Share"
        caption="Linking ratio: new contributions that link to another contributor's work. Self-link share: links to one's own work among all links. Falling linking means work stops building on each other."
        lines={[{ metric: "coherence.linking_ratio", label: "Linking ratio" }, { metric: "coherence.self_link_share", label: "Self-link share" }]} />
      <SeriesChartCard {...common} id="giant" title="Giant component and reciprocity" format="percent" yLabel="Share"
        caption="Over a trailing window of periods: the share of active contributors in the largest connected group, and the share of who-builds-on-whom ties that go both ways. Below 0.5 the network is splitting."
        lines={[{ metric: "coherence.giant_component_share", label: "Giant-component share" }, { metric: "coherence.reciprocity", label: "Reciprocity" }]}
        referenceY={{ y: 0.5, label: "0.5" }} />
      <SeriesChartCard {...common} id="modularity" title="Modularity" format="number" yLabel="Louvain modularity Q"
        caption="How strongly the contributor network splits into separate communities (Louvain). Rising Q with a falling giant component means fragmentation."
        lines={[{ metric: "coherence.modularity", label: "Modularity Q" }]} />
      <SeriesChartCard {...common} id="communities" title="Communities" format="integer" yLabel="Communities"
        caption="Number of Louvain communities among contributors with at least one tie in the trailing window."
        lines={[{ metric: "coherence.communities", label: "Communities" }]} />
      <SeriesChartCard {...common} id="integration" title="Newcomer integration" format="percent" yLabel="Share of newcomers"
        caption="Newcomers whose first contribution links to, or within 30 days is linked by, a contributor at least 4 periods older. Low integration: newcomers stay outside the core."
        lines={[{ metric: "coherence.newcomer_integration", label: "Integrated newcomers" }]} />
    </DashboardShell>
  );
}
