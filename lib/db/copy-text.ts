// PostgreSQL COPY text format: one line per row, tab-separated, `\N` for NULL. Backslash, tab,
// newline and carriage return inside a value must be escaped or they would end the field or the
// row; everything else (commas, quotes, any Unicode) passes through as is.

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}

export function copyInt(value: number | null): string {
  return value === null ? "\\N" : String(value);
}

const DAY_MS = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** days since 1970-01-01 → "YYYY-MM-DD" (Hinnant's civil_from_days; integer arithmetic only) */
function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/**
 * epoch ms → ISO 8601 in UTC ("2026-11-22T08:05:09.042Z"), which timestamptz reads whatever the
 * session TimeZone. The same text as Date#toISOString for years 0–9999, without a Date per value:
 * millions of timestamps go through here on the benchmark load.
 */
export function copyTime(ms: number | null): string {
  if (ms === null) return "\\N";
  const t = Math.floor(ms);
  const days = Math.floor(t / DAY_MS);
  let r = t - days * DAY_MS;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const sec = Math.floor(r / 1000);
  const milli = r - sec * 1000;
  return `${civilDate(days)}T${pad2(h)}:${pad2(m)}:${pad2(sec)}.${milli < 10 ? "00" : milli < 100 ? "0" : ""}${milli}Z`;
}

/** A float as COPY text; NaN and infinities are not numbers a metric may store: NULL. */
export function copyFloat(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "\\N" : String(value);
}
