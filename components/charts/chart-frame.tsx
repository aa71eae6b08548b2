// The frame every chart sits in: what it shows, how to read it, where it is defined, what to say
// when there is nothing to show, and the same numbers as a table for screen readers and copying.
// The frame itself has no client code, so server components render it around a client chart; the
// table is a small client component that renders its rows once opened (chart-table.tsx).
import Link from "next/link";
import type { ReactNode } from "react";
import { ChartTable } from "./chart-table";
import type { ValueFormat } from "./format";

export interface ChartTableColumn {
  key: string;
  label: string;
  /** Numbers in this column are formatted with it; strings are shown as they are. */
  format?: ValueFormat;
}

export type ChartTableRow = Record<string, string | number | null>;

export interface ChartFrameProps {
  /** Anchor for links to this chart (signals link to the chart that shows their evidence). */
  id?: string;
  title: string;
  /** One line: what the metric is and how to read the chart. */
  caption: string;
  /** e.g. `/definitions#retention` */
  definitionHref?: string;
  isEmpty?: boolean;
  /** Shown instead of the chart when `isEmpty`; say why there is nothing yet. */
  emptyMessage?: string;
  table?: { columns: ChartTableColumn[]; rows: ChartTableRow[] };
  headingLevel?: 2 | 3;
  children?: ReactNode;
}

export function ChartFrame(props: ChartFrameProps) {
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <figure id={props.id} className="min-w-0 scroll-mt-4 space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <figcaption className="space-y-1">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <Heading className="text-base font-semibold text-stone-900">{props.title}</Heading>
          {props.definitionHref && (
            <Link href={props.definitionHref} className="text-sm text-moss-700 hover:underline">
              Definition<span className="sr-only"> of {props.title}</span>
            </Link>
          )}
        </div>
        <p className="text-sm text-stone-600">{props.caption}</p>
      </figcaption>
      {props.isEmpty ? (
        <p className="rounded-md border border-dashed border-stone-300 bg-stone-50 p-4 text-sm text-stone-600" data-testid="chart-empty">
          {props.emptyMessage ?? "There is no data to show for this selection yet."}
        </p>
      ) : (
        <>
          {props.children}
          {props.table && props.table.rows.length > 0 && (
            <ChartTable title={props.title} columns={props.table.columns}
              rows={props.table.rows.map((row) => props.table!.columns.map((c) => row[c.key] ?? null))} />
          )}
        </>
      )}
    </figure>
  );
}
