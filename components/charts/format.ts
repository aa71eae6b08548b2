// Value formats the charts understand. A format is a string, not a function, because server
// components pass these props to client charts and functions cannot cross that boundary.
export type ValueFormat = "percent" | "points" | "number" | "integer" | "days";

// A no-break space keeps "42 %" and "3 days" on one line in tables and ticks; the product writes
// percentages with a space (components/ui/format.ts).
const NBSP = "\u00a0";

const numberFormat = (maximumFractionDigits: number, extra: Intl.NumberFormatOptions = {}) =>
  new Intl.NumberFormat("en-GB", { maximumFractionDigits, ...extra });

const FULL = {
  percent: numberFormat(1),
  number: numberFormat(2),
  integer: numberFormat(0),
  days: numberFormat(1),
};
const COMPACT = {
  // One decimal: small shares (0.5 %) must not round to the same tick label as their neighbours.
  percent: numberFormat(1),
  number: numberFormat(1, { notation: "compact" }),
  integer: numberFormat(1, { notation: "compact" }),
  days: numberFormat(0),
};
const SIGNED = {
  percent: numberFormat(1, { signDisplay: "exceptZero" }),
  number: numberFormat(2, { signDisplay: "exceptZero" }),
  integer: numberFormat(0, { signDisplay: "exceptZero" }),
  days: numberFormat(1, { signDisplay: "exceptZero" }),
};

export interface FormatOptions {
  /** Shorter output for axis ticks: fewer decimals, 1.2k for thousands. */
  isCompact?: boolean;
  /** Always show the sign (+3.2 pts), for changes. */
  isSigned?: boolean;
}

/**
 * Formats one value. `percent` and `points` expect fractions (0.42 → 42 %, 0.032 → 3.2 pts:
 * a change in a rate is in percentage points). A missing value is an em dash.
 */
export function formatValue(value: number | null | undefined, format: ValueFormat, options: FormatOptions = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const table = options.isSigned ? SIGNED : options.isCompact ? COMPACT : FULL;
  switch (format) {
    case "percent":
      return `${table.percent.format(value * 100)}${NBSP}%`;
    case "points":
      return `${table.percent.format(value * 100)}${NBSP}pts`;
    case "integer":
      return table.integer.format(value);
    case "days":
      if (options.isCompact && !options.isSigned) return `${table.days.format(value)}${NBSP}d`;
      return `${table.days.format(value)}${NBSP}${Math.abs(value) === 1 ? "day" : "days"}`;
    default:
      return table.number.format(value);
  }
}

/** Tick formatter for Recharts axes (it passes strings or numbers). */
export function tickFormatter(format: ValueFormat, isAbsolute = false): (value: unknown) => string {
  return (value) => {
    const n = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(n)) return String(value ?? "");
    return formatValue(isAbsolute ? Math.abs(n) : n, format, { isCompact: true });
  };
}
