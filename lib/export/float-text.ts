// A stored float's COPY text turned into the text String(n) gives for the same number, without
// parsing and formatting it again where PostgreSQL's text is already that (the common case).
// PostgreSQL 12+ prints the shortest text that round-trips, as JavaScript does; the two differ only
// in notation: PostgreSQL switches to an exponent sooner ("1e-05", "1e+15"; JavaScript writes
// "0.00001", "1000000000000000") and keeps the sign of zero ("-0"; String(-0) is "0"). Both are
// sent through Number and String. tests/integration/export-float-text.test.ts checks this against
// PostgreSQL itself, over the whole range of magnitudes.
import { COPY_NULL } from "./source";

export function canonicalFloatText(copyText: string): string {
  return copyText.indexOf("e") === -1 && copyText !== "-0" ? copyText : String(Number(copyText));
}

/** A float field of a COPY row as a cell: decimal text for text formats, a number otherwise. */
export function floatCell(copyText: string, textFloats: boolean): number | string | null {
  if (copyText === COPY_NULL) return null;
  return textFloats ? canonicalFloatText(copyText) : Number(copyText);
}
