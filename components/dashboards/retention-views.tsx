// Retention bindings: stored cohort cells to the heatmap, stored curves by offset to line and
// step charts. Offsets are periods since the cohort's birth period.
import { ChartFrame } from "@/components/charts/chart-frame";
import { CohortHeatmap, type CohortRow } from "@/components/charts/cohort-heatmap";
import { definitionHref } from "@/components/charts/definition-anchors";
import { StepChart } from "@/components/charts/step-chart";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import type { CohortCell } from "@/lib/analytics/results";

export interface RetentionGroupDoc {
  key: string;
  name: string;
  size: number;
  curveExact: (number | null)[];
  curveUnbounded: (number | null)[];
  survival: { n: number; events: number; censored: number; curve: number[]; medianLifetime: number | null };
  conversion: { eligible: number; converted: number; rate: number | null; windowDays: number };
}

export interface RetentionDoc {
  horizon: number;
  dormancyGap: number;
  windowDays: number;
  groups: RetentionGroupDoc[];
}

/** Cohort rows from cells; offsets a cohort has not reached yet stay null (censored). */
export function cohortRows(cells: CohortCell[]): CohortRow[] {
  const byCohort = new Map<string, { size: number; values: (number | null)[] }>();
  for (const c of cells) {
    let row = byCohort.get(c.cohort);
    if (!row) byCohort.set(c.cohort, (row = { size: c.cohortSize, values: [] }));
    while (row.values.length < c.offset) row.values.push(null);
    row.values[c.offset] = c.rate;
  }
  const width = Math.max(0, ...[...byCohort.values()].map((r) => r.values.length));
  return [...byCohort.entries()].map(([label, r]) => ({ label, size: r.size, values: [...r.values, ...Array(width - r.values.length).fill(null)] }));
}

/** Offsets drawn: a year of weeks (or two of months); later offsets rest on the oldest cohorts only. */
export function maxOffsetFor(unit: "week" | "month"): number {
  return unit === "week" ? 52 : 24;
}

/** Offsets a cohort heatmap draws (its page reads no further ones). */
export function heatmapMaxOffset(unit: "week" | "month"): number {
  return Math.min(26, maxOffsetFor(unit));
}

export function CohortHeatmapCard(props: { id: string; title: string; caption: string; cells: CohortCell[]; unit: "week" | "month"; maxRows?: number }) {
  const cap = heatmapMaxOffset(props.unit);
  const rows = cohortRows(props.cells.filter((c) => c.offset <= cap));
  const shown = props.maxRows ? rows.slice(-props.maxRows) : rows;
  return (
    <ChartFrame id={props.id} title={props.title} caption={props.caption} definitionHref={definitionHref("retention")} isEmpty={shown.length === 0}
      emptyMessage="No birth cohort in this selection has a complete period after its first yet.">
      <CohortHeatmap rows={shown} cohortLabel={props.unit === "week" ? "Cohort (week of first contribution)" : "Cohort (month of first contribution)"}
        offsetLabel={props.unit === "week" ? "Weeks since first contribution" : "Months since first contribution"} sizeUnit="people" />
      <p className="text-xs text-stone-500">Offsets 0–{cap} shown.</p>
      {rows.length > shown.length && <p className="text-xs text-stone-500">Showing the {shown.length} latest of {rows.length} cohorts; narrow the date range to see others.</p>}
    </ChartFrame>
  );
}

export function RetentionCurveCard({ doc, unit, variant }: { doc: RetentionDoc; unit: "week" | "month"; variant: "exact" | "unbounded" }) {
  const groups = doc.groups.filter((g) => ["all", "organic", "campaign"].includes(g.key));
  const length = Math.min(maxOffsetFor(unit) + 1, Math.max(0, ...groups.map((g) => (variant === "exact" ? g.curveExact : g.curveUnbounded).length)));
  const data = Array.from({ length }, (_, N) => ({
    period: String(N),
    values: Object.fromEntries(groups.map((g) => [g.key, (variant === "exact" ? g.curveExact : g.curveUnbounded)[N] ?? null])),
  }));
  const label = unit === "week" ? "weeks" : "months";
  return (
    <ChartFrame id="curve" title={`Aggregate retention curve (${variant})`} definitionHref={definitionHref("retention")} isEmpty={length === 0}
      caption={variant === "exact"
        ? `R(N): of all newcomers whose cohort has reached offset N, the share active exactly N ${label} after their first. Censored offsets are left out, never counted as 0. Drawn to offset ${maxOffsetFor(unit)}: beyond it only the oldest cohorts remain.`
        : `Unbounded: the share active at any offset from N up to the horizon of ${doc.horizon} ${label}. Always at or below the previous offset.`}
      table={{ columns: [{ key: "period", label: `Offset (${label})` }, ...groups.map((g) => ({ key: g.key, label: g.name, format: "percent" as const }))], rows: data.map((d) => ({ period: d.period, ...d.values })) }}>
      <TimeSeriesChart data={data} series={groups.map((g) => ({ key: g.key, label: `${g.name} (${g.size.toLocaleString("en-GB")})` }))}
        xLabel={`${unit === "week" ? "Weeks" : "Months"} since first contribution`} yLabel="Share of newcomers active" format="percent" yDomain={[0, 1]} />
    </ChartFrame>
  );
}

export function SurvivalCard({ doc, unit }: { doc: RetentionDoc; unit: "week" | "month" }) {
  const groups = doc.groups.filter((g) => ["all", "organic", "campaign"].includes(g.key) && g.survival.curve.length > 0);
  const label = unit === "week" ? "weeks" : "months";
  return (
    <ChartFrame id="survival" title="Survival (Kaplan–Meier)" definitionHref={definitionHref("retention")} isEmpty={groups.length === 0}
      caption={`Share of contributors not yet churned (churn: a gap of ${doc.dormancyGap} ${label} without a contribution) by ${label} since their first; contributors still inside their last gap are censored. The dot marks the median lifetime.`}
      table={{ columns: [{ key: "group", label: "Group" }, { key: "n", label: "Contributors", format: "integer" }, { key: "events", label: "Churned", format: "integer" }, { key: "median", label: `Median lifetime (${label})`, format: "number" }],
        rows: groups.map((g) => ({ group: g.name, n: g.survival.n, events: g.survival.events, median: g.survival.medianLifetime })) }}>
      <StepChart series={groups.map((g) => ({ name: g.name, points: g.survival.curve.map((y, x) => ({ x, y })) }))}
        xLabel={`${unit === "week" ? "Weeks" : "Months"} since first contribution`} yLabel="Still contributing" xFormat="integer" markerY={0.5} markerLabel="median" />
    </ChartFrame>
  );
}
