// JSON Lines: the first line is {"metadata": {...}}, then one object per row keyed by column
// name. JSON columns are embedded as JSON (they come from jsonb, so their text is valid JSON).
import type { ExportMetadata } from "../metadata";
import type { ColumnDef, Row } from "../types";

/** A float's decimal text (types.ts Cell) as JSON: as is, but null for NaN and ±Infinity, as JSON.stringify writes them. */
const floatJson = (text: string): string => (text === "NaN" || text.endsWith("Infinity") ? "null" : text);

export async function* encodeJsonl(meta: ExportMetadata, columns: ColumnDef[], batches: AsyncIterable<Row[]>): AsyncGenerator<string> {
  yield JSON.stringify({ metadata: meta }) + "\n";
  const keys = columns.map((c, i) => `${i ? "," : "{"}${JSON.stringify(c.name)}:`);
  const isJson = columns.map((c) => c.type === "json");
  const isFloat = columns.map((c) => c.type === "float");
  for await (const rows of batches) {
    let out = "";
    for (const row of rows) {
      let line = "";
      for (let i = 0; i < row.length; i++) {
        const v = row[i];
        line += keys[i] + (v === null ? "null" : isJson[i] ? (v as string) : isFloat[i] && typeof v === "string" ? floatJson(v) : JSON.stringify(v));
      }
      out += line + "}\n";
    }
    if (out) yield out;
  }
}
