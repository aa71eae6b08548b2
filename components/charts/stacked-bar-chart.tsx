"use client";
// Stacked bars per period with one series below the axis: what was gained stacks up, what was
// lost hangs down (e.g. new/returning/resurrecting above, newly dormant below). The current,
// incomplete period is faded so its short bar is not read as a collapse.
import { Bar, BarChart, CartesianGrid, Rectangle, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { BarShapeProps } from "recharts";
import { AXIS_TICK, CHART_MARGIN, ChartBody, ChartLegend, TooltipCard, type ChartHeight, type LegendItem } from "./chart-parts";
import { formatValue, tickFormatter, type ValueFormat } from "./format";
import { NEUTRAL, OKABE_ITO, seriesColor } from "./palette";
import type { ChartSeries, PeriodPoint } from "./types";

export interface StackedBarChartProps {
  data: PeriodPoint[];
  /** Stacked above the axis, first series at the bottom. */
  positive: ChartSeries[];
  /** Given as magnitudes (≥ 0) and drawn below the axis. */
  negative?: ChartSeries;
  xLabel: string;
  yLabel: string;
  format: ValueFormat;
  isLastIncomplete?: boolean;
  height?: ChartHeight;
}

type Row = Record<string, string | number | null>;
const INCOMPLETE_OPACITY = 0.4;

export function StackedBarChart(props: StackedBarChartProps) {
  const isLastIncomplete = Boolean(props.isLastIncomplete) && props.data.length > 0;
  const last = props.data.length - 1;
  const all = [...props.positive, ...(props.negative ? [props.negative] : [])];
  // The series below the axis defaults to vermillion so it contrasts with the stack above it.
  const colors = all.map((s, i) => s.color ?? (props.negative && i === all.length - 1 ? OKABE_ITO.vermillion : seriesColor(i)));
  const negativeIndex = props.negative ? all.length - 1 : -1;

  // Keys are positional (see time-series-chart.tsx); the negative series is stored negated.
  const rows: Row[] = props.data.map((p) => {
    const row: Row = { period: p.period };
    all.forEach((s, i) => {
      const v = p.values[s.key] ?? null;
      row[`s${i}`] = v === null ? null : i === negativeIndex ? -Math.abs(v) : v;
    });
    return row;
  });

  const legend: LegendItem[] = all.map((s, i) => ({
    label: i === negativeIndex ? `${s.label} (below the axis)` : s.label,
    color: colors[i],
    swatch: "box",
  }));
  if (isLastIncomplete) legend.push({ label: "faded: current period, still incomplete", color: NEUTRAL.reference, swatch: "faded" });

  const fadedShape = (shape: BarShapeProps) => (
    <Rectangle {...shape} fillOpacity={isLastIncomplete && shape.index === last ? INCOMPLETE_OPACITY : 1} />
  );

  return (
    <ChartBody xLabel={props.xLabel} yLabel={props.yLabel} height={props.height} legend={<ChartLegend items={legend} />}>
      <BarChart data={rows} stackOffset="sign" margin={CHART_MARGIN} barCategoryGap="15%">
        <CartesianGrid stroke={NEUTRAL.grid} vertical={false} />
        <XAxis dataKey="period" tick={AXIS_TICK} tickMargin={6} interval="preserveStartEnd" minTickGap={16} stroke={NEUTRAL.axis} />
        {/* Magnitudes on both sides of zero: "12" below the axis means 12 lost, not minus 12. */}
        <YAxis width="auto" tick={AXIS_TICK} tickFormatter={tickFormatter(props.format, true)} stroke={NEUTRAL.axis} />
        <ReferenceLine y={0} stroke={NEUTRAL.reference} />
        <Tooltip
          cursor={{ fill: NEUTRAL.grid, fillOpacity: 0.5 }}
          content={({ active, payload, label }) => {
            if (!active || !payload?.length) return null;
            const row = payload[0].payload as Row;
            const isCurrent = isLastIncomplete && row === rows[last];
            return (
              <TooltipCard
                title={String(label)}
                note={isCurrent ? "Current period, still incomplete" : undefined}
                rows={all.map((s, i) => {
                  const v = row[`s${i}`] as number | null;
                  return { name: s.label, color: colors[i], value: formatValue(v === null ? null : Math.abs(v), props.format) };
                })}
              />
            );
          }}
        />
        {all.map((s, i) => (
          <Bar key={`s${i}`} dataKey={`s${i}`} name={s.label} stackId="stack" fill={colors[i]} shape={fadedShape} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartBody>
  );
}
