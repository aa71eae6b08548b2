// A file of rows as a stream of plain objects with their line numbers, whatever the format. CSV:
// the first record is the header (names trimmed and lower-cased); a cell left empty is no value.
// A header that cannot work (unknown, repeated or missing required columns) stops the import
// before any row is read: every row would be refused for the same reason.
import { AppError } from "@/lib/errors";
import { parseCsvBatches } from "./csv";
import { parseJsonl } from "./jsonl";

export type ImportFormat = "csv" | "jsonl";
export type ImportKind = "contributions" | "links";

export type RawRow = { line: number; value: Record<string, unknown> } | { line: number; error: string };

export const COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  contributions: { required: ["external_id", "project", "title", "kind", "occurred_at", "authors"], optional: ["url", "description", "status"] },
  links: { required: ["from", "to"], optional: ["type", "note", "status", "from_source", "to_source"] },
};

/** A column name as a message shows it: control characters escaped, a long one cut, with its length. */
function shownName(name: string): { quoted: string; length: string } {
  const escape = (s: string) => s.replace(/[\u0000-\u001F\u007F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (name.length <= 40) return { quoted: `“${escape(name)}”`, length: "" };
  return { quoted: `“${escape(name.slice(0, 10))}…”`, length: `${name.length.toLocaleString("en-US")} characters; ` };
}

function checkHeader(kind: ImportKind, header: string[]): void {
  const { required, optional } = COLUMNS[kind];
  const known = new Set([...required, ...optional]);
  const seen = new Set<string>();
  for (const name of header) {
    if (name === "") throw new AppError("invalid_input", "Line 1: the header has an empty column name.");
    const shown = shownName(name);
    if (seen.has(name)) throw new AppError("invalid_input", `Line 1: the column ${shown.quoted} appears twice.`);
    seen.add(name);
    if (!known.has(name)) throw new AppError("invalid_input", `Line 1: unknown column ${shown.quoted} (${shown.length}columns for ${kind}: ${[...known].join(", ")}).`);
  }
  const missing = required.filter((c) => !seen.has(c));
  if (missing.length) throw new AppError("invalid_input", `Line 1: missing required ${missing.length === 1 ? "column" : "columns"} ${missing.join(", ")}.`);
}

async function* csvRowBatches(kind: ImportKind, chunks: AsyncIterable<string>): AsyncGenerator<RawRow[]> {
  let header: string[] | null = null;
  for await (const records of parseCsvBatches(chunks)) {
    const out: RawRow[] = [];
    for (const rec of records) {
      if (!header) {
        if ("error" in rec) throw new AppError("invalid_input", `Line ${rec.line}: the header cannot be read: ${rec.error}.`);
        header = rec.fields.map((f) => f.trim().toLowerCase());
        checkHeader(kind, header);
        continue;
      }
      if ("error" in rec) {
        out.push(rec);
        continue;
      }
      if (rec.fields.length !== header.length) {
        out.push({ line: rec.line, error: `has ${rec.fields.length} ${rec.fields.length === 1 ? "field" : "fields"}, the header has ${header.length}` });
        continue;
      }
      const value: Record<string, unknown> = {};
      for (let k = 0; k < header.length; k++) {
        const cell = rec.fields[k];
        // A cell starting with a printable ASCII character is not blank: trim() only for the others.
        const c0 = cell.charCodeAt(0);
        if ((c0 > 32 && c0 < 127) || (cell !== "" && cell.trim() !== "")) value[header[k]] = cell;
      }
      out.push({ line: rec.line, value });
    }
    if (out.length) yield out;
  }
  if (!header) throw new AppError("invalid_input", "The file is empty: a CSV file starts with a header line.");
}

async function* jsonlRows(chunks: AsyncIterable<string>): AsyncGenerator<RawRow> {
  for await (const rec of parseJsonl(chunks)) {
    if ("error" in rec) {
      yield rec;
      continue;
    }
    // null stands for "no value", as an empty CSV cell does.
    const value: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec.value)) if (v !== null) value[k] = v;
    yield { line: rec.line, value };
  }
}

async function* single(rows: AsyncIterable<RawRow>): AsyncGenerator<RawRow[]> {
  for await (const row of rows) yield [row];
}

/** The rows in the order of the file, in arrays (CSV: the records of one read chunk). */
export function readRowBatches(kind: ImportKind, format: ImportFormat, chunks: AsyncIterable<string>): AsyncGenerator<RawRow[]> {
  return format === "csv" ? csvRowBatches(kind, chunks) : single(jsonlRows(chunks));
}

export async function* readRows(kind: ImportKind, format: ImportFormat, chunks: AsyncIterable<string>): AsyncGenerator<RawRow> {
  for await (const batch of readRowBatches(kind, format, chunks)) yield* batch;
}
