import type { Metadata } from "next";
import { loadDashboardContext } from "@/lib/analytics/dashboard-context";
import { getDocument } from "@/lib/analytics/results";
import { listSeries } from "@/lib/analytics/series";
import { StatCard } from "@/components/charts/stat-card";
import { DashboardShell } from "@/components/dashboards/dashboard-shell";
import { SeriesChartCard } from "@/components/dashboards/series-chart-card";

export const metadata: Metadata = { title: "Recognition" };

interface RecognitionDoc {
  windowDays: number;
  timeToFirstRecognition: { contributions: number; recognized: number; medianDays: number | null };
  elasticity: { epsilon: number | null; points: unknown[] };
}

export default async function RecognitionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await loadDashboardContext(searchParams);
  const { run, filters: f, selected } = ctx;
  const q = run ? { runId: run.id, scope: selected.scope, unit: f.unit } : null;
  const metrics = ["recognition.contributions", "recognition.coverage", "recognition.per_contribution", "recognition.median_days"] as const;
  const [series, doc] = q ? await Promise.all([listSeries({ ...q, from: f.from, to: f.to }, metrics), getDocument<RecognitionDoc>(q, "recognition")]) : [{}, null];
  const common = { series, unit: f.unit, anchor: "recognition" as const };
  return (
    <DashboardShell ctx={ctx} path="/dashboards/recognition" title="Recognition" intro="Does contributed work get noticed and built on, or does recognition grow scarce as volume grows?">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="recognition-figures">
        <StatCard label="Scarcity elasticity ε" value={doc?.elasticity.epsilon ?? null} format="number"
          caption="slope of ln(recognition per contribution) on ln(contributions); below 0 recognition gets scarcer as volume grows" emptyText="Too few periods" />
        <StatCard label="Median time to first recognition" value={doc?.timeToFirstRecognition.medianDays ?? null} format="days"
          caption="Kaplan–Meier, contributions never recognized counted as censored" emptyText="Fewer than half recognized" />
        <StatCard label="Contributions recognized" value={doc ? doc.timeToFirstRecognition.recognized / Math.max(1, doc.timeToFirstRecognition.contributions) : null} format="percent"
          caption={doc ? `${doc.timeToFirstRecognition.recognized.toLocaleString("en-GB")} of ${doc.timeToFirstRecognition.contributions.toLocaleString("en-GB")} ever linked by someone else` : undefined} />
      </div>
      <SeriesChartCard {...common} id="coverage" title="Coverage" format="percent" yLabel="Share of contributions"
        caption="Share of each period's contributions that another contributor links to within 30 days. Periods whose 30 days have not passed are drawn as incomplete."
        lines={[{ metric: "recognition.coverage", label: "Coverage" }]} />
      <SeriesChartCard {...common} id="per-contribution" title="Recognition per contribution" format="number" yLabel="Links from others per contribution"
        caption="Links from others within 30 days per contribution. Read it beside the volume below: volume up while this falls means recognition is getting scarce."
        lines={[{ metric: "recognition.per_contribution", label: "Recognition per contribution" }]} />
      <SeriesChartCard {...common} id="volume" title="Contributions" format="integer" yLabel="Contributions"
        caption="Contributions per period (the volume the elasticity is measured against)."
        lines={[{ metric: "recognition.contributions", label: "Contributions" }]} />
      <SeriesChartCard {...common} id="time-to-first" title="Time to first recognition" format="days" yLabel="Days"
        caption="Kaplan–Meier median delay from a contribution to the first link from someone else, per period of the contribution."
        lines={[{ metric: "recognition.median_days", label: "Median days" }]} />
    </DashboardShell>
  );
}
