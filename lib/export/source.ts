// Reads an export's rows from the database in constant memory: one REPEATABLE READ, READ ONLY
// transaction (so the run's rows cannot be deleted under a long download: recompute drops old runs
// only after newer ones succeed), the filter values bound with set_config and read back by the
// dataset's SQL through current_setting (COPY takes no bind parameters), and COPY ... TO STDOUT
// streamed and split into rows as the consumer pulls them.
import type pg from "pg";
import { StringDecoder } from "node:string_decoder";
import { to as copyTo } from "pg-copy-streams";
import { AppError } from "@/lib/errors";

const PREFIX = "understory_export";
const READ_AHEAD_BYTES = 2 << 20;

/** `current_setting(...)` of one bound export value, cast in SQL; names come from code only. */
export function setting(name: string, cast: "int" | "text" | "date"): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`bad setting name ${name}`);
  return `current_setting('${PREFIX}.${name}')::${cast}`;
}

export interface Snapshot {
  client: pg.PoolClient;
  /** binds values for the dataset's query (transaction-local settings) */
  bind(values: Record<string, string | number | undefined>): Promise<void>;
  /** COPY (sql) TO STDOUT, in batches of COPY text fields, pulled on demand */
  rows(sql: string, batchRows: number): AsyncGenerator<string[][]>;
  /** commits and releases the connection; a connection left mid-COPY is discarded, not reused */
  close(): Promise<void>;
}

async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (e) {
    // Every export connection busy for the pool's whole connection timeout.
    if (e instanceof Error && /timeout/i.test(e.message)) throw new AppError("unavailable", "Too many exports are running at once: please try again in a minute.");
    throw e;
  }
}

export async function openSnapshot(pool: pg.Pool): Promise<Snapshot> {
  const client = await connect(pool);
  let isMidCopy = false;
  let isClosed = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  } catch (e) {
    client.release(true);
    throw e;
  }
  return {
    client,
    async bind(values) {
      for (const [name, value] of Object.entries(values)) {
        if (value === undefined) continue;
        if (!/^[a-z_]+$/.test(name)) throw new Error(`bad setting name ${name}`);
        await client.query("SELECT set_config($1, $2, true)", [`${PREFIX}.${name}`, String(value)]);
      }
    },
    async *rows(sql, batchRows) {
      isMidCopy = true;
      // 2 MB of read-ahead: PostgreSQL goes on producing rows while this process encodes the
      // last batch, instead of waiting on a full socket (the two ran in turn with the default 16 kB).
      const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT`, { highWaterMark: READ_AHEAD_BYTES }));
      const decoder = new StringDecoder("utf8");
      let rest = "";
      let batch: string[][] = [];
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const text = rest + decoder.write(chunk);
        let start = 0;
        for (let nl = text.indexOf("\n", start); nl !== -1; nl = text.indexOf("\n", start)) {
          batch.push(text.slice(start, nl).split("\t"));
          start = nl + 1;
          if (batch.length >= batchRows) {
            yield batch;
            batch = [];
          }
        }
        rest = text.slice(start);
      }
      isMidCopy = false;
      if (batch.length) yield batch;
    },
    async close() {
      if (isClosed) return;
      isClosed = true;
      if (isMidCopy) {
        client.release(true);
        return;
      }
      try {
        await client.query("COMMIT");
        client.release();
      } catch {
        client.release(true);
      }
    },
  };
}

/** COPY text NULL marker */
export const COPY_NULL = "\\N";
