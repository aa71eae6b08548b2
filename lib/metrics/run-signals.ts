// Feeds a scope's stored series to the signal rules (signals.ts), so a signal fires on exactly
// the numbers the dashboards show, and reshapes what fired into stored rows.

import type { LinkRing } from "./gaming";
import type { Graph } from "./graph";
import type { MetricParams } from "./params";
import type { PeriodUnit } from "./periods";
import type { RecognitionReport } from "./recognition";
import type { SeriesRow, SignalRow } from "./results";
import { detectSignals } from "./signals";

export interface ScopeSignalInput {
  series: SeriesRow[];
  recognition: RecognitionReport;
  rings: LinkRing[];
  g: Graph;
  project: number | null;
  params: MetricParams;
  unit: PeriodUnit;
}

export function scopeSignals(x: ScopeSignalInput): SignalRow[] {
  const byMetric = new Map<string, Map<number, SeriesRow>>();
  const periods = new Map<number, { period: number; isComplete: boolean }>();
  for (const r of x.series) {
    if (r.segment !== "all") continue;
    let m = byMetric.get(r.metric);
    if (!m) byMetric.set(r.metric, (m = new Map()));
    m.set(r.period, r);
    if (r.metric === "lifecycle.active") periods.set(r.period, { period: r.period, isComplete: r.isComplete });
  }
  const axis = [...periods.values()].sort((a, b) => a.period - b.period);
  const column = (metric: string) => axis.map((p) => byMetric.get(metric)?.get(p.period)?.value ?? null);
  const fired = detectSignals(
    {
      unit: x.unit,
      periods: axis,
      transactionalShare: column("participation.transactional_share"),
      nakamoto50: column("concentration.attribution.nakamoto50"),
      giantComponentShare: column("coherence.giant_component_share"),
      contributions: column("recognition.contributions"),
      coverage: column("recognition.coverage"),
      elasticity: x.recognition.elasticity.epsilon,
      rings: x.rings.map((r) => ({ members: r.members, links: r.internalLinks, internalShare: r.internalShare, reciprocity: r.reciprocity })),
    },
    x.params,
  );
  return fired.map((s) => ({ code: s.code, severity: s.severity, period: s.period, message: s.message, evidence: { ...s.evidence, chart: s.chart } }));
}
