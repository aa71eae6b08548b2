import type { Metadata } from "next";
import Link from "next/link";
import { loadDashboardContext } from "@/lib/analytics/dashboard-context";
import { listSignals } from "@/lib/analytics/results";
import { latestComplete, listSeries, type SeriesPoint } from "@/lib/analytics/series";
import { filtersQuery } from "@/lib/validation/dashboard";
import { StatCard } from "@/components/charts/stat-card";
import type { ValueFormat } from "@/components/charts/format";
import { DashboardShell } from "@/components/dashboards/dashboard-shell";
import { SignalList } from "@/components/dashboards/signal-list";

export const metadata: Metadata = { title: "Overview" };

const HEADLINES: { metric: string; label: string; format: ValueFormat; isIncreaseGood?: boolean; caption: string }[] = [
  { metric: "lifecycle.active", label: "Active contributors", format: "integer", isIncreaseGood: true, caption: "authored at least one contribution in the period" },
  { metric: "lifecycle.quick_ratio", label: "Quick ratio", format: "number", isIncreaseGood: true, caption: "(new + resurrecting) / newly dormant; below 1 the community leaks" },
  { metric: "participation.transactional_share", label: "Transactional share", format: "percent", isIncreaseGood: false, caption: "of active contributors, classed transactional" },
  { metric: "concentration.attribution.nakamoto50", label: "Nakamoto N0.5 of credit", format: "integer", isIncreaseGood: true, caption: "fewest contributors holding over half the period's credit" },
  { metric: "concentration.attribution.gini", label: "Gini of credit", format: "number", isIncreaseGood: false, caption: "0 equal, towards 1 concentrated" },
  { metric: "coherence.giant_component_share", label: "Giant component", format: "percent", isIncreaseGood: true, caption: "share of active contributors in the largest connected group (trailing window)" },
  { metric: "recognition.coverage", label: "Recognition coverage", format: "percent", isIncreaseGood: true, caption: "contributions linked by someone else within 30 days" },
  { metric: "coherence.linking_ratio", label: "Linking ratio", format: "percent", isIncreaseGood: true, caption: "new contributions that build on another contributor's work" },
];

function change(points: SeriesPoint[], format: ValueFormat, unit: string, isIncreaseGood?: boolean) {
  const { latest, previous } = latestComplete(points);
  if (latest?.value == null || previous?.value == null) return null;
  return { value: latest.value - previous.value, format: format === "percent" ? ("points" as const) : format, comparedTo: `vs previous ${unit}`, isIncreaseGood };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await loadDashboardContext(searchParams);
  const { run, filters: f, selected } = ctx;
  const q = run ? { runId: run.id, scope: selected.scope, unit: f.unit } : null;
  const [series, signals] = q ? await Promise.all([listSeries({ ...q, from: f.from, to: f.to }, HEADLINES.map((h) => h.metric)), listSignals(q)]) : [{}, []];
  return (
    <DashboardShell ctx={ctx} path="/dashboards" title="Overview" intro="Is the human layer staying persistent, connected and decentralized? Headline figures for the last complete period, and the signals that fired.">
      <section aria-labelledby="headlines" className="space-y-3">
        <h2 id="headlines" className="text-base font-semibold">Last complete {f.unit}</h2>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="headlines">
          {HEADLINES.map((h) => {
            const points = (series as Record<string, SeriesPoint[]>)[h.metric] ?? [];
            const { latest } = latestComplete(points);
            return (
              <StatCard key={h.metric} label={h.label} value={latest?.value ?? null} format={h.format}
                change={change(points, h.format, f.unit, h.isIncreaseGood)} caption={latest ? `${h.caption} · ${f.unit} of ${latest.period}` : h.caption} />
            );
          })}
        </div>
      </section>
      <section aria-labelledby="signals" className="space-y-3">
        <h2 id="signals" className="text-base font-semibold">Signals</h2>
        <SignalList signals={signals} query={filtersQuery(f)} />
        <p className="text-xs text-stone-500">Rules and thresholds: <Link className="text-moss-700 hover:underline" href="/definitions#signals">definitions</Link>.</p>
      </section>
    </DashboardShell>
  );
}
