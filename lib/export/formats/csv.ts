// CSV (RFC 4180: comma-separated, CRLF-free, fields quoted when they hold a comma, quote or line
// break) preceded by the metadata as `# key: value` comment lines, then the header row.
import type { ExportMetadata } from "../metadata";
import { flattenMetadata } from "../metadata";
import type { Cell, ColumnDef, Row } from "../types";

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$|^#/;

export function csvCell(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "string") return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  return String(v);
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ");

export function csvHeader(meta: ExportMetadata, columns: ColumnDef[]): string {
  const lines = flattenMetadata(meta).map(([k, v]) => `# ${k}: ${oneLine(v)}\n`);
  return lines.join("") + columns.map((c) => csvCell(c.name)).join(",") + "\n";
}

/** Numbers, flags and days never need quotes; a float may arrive as its decimal text already. */
const plainCell = (v: Cell): string => (v === null ? "" : typeof v === "string" ? v : String(v));

/** One writer per column, chosen once from its type: this runs for every cell of the file. */
function cellWriters(columns: ColumnDef[]): ((v: Cell) => string)[] {
  return columns.map((c) => (c.type === "string" || c.type === "json" ? csvCell : plainCell));
}

export async function* encodeCsv(meta: ExportMetadata, columns: ColumnDef[], batches: AsyncIterable<Row[]>): AsyncGenerator<string> {
  yield csvHeader(meta, columns);
  const write = cellWriters(columns);
  for await (const rows of batches) {
    let out = "";
    for (const row of rows) {
      let line = write[0](row[0]);
      for (let i = 1; i < row.length; i++) line += "," + write[i](row[i]);
      out += line + "\n";
    }
    if (out) yield out;
  }
}
