// A headline figure with its change against the previous period. The direction is told by an
// arrow and a signed number; colour (blue good, orange bad, from the colour-blind-safe palette)
// only repeats it.
import { formatValue, type ValueFormat } from "./format";

export interface StatChange {
  /** Current minus previous, in `format` units (for a rate use "points"). */
  value: number;
  format: ValueFormat;
  /** e.g. "vs previous week" */
  comparedTo: string;
  /** Whether a rise is good news; leave out when neither direction is. */
  isIncreaseGood?: boolean;
}

export interface StatCardProps {
  label: string;
  value: number | null;
  format: ValueFormat;
  change?: StatChange | null;
  caption?: string;
  /** Shown when `value` is null. */
  emptyText?: string;
}

function changeTone(change: StatChange): string {
  if (change.value === 0 || change.isIncreaseGood === undefined) return "text-stone-600";
  return change.value > 0 === change.isIncreaseGood ? "text-sky-800" : "text-orange-800";
}

export function StatCard(props: StatCardProps) {
  // A change without a current figure would read as a claim about nothing.
  const change = props.value === null ? null : (props.change ?? null);
  const direction = change ? (change.value > 0 ? "up" : change.value < 0 ? "down" : "unchanged") : null;
  const arrow = direction === "up" ? "▲" : direction === "down" ? "▼" : "—";
  return (
    <div className="min-w-0 space-y-1 rounded-lg border border-stone-200 bg-white p-4">
      <p className="text-sm text-stone-600">{props.label}</p>
      {props.value === null ? (
        <p className="text-sm text-stone-500">{props.emptyText ?? "No data yet"}</p>
      ) : (
        <p className="text-2xl font-semibold tabular-nums text-stone-900">{formatValue(props.value, props.format)}</p>
      )}
      {change && (
        <p className={`text-sm tabular-nums ${changeTone(change)}`}>
          <span aria-hidden="true">{arrow} </span>
          <span className="sr-only">{direction} </span>
          {direction === "unchanged" ? "no change" : formatValue(change.value, change.format, { isSigned: true })}{" "}
          <span className="text-stone-500">{change.comparedTo}</span>
        </p>
      )}
      {props.caption && <p className="text-xs text-stone-500">{props.caption}</p>}
    </div>
  );
}
