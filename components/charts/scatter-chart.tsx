"use client";
// One dot per item (e.g. a contributor), optionally sized by a third number. With the y = x line,
// both axes share one domain so the diagonal sits at 45° and "above the line" means y > x.
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart as RechartsScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { AXIS_TICK, CHART_MARGIN, ChartBody, ChartLegend, TooltipCard, type ChartHeight, type TooltipRow, type LegendItem } from "./chart-parts";
import { formatValue, tickFormatter, type ValueFormat } from "./format";
import { NEUTRAL, seriesColor } from "./palette";
import { niceDomain } from "./scale";

export interface ScatterPoint {
  x: number;
  y: number;
  /** Bubble size; points without one get the smallest bubble. */
  size?: number;
  /** Shown on hover. */
  label: string;
}

export interface ScatterSeries {
  name: string;
  points: ScatterPoint[];
  color?: string;
}

export interface ScatterChartProps {
  series: ScatterSeries[];
  xLabel: string;
  yLabel: string;
  xFormat: ValueFormat;
  yFormat: ValueFormat;
  /** What bubble size means, with units, e.g. "Contributions (count)". */
  sizeLabel?: string;
  sizeFormat?: ValueFormat;
  /** Draw y = x (and give both axes the same domain). */
  showDiagonal?: boolean;
  height?: ChartHeight;
}

export function ScatterChart(props: ScatterChartProps) {
  const colors = props.series.map((s, i) => s.color ?? seriesColor(i));
  const points = props.series.flatMap((s) => s.points);
  const xDomain = niceDomain(points.map((p) => p.x));
  const yDomain = niceDomain(points.map((p) => p.y));
  const shared: [number, number] = [Math.min(xDomain[0], yDomain[0]), Math.max(xDomain[1], yDomain[1])];
  const hasSize = points.some((p) => p.size !== undefined);

  const legend: LegendItem[] = props.series.map((s, i) => ({ label: s.name, color: colors[i], swatch: "box" }));
  if (props.showDiagonal) legend.push({ label: "line: y = x", color: NEUTRAL.reference, swatch: "dashed" });
  const note = hasSize && props.sizeLabel ? `bubble size: ${props.sizeLabel}` : undefined;

  return (
    <ChartBody xLabel={props.xLabel} yLabel={props.yLabel} height={props.height ?? "lg"} legend={<ChartLegend items={legend} note={note} />}>
      <RechartsScatterChart margin={CHART_MARGIN}>
        <CartesianGrid stroke={NEUTRAL.grid} />
        <XAxis
          type="number"
          dataKey="x"
          name={props.xLabel}
          domain={props.showDiagonal ? shared : xDomain}
          tick={AXIS_TICK}
          tickMargin={6}
          tickFormatter={tickFormatter(props.xFormat)}
          stroke={NEUTRAL.axis}
        />
        <YAxis
          type="number"
          dataKey="y"
          name={props.yLabel}
          width="auto"
          domain={props.showDiagonal ? shared : yDomain}
          tick={AXIS_TICK}
          tickFormatter={tickFormatter(props.yFormat)}
          stroke={NEUTRAL.axis}
        />
        <ZAxis type="number" dataKey="size" range={hasSize ? [30, 400] : [50, 50]} />
        {props.showDiagonal && (
          <ReferenceLine
            segment={[{ x: shared[0], y: shared[0] }, { x: shared[1], y: shared[1] }]}
            stroke={NEUTRAL.reference}
            strokeDasharray="5 4"
            ifOverflow="hidden"
          />
        )}
        <Tooltip
          cursor={{ strokeDasharray: "3 3" }}
          content={({ active, payload }) => {
            if (!active || !payload?.length) return null;
            const p = payload[0].payload as ScatterPoint;
            const rows: TooltipRow[] = [
              { name: props.xLabel, value: formatValue(p.x, props.xFormat) },
              { name: props.yLabel, value: formatValue(p.y, props.yFormat) },
            ];
            if (p.size !== undefined) rows.push({ name: props.sizeLabel ?? "Size", value: formatValue(p.size, props.sizeFormat ?? "number") });
            return <TooltipCard title={p.label} rows={rows} />;
          }}
        />
        {props.series.map((s, i) => (
          <Scatter key={s.name} name={s.name} data={s.points} fill={colors[i]} fillOpacity={0.7} stroke={colors[i]} isAnimationActive={false} />
        ))}
      </RechartsScatterChart>
    </ChartBody>
  );
}
