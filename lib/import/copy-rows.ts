// COPY FROM STDIN of prepared text rows into a table, in chunks (lib/demo/load.ts does the same).
import type pg from "pg";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";

const CHUNK_ROWS = 5000;

function* chunked(lines: Iterable<string>): Generator<string> {
  let buffer: string[] = [];
  for (const line of lines) {
    buffer.push(line);
    if (buffer.length === CHUNK_ROWS) {
      yield buffer.join("");
      buffer = [];
    }
  }
  if (buffer.length) yield buffer.join("");
}

export async function copyRows(client: pg.ClientBase, table: string, columns: string[], lines: Iterable<string>): Promise<void> {
  const sql = `COPY ${table} (${columns.join(", ")}) FROM STDIN`;
  await pipeline(Readable.from(chunked(lines)), client.query(copyFrom(sql)));
}

export const tsvRow = (fields: string[]) => fields.join("\t") + "\n";
