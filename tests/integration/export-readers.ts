// Reads export files back the way a consumer would: CSV with an RFC 4180 parser (its `# key:
// value` header block first), JSON Lines line by line, Parquet with hyparquet. Each returns the
// metadata and the rows as objects keyed by column name with typed values, so the three formats
// can be compared with the same expectations.
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import type { ColumnDef } from "../../lib/export/types";

export interface ReadBack {
  /** CSV and Parquet: flat key → text; JSON Lines: the metadata object */
  meta: Record<string, unknown>;
  header: string[];
  rows: Record<string, unknown>[];
}

/** RFC 4180 records (quoted fields may hold commas, quotes as "", and line breaks). */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { record.push(field); field = ""; }
    else if (c === "\n") { record.push(field); records.push(record); record = []; field = ""; }
    else field += c;
  }
  if (field !== "" || record.length) { record.push(field); records.push(record); }
  return records;
}

function typed(value: string, c: ColumnDef): unknown {
  if (value === "") return c.type === "string" ? "" : null;
  switch (c.type) {
    case "int": case "float": return Number(value);
    case "bool": return value === "true";
    case "json": return JSON.parse(value);
    default: return value;
  }
}

export function readCsv(text: string): ReadBack {
  const lines = text.split("\n");
  const meta: Record<string, string> = {};
  let n = 0;
  for (; n < lines.length && lines[n].startsWith("# "); n++) {
    const line = lines[n].slice(2);
    const at = line.indexOf(": ");
    meta[line.slice(0, at)] = line.slice(at + 2);
  }
  const [header, ...records] = parseCsvRecords(lines.slice(n).join("\n"));
  return { meta, header, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

/** CSV cells are text: give them the column types of the dataset (the metadata's `columns` line names them). */
export function readCsvTyped(text: string, columns: ColumnDef[]): ReadBack {
  const back = readCsv(text);
  const byName = new Map(columns.map((c) => [c.name, c]));
  back.rows = back.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typed(String(v), byName.get(k)!)])));
  return back;
}

export function readJsonl(text: string): ReadBack {
  const lines = text.split("\n").filter((l) => l !== "");
  const first = JSON.parse(lines[0]) as { metadata: Record<string, unknown> & { columns: ColumnDef[] } };
  return { meta: first.metadata, header: first.metadata.columns.map((c) => c.name), rows: lines.slice(1).map((l) => JSON.parse(l)) };
}

export async function readParquet(bytes: Uint8Array): Promise<ReadBack & { rowGroups: number; numRows: number }> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const md = parquetMetadata(file);
  const meta = Object.fromEntries((md.key_value_metadata ?? []).map((kv) => [kv.key, kv.value ?? ""]));
  const header = md.schema.slice(1).map((s) => s.name);
  const raw = Number(md.num_rows) === 0 ? [] : await parquetReadObjects({ file });
  // DATE columns come back as Date objects: as the other formats, the UTC day.
  const rows = raw.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v])));
  return { meta, header, rows, rowGroups: md.row_groups.length, numRows: Number(md.num_rows) };
}
