// One stored metric family over time, in its frame: chart, caption, definition link, empty state
// and the same numbers as a table. Binds stored series to the domain-free TimeSeriesChart.
import { ChartFrame } from "@/components/charts/chart-frame";
import { definitionHref, type DefinitionAnchor } from "@/components/charts/definition-anchors";
import type { ValueFormat } from "@/components/charts/format";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import type { ShadedWindow } from "@/components/charts/types";
import type { SeriesPoint } from "@/lib/analytics/series";
import { tableRows, toPeriodPoints } from "./series-points";

export interface SeriesLine {
  metric: string;
  label: string;
}

export function SeriesChartCard(props: {
  id?: string;
  title: string;
  caption: string;
  anchor: DefinitionAnchor;
  series: Record<string, SeriesPoint[]>;
  lines: SeriesLine[];
  format: ValueFormat;
  unit: "week" | "month";
  yLabel: string;
  windows?: ShadedWindow[];
  referenceY?: { y: number; label: string };
  yDomain?: [number, number];
  emptyMessage?: string;
}) {
  const keys = props.lines.map((l) => l.metric);
  const { data, isLastIncomplete } = toPeriodPoints(props.series, keys);
  const hasValue = data.some((p) => keys.some((k) => p.values[k] !== null));
  return (
    <ChartFrame
      id={props.id}
      title={props.title}
      caption={props.caption}
      definitionHref={definitionHref(props.anchor)}
      isEmpty={!hasValue}
      emptyMessage={props.emptyMessage}
      table={{
        columns: [{ key: "period", label: props.unit === "week" ? "Week of" : "Month" }, ...props.lines.map((l) => ({ key: l.metric, label: l.label, format: props.format }))],
        rows: tableRows(data, keys),
      }}
    >
      <TimeSeriesChart
        data={data}
        series={props.lines.map((l) => ({ key: l.metric, label: l.label }))}
        xLabel={props.unit === "week" ? "Week (ISO, starting Monday UTC)" : "Month"}
        yLabel={props.yLabel}
        format={props.format}
        isLastIncomplete={isLastIncomplete}
        windows={props.windows}
        referenceY={props.referenceY}
        yDomain={props.yDomain}
      />
    </ChartFrame>
  );
}
