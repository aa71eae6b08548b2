// The three encoders on hand-made rows: CSV quoting and its header block, JSON Lines' first line,
// and Parquet written in row groups of ROW_GROUP_ROWS read back with hyparquet.
import { describe, expect, test } from "vitest";
import { encodeCsv } from "../../../lib/export/formats/csv";
import { encodeJsonl } from "../../../lib/export/formats/jsonl";
import { encodeParquet, ROW_GROUP_ROWS } from "../../../lib/export/formats/parquet";
import type { ExportMetadata } from "../../../lib/export/metadata";
import type { ColumnDef, Row } from "../../../lib/export/types";
import { parseCsvRecords, readCsv, readJsonl, readParquet } from "../../integration/export-readers";

const COLUMNS: ColumnDef[] = [
  { name: "id", type: "int", description: "id" },
  { name: "day", type: "date", description: "day" },
  { name: "note", type: "string", description: "a note" },
  { name: "value", type: "float", description: "a value" },
  { name: "ok", type: "bool", description: "ok" },
  { name: "evidence", type: "json", description: "json" },
];
const META = { dataset: "test", run_id: 7, params: { a: 1 }, period: { unit: "week" }, filters: { from: null }, columns: COLUMNS } as unknown as ExportMetadata;

async function* batches(rows: Row[], size = 1000): AsyncGenerator<Row[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
async function collect(gen: AsyncGenerator<string | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of gen) parts.push(typeof c === "string" ? Buffer.from(c) : Buffer.from(c));
  return Buffer.concat(parts);
}

const TRICKY: Row[] = [
  [1, "2026-01-05", 'says "hi", then\nleaves', 0.1 + 0.2, true, '{"members":[1,2]}'],
  [2, "2026-01-12", "#not a comment", null, false, null],
  [3, null, " padded ", -1e-300, true, '{"a":"x,y"}'],
];

describe("CSV", () => {
  test("writes `# key: value` lines, then the header, then RFC 4180 rows that parse back exactly", async () => {
    const text = (await collect(encodeCsv(META, COLUMNS, batches(TRICKY)))).toString();
    expect(text.split("\n").slice(0, 6)).toEqual([
      "# dataset: test", "# run_id: 7", '# params: {"a":1}', "# period.unit: week", "# filters.from: ", "# columns: id (int): id | day (date): day | note (string): a note | value (float): a value | ok (bool): ok | evidence (json): json",
    ]);
    const back = readCsv(text);
    expect(back.header).toEqual(COLUMNS.map((c) => c.name));
    expect(back.rows.map((r) => Object.values(r))).toEqual([
      ["1", "2026-01-05", 'says "hi", then\nleaves', "0.30000000000000004", "true", '{"members":[1,2]}'],
      ["2", "2026-01-12", "#not a comment", "", "false", ""],
      ["3", "", " padded ", "-1e-300", "true", '{"a":"x,y"}'],
    ]);
    expect(parseCsvRecords('a,"b ""c"""\n')).toEqual([["a", 'b "c"']]);
  });
});

describe("floats carried as decimal text (text formats)", () => {
  // A float cell may be its canonical decimal text (types.ts Cell): both text encoders copy it,
  // and the files read the same as with the numbers.
  const asText: Row[] = TRICKY.map((r) => r.map((v, i) => (i === 3 && typeof v === "number" ? String(v) : v)));
  const special: Row[] = [[4, null, "", "NaN", true, null], [5, null, "", "-Infinity", true, null], [6, null, "", "Infinity", true, null]];

  test("CSV writes the same bytes as from numbers", async () => {
    const fromNumbers = (await collect(encodeCsv(META, COLUMNS, batches(TRICKY)))).toString();
    expect((await collect(encodeCsv(META, COLUMNS, batches(asText)))).toString()).toBe(fromNumbers);
  });

  test("JSON Lines writes the same numbers, and null for NaN and ±Infinity as JSON.stringify does", async () => {
    const fromNumbers = (await collect(encodeJsonl(META, COLUMNS, batches(TRICKY)))).toString();
    expect((await collect(encodeJsonl(META, COLUMNS, batches(asText)))).toString()).toBe(fromNumbers);
    const back = readJsonl((await collect(encodeJsonl(META, COLUMNS, batches(special)))).toString());
    expect(back.rows.map((r) => r.value)).toEqual([null, null, null]);
  });
});

describe("JSON Lines", () => {
  test("starts with the metadata object, then one typed object per row", async () => {
    const back = readJsonl((await collect(encodeJsonl(META, COLUMNS, batches(TRICKY)))).toString());
    expect(back.meta).toEqual(JSON.parse(JSON.stringify(META)));
    expect(back.rows[0]).toEqual({ id: 1, day: "2026-01-05", note: 'says "hi", then\nleaves', value: 0.30000000000000004, ok: true, evidence: { members: [1, 2] } });
    expect(back.rows[1]).toEqual({ id: 2, day: "2026-01-12", note: "#not a comment", value: null, ok: false, evidence: null });
  });
});

describe("Parquet", () => {
  test("writes row groups of ROW_GROUP_ROWS as the rows arrive, readable with hyparquet, metadata in the footer", async () => {
    const n = 2 * ROW_GROUP_ROWS + 5;
    const rows: Row[] = Array.from({ length: n }, (_, i) => [i, i % 2 ? "2026-01-05" : "2026-02-01", `n${i % 7}`, i % 3 ? i / 4 : null, i % 5 === 0, `{"i":${i}}`]);
    const chunks: number[] = [];
    const parts: Uint8Array[] = [];
    for await (const c of encodeParquet(META, COLUMNS, batches(rows, 1500))) {
      chunks.push(c.length);
      parts.push(c);
    }
    // One chunk per row group, each handed on as soon as it is written, then the footer.
    expect(chunks.length).toBe(4);
    const back = await readParquet(new Uint8Array(Buffer.concat(parts)));
    expect([back.numRows, back.rowGroups]).toEqual([n, 3]);
    expect(back.meta).toMatchObject({ dataset: "test", run_id: "7", params: '{"a":1}', "period.unit": "week", row_count: String(n) });
    expect(JSON.parse(back.meta["understory.metadata"] as string)).toEqual(JSON.parse(JSON.stringify(META)));
    expect(back.rows[0]).toEqual({ id: 0, day: "2026-02-01", note: "n0", value: null, ok: true, evidence: { i: 0 } });
    expect(back.rows[n - 1]).toEqual({ id: n - 1, day: "2026-02-01", note: `n${(n - 1) % 7}`, value: (n - 1) / 4, ok: false, evidence: { i: n - 1 } });
    expect(back.rows.map((r) => r.id)).toEqual(rows.map((r) => r[0]));
  });

  test("an empty export is a valid file with its schema and metadata", async () => {
    const back = await readParquet(new Uint8Array(await collect(encodeParquet(META, COLUMNS, batches([])))));
    expect([back.numRows, back.header, back.meta.row_count]).toEqual([0, COLUMNS.map((c) => c.name), "0"]);
  });
});
