"use client";
// Lorenz curves: share of items (poorest first) against the share of the total they hold. The
// diagonal is perfect equality; the further a curve sags below it, the more concentrated.
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, CHART_MARGIN, ChartBody, ChartLegend, TooltipCard, type ChartHeight, type LegendItem } from "./chart-parts";
import { formatValue, tickFormatter } from "./format";
import { NEUTRAL, seriesColor } from "./palette";
import { mergeLinearCurves, type GridRow } from "./series-grid";
import type { XYPoint } from "./types";

export interface LorenzCurve {
  name: string;
  /** Cumulative shares in 0..1 from (0,0) to (1,1); `lorenzPoints()` builds them from raw values. */
  points: XYPoint[];
  color?: string;
}

export interface LorenzChartProps {
  curves: LorenzCurve[];
  /** e.g. "Contributors, least credited first (cumulative share)" */
  xLabel: string;
  /** e.g. "Attribution held (cumulative share)" */
  yLabel: string;
  height?: ChartHeight;
}

const TICKS = [0, 0.25, 0.5, 0.75, 1];

export function LorenzChart(props: LorenzChartProps) {
  const colors = props.curves.map((c, i) => c.color ?? seriesColor(i));
  const rows = mergeLinearCurves(props.curves.map((c) => c.points));
  const legend: LegendItem[] = props.curves.map((c, i) => ({ label: c.name, color: colors[i], swatch: "line" }));
  legend.push({ label: "diagonal: perfect equality", color: NEUTRAL.reference, swatch: "dashed" });

  return (
    <ChartBody xLabel={props.xLabel} yLabel={props.yLabel} height={props.height ?? "lg"} legend={<ChartLegend items={legend} />}>
      <LineChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid stroke={NEUTRAL.grid} />
        <XAxis type="number" dataKey="x" domain={[0, 1]} ticks={TICKS} tick={AXIS_TICK} tickMargin={6} tickFormatter={tickFormatter("percent")} stroke={NEUTRAL.axis} />
        <YAxis type="number" width="auto" domain={[0, 1]} ticks={TICKS} tick={AXIS_TICK} tickFormatter={tickFormatter("percent")} stroke={NEUTRAL.axis} />
        <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke={NEUTRAL.reference} strokeDasharray="5 4" />
        <Tooltip
          content={({ active, payload }) => {
            if (!active || !payload?.length) return null;
            const row = payload[0].payload as GridRow;
            return (
              <TooltipCard
                title={`${props.xLabel}: ${formatValue(row.x, "percent")}`}
                rows={props.curves.map((c, i) => ({ name: c.name, color: colors[i], value: formatValue(row[`s${i}`], "percent") }))}
              />
            );
          }}
        />
        {props.curves.map((c, i) => (
          <Line key={`s${i}`} type="linear" dataKey={`s${i}`} name={c.name} stroke={colors[i]} strokeWidth={2} dot={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartBody>
  );
}
