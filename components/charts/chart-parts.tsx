"use client";
// Pieces every Recharts chart shares: the sized box ResponsiveContainer needs, axis labels as
// HTML (they wrap on a phone, where rotated SVG labels get clipped), an HTML legend, and a
// tooltip card.
import type { ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";

export type LegendSwatch = "line" | "dashed" | "box" | "faded" | "shade" | "hollow";

export interface LegendItem {
  label: string;
  color: string;
  swatch: LegendSwatch;
}

export function ChartLegend({ items, note }: { items: LegendItem[]; note?: string }) {
  if (items.length === 0 && !note) return null;
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-stone-700">
      {items.map((item) => (
        <li key={`${item.swatch}-${item.label}`} className="flex items-center gap-1.5">
          <Swatch color={item.color} swatch={item.swatch} />
          {item.label}
        </li>
      ))}
      {note && <li className="text-stone-500">{note}</li>}
    </ul>
  );
}

function Swatch({ color, swatch }: { color: string; swatch: LegendSwatch }) {
  if (swatch === "line" || swatch === "dashed") {
    return (
      <svg width="20" height="8" aria-hidden="true">
        <line x1="0" y1="4" x2="20" y2="4" stroke={color} strokeWidth="2.5" strokeDasharray={swatch === "dashed" ? "4 3" : undefined} />
      </svg>
    );
  }
  if (swatch === "hollow") {
    return (
      <svg width="12" height="12" aria-hidden="true">
        <circle cx="6" cy="6" r="4" fill="#fff" stroke={color} strokeWidth="2" />
      </svg>
    );
  }
  const opacity = swatch === "faded" ? 0.4 : swatch === "shade" ? 0.25 : 1;
  return <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: color, opacity }} />;
}

export type ChartHeight = "sm" | "md" | "lg";
const HEIGHTS: Record<ChartHeight, string> = { sm: "h-48 sm:h-56", md: "h-64 sm:h-72", lg: "h-72 sm:h-96" };

/** A chart with its legend above, the y-axis label over the plot and the x-axis label under it. */
export function ChartBody(props: { xLabel: string; yLabel: string; legend?: ReactNode; height?: ChartHeight; children: ReactElement }) {
  return (
    <div className="space-y-1">
      {props.legend}
      <p className="pt-1 text-xs font-medium text-stone-600">{props.yLabel}</p>
      <div className={`${HEIGHTS[props.height ?? "md"]} w-full min-w-0`}>
        {/* initialDimension avoids a 0×0 first render (and its console warning) before measuring. */}
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 240 }}>
          {props.children}
        </ResponsiveContainer>
      </div>
      <p className="text-center text-xs font-medium text-stone-600">{props.xLabel}</p>
    </div>
  );
}

export interface TooltipRow {
  name: string;
  /** The series colour; leave out for rows that describe one point rather than a series. */
  color?: string;
  value: string;
}

export function TooltipCard({ title, rows, note }: { title: string; rows: TooltipRow[]; note?: string }) {
  return (
    <div className="max-w-64 rounded-md border border-stone-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-stone-900">{title}</p>
      {note && <p className="text-stone-500">{note}</p>}
      <ul className="mt-1 space-y-0.5">
        {rows.map((r) => (
          <li key={r.name} className="flex items-center justify-between gap-3">
            <span className="flex items-center gap-1.5 text-stone-700">
              {r.color && <span aria-hidden="true" className="inline-block h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: r.color }} />}
              {r.name}
            </span>
            <span className="tabular-nums font-medium text-stone-900">{r.value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Recharts axis/tick styling shared by every chart, so ticks read the same everywhere. */
export const AXIS_TICK = { fontSize: 12, fill: "#57534e" } as const;

// Side margins leave room for half a tick label where the first or last category sits near the
// edge (a bar chart's first label is centred on its bar, right beside the y axis).
export const CHART_MARGIN = { top: 8, right: 20, bottom: 0, left: 8 } as const;
