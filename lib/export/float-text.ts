// A stored float's COPY text turned into the text String(n) gives for the same number, without
// parsing and formatting it again where PostgreSQL's text already is that (the common case).
// PostgreSQL 12+ and JavaScript both print the shortest digits that round-trip for ordinary
// magnitudes, in different notations: PostgreSQL switches to an exponent sooner ("1e-05", "1e+15";
// JavaScript writes "0.00001", "1000000000000000") and keeps the sign of zero ("-0"; String(-0) is
// "0"). tests/integration/export-float-text.test.ts checks the result against PostgreSQL itself,
// over the whole range of magnitudes.
import { COPY_NULL } from "./source";

export function canonicalFloatText(copyText: string): string {
  const at = copyText.indexOf("e");
  if (at === -1) return copyText === "-0" ? "0" : copyText;
  // Large magnitudes are rare here, and for some of them (7e22) PostgreSQL prints 17 digits where
  // JavaScript's shortest form has fewer: only negative exponents are rewritten as text.
  return copyText.charCodeAt(at + 1) === 45 ? smallExponentText(copyText, at) : String(Number(copyText));
}

/**
 * PostgreSQL's exponent notation for |x| < 1e-4 ("-1.234e-05") rewritten as String(n) writes the
 * same shortest digits: fixed down to 1e-6 ("-0.00001234"), an exponent below ("1.234e-7"). String
 * work, about a tenth of parsing the number and formatting it again (most small flows and decayed
 * visibilities are in this form).
 */
function smallExponentText(s: string, at: number): string {
  const negative = s.charCodeAt(0) === 45; // "-"
  const mantissa = s.slice(negative ? 1 : 0, at);
  const e = Number(s.slice(at + 1));
  const dot = mantissa.indexOf(".");
  const digits = dot === -1 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const sign = negative ? "-" : "";
  if (e < -6) return `${sign}${digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits}e${e}`;
  return `${sign}0.${"0".repeat(-e - 1)}${digits}`;
}

/** A float field of a COPY row as a cell: decimal text for text formats, a number otherwise. */
export function floatCell(copyText: string, textFloats: boolean): number | string | null {
  if (copyText === COPY_NULL) return null;
  return textFloats ? canonicalFloatText(copyText) : Number(copyText);
}
