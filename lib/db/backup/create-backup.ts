// Writes a logical backup of the connection's database to one gzip file (format.ts): a manifest,
// then every table's COPY text, all read inside one REPEATABLE READ READ ONLY transaction, so the
// file is one consistent snapshot even while the app keeps writing. Streamed end to end with
// constant memory; the file is written beside its target and renamed only once complete, so a
// failed backup never leaves a file that looks whole. Needs only `pg`: no pg_dump, any server 14+.
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { appliedMigrations, listSequences, listTables, nextSequenceValue, type TableInfo } from "./catalog";
import { type BackupManifest, countRows, dataFrames, FORMAT_VERSION, jsonFrame, MAGIC } from "./format";
import { useCanonicalTextSettings } from "./session";

export interface BackupProgress {
  table: string;
  /** rows of this table written so far, and its row count */
  written: number;
  total: number;
  /** the same across all tables */
  allWritten: number;
  allTotal: number;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  manifest: BackupManifest;
  durationMs: number;
}

export interface BackupOptions {
  onProgress?: (progress: BackupProgress) => void;
  /** awaited before the next table is read */
  onTableDone?: (table: string, rows: number) => void | Promise<void>;
}

async function readManifest(client: pg.ClientBase, tables: TableInfo[]): Promise<BackupManifest> {
  const { rows: version } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  const counts: number[] = [];
  for (const t of tables) {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${client.escapeIdentifier(t.name)}`);
    counts.push(rows[0].n);
  }
  const sequences = [];
  for (const seq of await listSequences(client)) sequences.push({ ...seq, next: await nextSequenceValue(client, seq) });
  return {
    format: "understory-backup",
    version: FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    serverVersion: version[0].v,
    migrations: await appliedMigrations(client),
    dataFormat: "copy-text-utf8",
    tables: tables.map((t, i) => ({ name: t.name, columns: t.columns, rows: counts[i] })),
    sequences,
  };
}

async function* backupRecords(client: pg.ClientBase, manifest: BackupManifest, opts: BackupOptions): AsyncGenerator<Buffer> {
  const allTotal = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  let allWritten = 0;
  yield MAGIC;
  yield jsonFrame("M", manifest);
  for (const table of manifest.tables) {
    yield jsonFrame("T", { name: table.name, columns: table.columns });
    const columns = table.columns.map((c) => client.escapeIdentifier(c)).join(", ");
    const hash = createHash("sha256");
    let rows = 0;
    const report = () => opts.onProgress?.({ table: table.name, written: rows, total: table.rows, allWritten, allTotal });
    report();
    // COPY (SELECT …): a partitioned table cannot be COPYed TO by name; the text is the same.
    for await (const chunk of client.query(copyTo(`COPY (SELECT ${columns} FROM ${client.escapeIdentifier(table.name)}) TO STDOUT`)) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      const n = countRows(chunk);
      rows += n;
      allWritten += n;
      yield* dataFrames(chunk);
      report();
    }
    // Same snapshot as the count: a difference would be a bug here, never a concurrent write.
    if (rows !== table.rows) throw new Error(`${table.name}: COPY returned ${rows} rows but the snapshot counted ${table.rows}`);
    yield jsonFrame("F", { name: table.name, rows, sha256: hash.digest("hex") });
    await opts.onTableDone?.(table.name, rows);
  }
  yield jsonFrame("E", { tables: manifest.tables.length });
}

export async function createBackup(connectionString: string, file: string, opts: BackupOptions = {}): Promise<BackupSummary> {
  const started = performance.now();
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await useCanonicalTextSettings(client);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await listTables(client);
    // Like pg_dump: no DDL or TRUNCATE (which is not MVCC-safe) may touch a table mid-backup.
    if (tables.length > 0) await client.query(`LOCK TABLE ${tables.map((t) => client.escapeIdentifier(t.name)).join(", ")} IN ACCESS SHARE MODE`);
    const manifest = await readManifest(client, tables);
    // The file holds password and token hashes: readable by its owner only.
    await pipeline(Readable.from(backupRecords(client, manifest, opts)), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await client.query("COMMIT");
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, manifest, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}
