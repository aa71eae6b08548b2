// One stress run's report: what the scenario changed, rank agreement, the sybils' gain and whether
// the ring detector caught them, then every metric before, after and the change. Each figure
// carries the sentence that explains it. Plain markup, rendered inside the lab's client form.
import { ChartFrame } from "@/components/charts/chart-frame";
import { definitionHref } from "@/components/charts/definition-anchors";
import { formatDateTime } from "@/components/ui/format";
import type { StressMetric } from "@/lib/metrics/stress";
import type { StressRunView } from "@/lib/stress/types";
import { describeScenario, formatChange, formatInteger, formatMetric, METRIC_NOTES } from "./metric-notes";

function Headline(props: { label: string; value: string; caption: string; testId: string; tone?: "good" | "bad" }) {
  const tone = props.tone === "good" ? "text-sky-800" : props.tone === "bad" ? "text-orange-800" : "text-stone-900";
  return (
    <div className="min-w-0 space-y-1 rounded-lg border border-stone-200 bg-white p-4">
      <p className="text-sm text-stone-600">{props.label}</p>
      <p className={`text-2xl font-semibold tabular-nums ${tone}`} data-testid={props.testId}>{props.value}</p>
      <p className="text-xs text-stone-500">{props.caption}</p>
    </div>
  );
}

function whatChanged(v: StressRunView): string {
  const r = v.report;
  const s = r.scenario;
  const n = formatInteger;
  switch (s.kind) {
    case "surge":
      return `Added ${n(r.added.contributions)} unlinked contributions from ${n(r.added.contributors)} new accounts inside the last 4 weeks.`;
    case "sybil_ring":
      return `Added ${n(r.added.contributors)} sybil accounts with ${n(r.added.contributions)} contributions and ${n(r.added.links)} confirmed links among themselves.`;
    case "dispute_storm":
      return `Disputed ${n(r.disputedLinks)} links; a disputed link passes no credit until a maintainer resolves it.`;
    case "weight_sweep": {
      const b = v.base;
      const parts = [
        s.rho !== undefined ? `ρ ${b.rho} → ${s.rho}` : null,
        s.d !== undefined ? `d ${b.d} → ${s.d}` : null,
        ...Object.entries(s.typeWeights ?? {}).map(([t, w]) => `"${t.replace("_", " ")}" weight ${b.typeWeights[t as keyof typeof b.typeWeights]} → ${w}`),
      ].filter(Boolean);
      return `Changed ${parts.join(", ")}. No rows changed.`;
    }
  }
}

function ringCaption(v: StressRunView): string {
  const sybil = v.report.sybil!;
  if (sybil.isRingDetected) return "All sybils flagged: the next recompute would quarantine the ring's linked work, so it would mint nothing until a maintainer clears it.";
  if (sybil.accounts > v.ring.maxSize) return `Not flagged: the detector looks for rings of at most ${v.ring.maxSize} accounts, and this one has ${sybil.accounts}. A larger ring escapes it.`;
  if (v.report.added.links < v.ring.minLinks) return `Not flagged: the ring has ${v.report.added.links} internal links and the detector needs at least ${v.ring.minLinks}.`;
  return `${sybil.flagged} of ${sybil.accounts} flagged: the rest would keep minting credit.`;
}

/** Contributors in the top N after the scenario who were not in it before. */
function entrants(v: StressRunView): number {
  const before = v.report.metrics.find((m) => m.key === "contributors")?.before ?? 0;
  return v.report.rankAgreement.compared - Math.min(v.report.rankAgreement.topN, before);
}

function Headlines({ v }: { v: StressRunView }) {
  const r = v.report;
  const tau = r.rankAgreement.tau;
  const topN = r.rankAgreement.topN;
  const entered = entrants(v);
  return (
    <div className={`grid grid-cols-1 gap-3 sm:grid-cols-2 ${r.sybil ? "lg:grid-cols-4" : ""}`}>
      <Headline label={`Rank agreement, Kendall τ of the top ${topN}`} testId="stress-tau"
        value={tau === null ? "—" : tau.toFixed(3)}
        caption={tau === null
          ? "Undefined: fewer than two contributors, or every score tied on one side."
          : `τ-b of attribution before vs after, over the ${r.rankAgreement.compared} contributors in either top ${topN}. 1: the same order, 0: unrelated, below 0: reversed.`} />
      <Headline label={`New in the top ${topN}`} testId="stress-top-entrants" value={formatInteger(entered)}
        caption={entered === 0
          ? `The same contributors hold the top ${topN} by attribution before and after, whatever their order.`
          : `Contributors in the top ${topN} by attribution after the scenario who were not in it before${r.sybil ? ", sybils included" : ""}.`} />
      {r.sybil && (
        <>
          <Headline label="Sybil gain" testId="stress-sybil-gain" tone={r.sybilGain !== null && r.sybilGain > 1 ? "bad" : undefined}
            value={r.sybilGain === null ? "—" : `${r.sybilGain.toFixed(2)}×`}
            caption={`The sybils' share of attribution (${formatMetric(r.sybil.attributionShare, "percent")}) over their share of contributors (${formatMetric(r.sybil.populationShare, "percent")}). 1: they earn what their head count would; above 1 the ring captures more.`} />
          <Headline label="Ring detector" testId="stress-ring-flagged" tone={r.sybil.isRingDetected ? "good" : "bad"}
            value={`${r.sybil.flagged} of ${r.sybil.accounts} flagged`} caption={ringCaption(v)} />
        </>
      )}
    </div>
  );
}

