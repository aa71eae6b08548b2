"use client";
// Lines over periods. The last period is usually still running, so its value is partial: it is
// drawn as a dashed segment ending in a hollow point, never as a solid drop that reads as a fall.
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { DotItemDotProps } from "recharts";
import { AXIS_TICK, CHART_MARGIN, ChartBody, ChartLegend, TooltipCard, type ChartHeight, type LegendItem } from "./chart-parts";
import { formatValue, tickFormatter, type ValueFormat } from "./format";
import { NEUTRAL, seriesColor } from "./palette";
import type { ChartSeries, PeriodPoint, ShadedWindow } from "./types";

export interface TimeSeriesChartProps {
  data: PeriodPoint[];
  series: ChartSeries[];
  /** With units, e.g. "Week (ISO, UTC)". */
  xLabel: string;
  /** With units, e.g. "Active contributors (people)". */
  yLabel: string;
  format: ValueFormat;
  /** The last point is the current period, still incomplete. */
  isLastIncomplete?: boolean;
  windows?: ShadedWindow[];
  referenceY?: { y: number; label: string };
  yDomain?: [number, number];
  height?: ChartHeight;
}

type Row = Record<string, string | number | null>;

// Series are keyed s0, s1… inside the chart: Recharts reads a dotted dataKey as a path, and
// series keys come from callers.
const solidKey = (i: number) => `s${i}`;
const tailKey = (i: number) => `s${i}_tail`;

function toRows(data: PeriodPoint[], series: ChartSeries[], isLastIncomplete: boolean): Row[] {
  const last = data.length - 1;
  return data.map((point, index) => {
    const row: Row = { period: point.period };
    series.forEach((s, i) => {
      const value = point.values[s.key] ?? null;
      row[solidKey(i)] = isLastIncomplete && index === last ? null : value;
      // The tail joins the last complete point to the incomplete one.
      row[tailKey(i)] = isLastIncomplete && index >= last - 1 ? value : null;
    });
    return row;
  });
}

export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const isLastIncomplete = Boolean(props.isLastIncomplete) && props.data.length > 0;
  const rows = toRows(props.data, props.series, isLastIncomplete);
  const last = rows.length - 1;
  const colors = props.series.map((s, i) => s.color ?? seriesColor(i));
  const hasNegative = props.data.some((p) => Object.values(p.values).some((v) => v !== null && v < 0));
  const windows = props.windows ?? [];

  const legend: LegendItem[] = props.series.map((s, i) => ({ label: s.label, color: colors[i], swatch: "line" }));
  if (isLastIncomplete) legend.push({ label: "dashed: current period, still incomplete", color: NEUTRAL.reference, swatch: "dashed" });
  // Reference marks are named in the legend: a label on the plot collides with the line ends.
  if (props.referenceY) legend.push({ label: `grey line: ${props.referenceY.label} (${formatValue(props.referenceY.y, props.format)})`, color: NEUTRAL.reference, swatch: "line" });
  if (windows.length > 0) legend.push({ label: `shaded: ${windows.map((w) => w.name).join(", ")}`, color: NEUTRAL.window, swatch: "shade" });

  const hollowLastDot = (color: string) =>
    function HollowDot(dot: DotItemDotProps) {
      if (dot.index !== last || dot.cx == null || dot.cy == null) return <g key={dot.index} />;
      return <circle key={dot.index} cx={dot.cx} cy={dot.cy} r={4} fill="#fff" stroke={color} strokeWidth={2} />;
    };

  return (
    <ChartBody xLabel={props.xLabel} yLabel={props.yLabel} height={props.height} legend={<ChartLegend items={legend} />}>
      <LineChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid stroke={NEUTRAL.grid} vertical={false} />
        <XAxis dataKey="period" tick={AXIS_TICK} tickMargin={6} interval="preserveStartEnd" minTickGap={16} stroke={NEUTRAL.axis} />
        <YAxis
          width="auto"
          tick={AXIS_TICK}
          tickFormatter={tickFormatter(props.format)}
          domain={props.yDomain ?? [hasNegative ? "auto" : 0, "auto"]}
          stroke={NEUTRAL.axis}
        />
        {windows.map((w) => (
          <ReferenceArea
            key={`${w.name}-${w.from}`}
            x1={w.from}
            x2={w.to}
            fill={NEUTRAL.window}
            fillOpacity={0.2}
            label={{ value: w.name, position: "insideTopLeft", fontSize: 11, fill: NEUTRAL.reference }}
          />
        ))}
        {props.referenceY && <ReferenceLine y={props.referenceY.y} stroke={NEUTRAL.reference} strokeWidth={1.5} />}
        <Tooltip
          content={({ active, payload, label }) => {
            if (!active || !payload?.length) return null;
            const row = payload[0].payload as Row;
            const isCurrent = isLastIncomplete && row === rows[last];
            return (
              <TooltipCard
                title={String(label)}
                note={isCurrent ? "Current period, still incomplete" : undefined}
                rows={props.series.map((s, i) => ({
                  name: s.label,
                  color: colors[i],
                  value: formatValue((row[solidKey(i)] ?? row[tailKey(i)]) as number | null, props.format),
                }))}
              />
            );
          }}
        />
        {props.series.map((s, i) => (
          <Line
            key={solidKey(i)}
            dataKey={solidKey(i)}
            name={s.label}
            stroke={colors[i]}
            strokeWidth={2}
            dot={rows.length <= 24 ? { r: 2.5, fill: colors[i] } : false}
            isAnimationActive={false}
          />
        ))}
        {isLastIncomplete &&
          props.series.map((s, i) => (
            <Line
              key={tailKey(i)}
              dataKey={tailKey(i)}
              name={`${s.label} (incomplete)`}
              stroke={colors[i]}
              strokeWidth={2}
              strokeDasharray="5 4"
              dot={hollowLastDot(colors[i])}
              activeDot={false}
              legendType="none"
              isAnimationActive={false}
            />
          ))}
      </LineChart>
    </ChartBody>
  );
}
