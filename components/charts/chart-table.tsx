"use client";
// The numbers behind a chart, as a table under "Show table". Its rows arrive as compact arrays and
// are rendered only once the reader opens it: a weekly ecosystem series is hundreds of rows per
// chart, and rendering every one on the server (then again in the RSC payload) for a closed
// <details> was most of a dashboard's HTML and of its server time.
import { useState } from "react";
import { formatValue, type ValueFormat } from "./format";

export interface ChartTableColumnSpec {
  key: string;
  label: string;
  format?: ValueFormat;
}

/** rows[r][c] is the value of column c in row r. */
export function ChartTable({ title, columns, rows }: { title: string; columns: ChartTableColumnSpec[]; rows: (string | number | null)[][] }) {
  const [isOpen, setOpen] = useState(false);
  const cell = (value: string | number | null, format?: ValueFormat) =>
    typeof value === "number" ? (format ? formatValue(value, format) : String(value)) : (value ?? "—");
  return (
    <details className="text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-moss-700 hover:underline">
        Show table <span className="text-stone-500">({rows.length.toLocaleString("en-GB")} {rows.length === 1 ? "row" : "rows"})</span>
      </summary>
      {isOpen && (
        <div className="mt-2 max-h-96 overflow-auto rounded-md border border-stone-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <thead className="sticky top-0 border-b border-stone-200 bg-stone-50 text-xs text-stone-600">
              <tr>
                {columns.map((c, i) => (
                  <th key={c.key} scope="col" className={`whitespace-nowrap px-3 py-2 font-medium ${i > 0 ? "text-right" : ""}`}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={r} className="border-b border-stone-100 last:border-0">
                  {columns.map((c, i) =>
                    i === 0 ? (
                      <th key={c.key} scope="row" className="whitespace-nowrap px-3 py-1.5 font-normal text-stone-800">
                        {cell(row[i], c.format)}
                      </th>
                    ) : (
                      <td key={c.key} className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">
                        {cell(row[i], c.format)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