interface MetricView {
  m: StressMetric;
  caption: string;
  before: string;
  after: string;
  change: string;
  arrow: string;
  tone: string;
}

/** A change within floating-point noise of the values (sums reordered) is no change. */
function deltaOf(m: StressMetric): number | null {
  if (m.delta === null) return null;
  return Math.abs(m.delta) <= 1e-9 * Math.max(1, Math.abs(m.before ?? 0), Math.abs(m.after ?? 0)) ? 0 : m.delta;
}

function metricView(metric: StressMetric): MetricView {
  const m = { ...metric, delta: deltaOf(metric) };
  const note = METRIC_NOTES[m.key] ?? { format: "number" as const, caption: "" };
  const tone = m.delta === null || m.delta === 0 || note.isIncreaseGood === undefined ? "text-stone-700"
    : m.delta > 0 === note.isIncreaseGood ? "text-sky-800" : "text-orange-800";
  return {
    m, caption: note.caption, tone,
    before: formatMetric(m.before, note.format),
    after: formatMetric(m.after, note.format),
    change: formatChange(m.delta, note.format),
    arrow: m.delta === null || m.delta === 0 ? "" : m.delta > 0 ? "▲ " : "▼ ",
  };
}

/** A table from the small breakpoint up; on a phone, one card per metric so no column is cut off. */
function MetricTable({ metrics }: { metrics: StressMetric[] }) {
  const rows = metrics.map(metricView);
  return (
    <>
      <div className="hidden overflow-x-auto rounded-md border border-stone-200 sm:block">
        <table className="w-full text-left text-sm" data-testid="stress-metrics">
          <caption className="sr-only">Each metric before and after the scenario</caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-xs text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Metric</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Before</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">After</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.m.key} className="border-b border-stone-100 align-top last:border-0" data-metric={r.m.key}>
                <th scope="row" className="px-3 py-2 font-normal">
                  <span className="block font-medium text-stone-900">{r.m.label}</span>
                  <span className="block text-xs text-stone-500">{r.caption}</span>
                </th>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{r.before}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{r.after}</td>
                <td className={`whitespace-nowrap px-3 py-2 text-right tabular-nums ${r.tone}`}><span aria-hidden="true">{r.arrow}</span>{r.change}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-2 sm:hidden">
        {rows.map((r) => (
          <li key={r.m.key} className="rounded-md border border-stone-200 p-3">
            <p className="font-medium text-stone-900">{r.m.label}</p>
            <p className="text-xs text-stone-500">{r.caption}</p>
            <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
              <div><dt className="text-xs text-stone-500">Before</dt><dd className="tabular-nums">{r.before}</dd></div>
              <div><dt className="text-xs text-stone-500">After</dt><dd className="tabular-nums">{r.after}</dd></div>
              <div><dt className="text-xs text-stone-500">Change</dt><dd className={`tabular-nums ${r.tone}`}><span aria-hidden="true">{r.arrow}</span>{r.change}</dd></div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

export function StressReport({ view: v }: { view: StressRunView }) {
  const r = v.report;
  const t = v.timings;
  return (
    <section aria-labelledby="stress-report-title" className="space-y-4" data-testid="stress-report">
      <header className="space-y-1">
        <h2 id="stress-report-title" className="text-base font-semibold">
          Result: {describeScenario(r.scenario)} <span className="font-normal text-stone-500">· {v.scope.name}</span>
        </h2>
        <p className="text-sm text-stone-600">{whatChanged(v)}</p>
        <p className="text-xs text-stone-500" data-testid="stress-run-info">
          On an in-memory copy of {formatInteger(v.contributions)} contributions and {formatInteger(v.links)} links as of {formatDateTime(v.asOf)} (metrics run {v.runId})
          {v.quarantined > 0 && `, with the ${formatInteger(v.quarantined)} contributions of detected link rings quarantined as in the dashboards`}.
          {" "}Computed in {(t.runMs / 1000).toFixed(1)} s{t.isCached ? " on the cached graph" : `, after loading the graph in ${(t.loadMs / 1000).toFixed(1)} s`}. Nothing was stored.
        </p>
      </header>
      <Headlines v={v} />
      <ChartFrame id="stress-metrics" title="Each metric before and after" definitionHref={definitionHref("gaming")}
        caption="Whole-history figures on the cascade attribution, over every contributor with work up to the as-of instant. Change = after − before; a change in a rate is in percentage points. Blue: better for a persistent, decentralized community, orange: worse.">
        <MetricTable metrics={r.metrics} />
      </ChartFrame>
    </section>
  );
}
