"use client";
// Survival-style step curves (Kaplan–Meier): the share still "alive" after x. A horizontal marker
// at `markerY` (0.5: the median) and a dot where each curve crosses it; the legend states each
// crossing, or that it has not been reached.
import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, CHART_MARGIN, ChartBody, ChartLegend, TooltipCard, type ChartHeight, type LegendItem } from "./chart-parts";
import { formatValue, tickFormatter, type ValueFormat } from "./format";
import { NEUTRAL, seriesColor } from "./palette";
import { niceCeil } from "./scale";
import { firstCrossing, mergeStepCurves, type GridRow } from "./series-grid";
import type { XYPoint } from "./types";

export interface StepSeries {
  name: string;
  /** Step points (x, y): y holds from x until the next point. Start at (0, 1) for a survival curve. */
  points: XYPoint[];
  color?: string;
}

export interface StepChartProps {
  series: StepSeries[];
  xLabel: string;
  yLabel: string;
  xFormat: ValueFormat;
  /** Defaults to percent. */
  yFormat?: ValueFormat;
  /** Defaults to 0.5. */
  markerY?: number;
  /** Defaults to "median". */
  markerLabel?: string;
  height?: ChartHeight;
}

export function StepChart(props: StepChartProps) {
  const yFormat = props.yFormat ?? "percent";
  const markerY = props.markerY ?? 0.5;
  const markerLabel = props.markerLabel ?? "median";
  const colors = props.series.map((s, i) => s.color ?? seriesColor(i));
  const rows = mergeStepCurves(props.series.map((s) => s.points));
  const crossings = props.series.map((s) => firstCrossing(s.points, markerY));

  const legend: LegendItem[] = props.series.map((s, i) => ({
    label: `${s.name}: ${markerLabel} ${crossings[i] === null ? "not reached" : formatValue(crossings[i], props.xFormat)}`,
    color: colors[i],
    swatch: "line",
  }));
  legend.push({ label: `dashed: ${markerLabel} (${formatValue(markerY, yFormat, { isCompact: true })})`, color: NEUTRAL.reference, swatch: "dashed" });
  const xMax = niceCeil(Math.max(0, ...props.series.flatMap((s) => s.points.map((p) => p.x))));

  return (
    <ChartBody xLabel={props.xLabel} yLabel={props.yLabel} height={props.height} legend={<ChartLegend items={legend} />}>
      <LineChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid stroke={NEUTRAL.grid} vertical={false} />
        <XAxis type="number" dataKey="x" domain={[0, xMax || 1]} tick={AXIS_TICK} tickMargin={6} tickFormatter={tickFormatter(props.xFormat)} stroke={NEUTRAL.axis} />
        <YAxis type="number" width="auto" domain={[0, 1]} tick={AXIS_TICK} tickFormatter={tickFormatter(yFormat)} stroke={NEUTRAL.axis} />
        <ReferenceLine y={markerY} stroke={NEUTRAL.reference} strokeDasharray="5 4" />
        {crossings.map((x, i) =>
          x === null ? null : <ReferenceDot key={`m${i}`} x={x} y={markerY} r={4} fill={colors[i]} stroke="#fff" ifOverflow="visible" />,
        )}
        <Tooltip
          content={({ active, payload }) => {
            if (!active || !payload?.length) return null;
            const row = payload[0].payload as GridRow;
            return (
              <TooltipCard
                title={`${props.xLabel}: ${formatValue(row.x, props.xFormat)}`}
                rows={props.series.map((s, i) => ({ name: s.name, color: colors[i], value: formatValue(row[`s${i}`], yFormat) }))}
              />
            );
          }}
        />
        {props.series.map((s, i) => (
          <Line key={`s${i}`} type="stepAfter" dataKey={`s${i}`} name={s.name} stroke={colors[i]} strokeWidth={2} dot={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartBody>
  );
}
