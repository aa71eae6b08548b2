// Parquet through hyparquet-writer's incremental ParquetWriter: rows are gathered into row groups
// of ROW_GROUP_ROWS, each written and handed on as bytes before the next is read, so memory holds
// one row group whatever the file's size. The metadata goes into the footer's key-value metadata
// (one key per flat entry, the whole object under "understory.metadata", and the row count).
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { SchemaElement } from "hyparquet";
import { flattenMetadata, type ExportMetadata } from "../metadata";
import type { ColumnDef, ColumnType, Row } from "../types";

export const ROW_GROUP_ROWS = 20_000;
const DAY_MS = 86_400_000;

function schemaElement(c: ColumnDef): SchemaElement {
  const optional = { repetition_type: "OPTIONAL" as const };
  const byType: Record<ColumnType, SchemaElement> = {
    int: { name: c.name, type: "INT32", repetition_type: c.nullable ? "OPTIONAL" : "REQUIRED" },
    bool: { name: c.name, type: "BOOLEAN", repetition_type: c.nullable ? "OPTIONAL" : "REQUIRED" },
    float: { name: c.name, type: "DOUBLE", ...optional },
    string: { name: c.name, type: "BYTE_ARRAY", converted_type: "UTF8", ...optional },
    date: { name: c.name, type: "INT32", converted_type: "DATE", ...optional },
    json: { name: c.name, type: "BYTE_ARRAY", converted_type: "JSON", ...optional },
  };
  return byType[c.type];
}

/** A ByteWriter that hands its bytes over after every row group instead of growing for the whole file. */
class ChunkWriter extends ByteWriter {
  readonly chunks: Uint8Array[] = [];
  flush(): void {
    if (this.index === 0) return;
    this.chunks.push(new Uint8Array(this.buffer.slice(0, this.index)));
    this.index = 0;
  }
  finish(): void {
    this.flush();
  }
  take(): Uint8Array[] {
    return this.chunks.splice(0, this.chunks.length);
  }
}

/** One converter per column, chosen once: this runs for every cell of the file. */
function columnData(columns: ColumnDef[], rows: Row[]) {
  const days = new Map<string, number>();
  const toDays = (d: string) => {
    let n = days.get(d);
    if (n === undefined) days.set(d, (n = Date.parse(`${d}T00:00:00Z`) / DAY_MS));
    return n;
  };
  const n = rows.length;
  return columns.map((c, i) => {
    // min/max statistics where readers filter on them (numbers, dates, flags); comparing every
    // string of a row group for its bounds was a tenth of the encoding time
    const statistics = c.type !== "string" && c.type !== "json";
    if (c.type === "int" && !c.nullable) {
      const data = new Int32Array(n);
      for (let r = 0; r < n; r++) data[r] = rows[r][i] as number;
      return { name: c.name, data, statistics };
    }
    const data: unknown[] = new Array(n);
    if (c.type === "date") {
      for (let r = 0; r < n; r++) {
        const v = rows[r][i];
        data[r] = v === null ? null : toDays(v as string);
      }
    } else if (c.type === "json") {
      for (let r = 0; r < n; r++) {
        const v = rows[r][i];
        data[r] = v === null ? null : JSON.parse(v as string);
      }
    } else {
      for (let r = 0; r < n; r++) data[r] = rows[r][i];
    }
    return { name: c.name, data, statistics };
  });
}

export async function* encodeParquet(meta: ExportMetadata, columns: ColumnDef[], batches: AsyncIterable<Row[]>): AsyncGenerator<Uint8Array> {
  const writer = new ChunkWriter(1 << 20);
  const kv = [...flattenMetadata(meta).map(([key, value]) => ({ key, value })), { key: "understory.metadata", value: JSON.stringify(meta) }];
  const schema: SchemaElement[] = [{ name: "root", num_children: columns.length }, ...columns.map(schemaElement)];
  const pw = new ParquetWriter({ writer, schema, kvMetadata: kv, createdBy: "understory export" });
  let pending: Row[] = [];
  let total = 0;
  const writeGroup = async (rows: Row[]) => {
    if (rows.length === 0) return;
    await pw.write({ columnData: columnData(columns, rows) as never, rowGroupSize: rows.length });
    total += rows.length;
  };
  for await (const rows of batches) {
    for (const r of rows) {
      pending.push(r);
      if (pending.length === ROW_GROUP_ROWS) {
        await writeGroup(pending);
        pending = [];
        yield* writer.take();
      }
    }
  }
  await writeGroup(pending);
  kv.push({ key: "row_count", value: String(total) });
  await pw.finish();
  yield* writer.take();
}
