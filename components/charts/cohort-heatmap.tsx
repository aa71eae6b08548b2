"use client";
// Cohort grid: one row per cohort, one column per offset since the cohort's start, each cell
// coloured by its rate. Plain HTML (Recharts has no heatmap), so it is already a table for screen
// readers. A null cell is censored (that offset has not happened yet): it is hatched and empty,
// never drawn as 0. A client component only so that the page's RSC payload carries the rates
// (a few bytes a cell) instead of every rendered cell a second time (~250 bytes each).
import { formatValue, type ValueFormat } from "./format";
import { SEQUENTIAL_GRADIENT, sequentialColor, sequentialTextColor } from "./palette";

export interface CohortRow {
  label: string;
  /** Members of the cohort (the denominator of every rate in the row). */
  size: number;
  /** values[k] = the rate at offset k, in 0..1; null when offset k is not yet observable. */
  values: (number | null)[];
}

export interface CohortHeatmapProps {
  rows: CohortRow[];
  /** Header of the row labels, e.g. "Cohort (week of first contribution)". */
  cohortLabel: string;
  /** What the columns count, with units, e.g. "Weeks since first contribution". */
  offsetLabel: string;
  /** Unit of the cohort size, e.g. "people". */
  sizeUnit: string;
  /** Defaults to percent; colour always maps the value clamped to 0..1. */
  format?: ValueFormat;
}

const CENSORED_BG = "repeating-linear-gradient(135deg, #e7e5e4 0 2px, #ffffff 2px 7px)";
/** CENSORED_BG as a class: one short name per censored cell instead of the gradient inline */
const CENSORED_CLASS = "bg-[repeating-linear-gradient(135deg,#e7e5e4_0_2px,#ffffff_2px_7px)]";

export function CohortHeatmap(props: CohortHeatmapProps) {
  const format = props.format ?? "percent";
  const columns = Math.max(0, ...props.rows.map((r) => r.values.length));
  const offsets = Array.from({ length: columns }, (_, k) => k);
  return (
    <div className="space-y-2">
      <div role="region" aria-label={`${props.cohortLabel} by ${props.offsetLabel}`} tabIndex={0} className="relative overflow-x-auto rounded-md border border-stone-200">
        {/* cell classes once on the table, not on each of the hundreds of cells */}
        <table className="border-separate border-spacing-0.5 text-xs [&_td]:h-8 [&_td]:min-w-11 [&_td]:rounded-sm [&_td]:px-1 [&_td]:text-center [&_td]:tabular-nums">
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="sticky left-0 z-10 bg-white px-2 py-1 text-left align-bottom font-medium text-stone-600">
                {props.cohortLabel}
              </th>
              <th scope="colgroup" colSpan={columns} className="px-2 pt-1 text-left font-medium text-stone-600">
                {props.offsetLabel}
              </th>
            </tr>
            <tr>
              {offsets.map((k) => (
                <th key={k} scope="col" className="min-w-11 px-1 py-1 text-center font-medium tabular-nums text-stone-600">
                  {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" className="sticky left-0 z-10 whitespace-nowrap bg-white px-2 py-1 text-left font-normal">
                  <span className="font-medium text-stone-900">{row.label}</span>{" "}
                  <span className="text-stone-500">
                    {row.size.toLocaleString("en-GB")} {props.sizeUnit}
                  </span>
                </th>
                {offsets.map((k) => {
                  const value = row.values[k] ?? null;
                  if (value === null) {
                    return (
                      <td key={k} className={CENSORED_CLASS}>
                        <span className="sr-only">not yet observable</span>
                      </td>
                    );
                  }
                  const text = formatValue(value, format, { isCompact: true });
                  return (
                    <td
                      key={k}
                      style={{ backgroundColor: sequentialColor(value), color: sequentialTextColor(value) }}
                      title={`${row.label}, ${k}: ${formatValue(value, format)} of ${row.size.toLocaleString("en-GB")} ${props.sizeUnit}`}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatmapKey format={format} />
    </div>
  );
}

function HeatmapKey({ format }: { format: ValueFormat }) {
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-1 text-xs text-stone-700" aria-hidden="true">
      <span className="flex items-center gap-1.5">
        {formatValue(0, format, { isCompact: true })}
        <span className="inline-block h-3 w-28 rounded-sm border border-stone-200" style={{ background: SEQUENTIAL_GRADIENT }} />
        {formatValue(1, format, { isCompact: true })}
      </span>
      <span className="flex items-center gap-1.5">
        <span className="inline-block h-3 w-5 rounded-sm border border-stone-300" style={{ background: CENSORED_BG }} />
        blank: not yet observable
      </span>
    </div>
  );
}
