// Restores a backup file (create-backup.ts) into the connection's database. First the whole file
// is read and checked without touching the database (a truncated or corrupt file changes
// nothing). Then the target is brought to the backup's migrations and every table is loaded in one
// transaction: COPY FROM in foreign-key order, with the loader's bulk mode (foreign keys and
// secondary indexes rebuilt and validated at the end, the links' fill trigger off so rows arrive
// exactly as they were), then each id sequence is moved to where the source's was. Any failure
// rolls the transaction back. Newer migrations of this code are applied after the commit.
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import { enterBulkMode } from "../../demo/bulk-mode";
import { applyMigrations } from "../migrate";
import { appliedMigrations, listTables, tablesWithRows } from "./catalog";
import { type BackupManifest, type BackupTable, countRows } from "./format";
import { applyMigrationsUpTo, checkMigrations, RestoreRefusedError } from "./migrations";
import { openBackupFile, verifyBackupFile, walkBackup } from "./read-backup";
import { useCanonicalTextSettings } from "./session";

export { RestoreRefusedError };

export interface RestoreProgress {
  table: string;
  written: number;
  total: number;
  allWritten: number;
  allTotal: number;
}

export interface RestoreOptions {
  /** replace the contents of a database that already holds rows */
  force?: boolean;
  onProgress?: (progress: RestoreProgress) => void;
  onTableDone?: (table: string, rows: number) => void;
  /** steps without rows: checking the file, migrating, rebuilding indexes */
  onStage?: (stage: string) => void;
}

export interface RestoreSummary {
  manifest: BackupManifest;
  /** tables that held rows before and were replaced (--force) */
  replaced: string[];
  /** migrations applied before the rows (the backup's) and after them (this code's newer ones) */
  migrationsBefore: string[];
  migrationsAfter: string[];
  durationMs: number;
}

/** The target's tables and columns must be the backup's, or COPY would put values in the wrong place. */
async function checkSchema(client: pg.ClientBase, manifest: BackupManifest): Promise<string[]> {
  const target = new Map((await listTables(client)).map((t) => [t.name, t.columns.join(", ")]));
  const backup = new Map(manifest.tables.map((t) => [t.name, t.columns.join(", ")]));
  const differ = [...new Set([...target.keys(), ...backup.keys()])].filter((name) => target.get(name) !== backup.get(name)).sort();
  if (differ.length > 0) {
    throw new RestoreRefusedError(`The target database's tables differ from the backup's at the same migrations (${differ.join(", ")}); it was changed by hand. Restore into an empty database.`);
  }
  return [...target.keys()];
}

type CopyStream = Writable & { rowCount: number };

/** Streams every table of the file into COPY FROM; the file is checked again as it is read. */
async function loadTables(client: pg.ClientBase, file: string, manifest: BackupManifest, opts: RestoreOptions): Promise<void> {
  const allTotal = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  let allWritten = 0;
  let written = 0;
  let copy: CopyStream | null = null;
  let copyDone: Promise<void> = Promise.resolve();
  const report = (table: BackupTable) => opts.onProgress?.({ table: table.name, written, total: table.rows, allWritten, allTotal });
  let current: BackupTable | null = null;
  try {
    await walkBackup(openBackupFile(file), {
      tableStart(table) {
        current = table;
        written = 0;
        const columns = table.columns.map((c) => client.escapeIdentifier(c)).join(", ");
        copy = client.query(copyFrom(`COPY ${client.escapeIdentifier(table.name)} (${columns}) FROM STDIN`)) as CopyStream;
        copyDone = finished(copy);
        copyDone.catch(() => undefined); // awaited below; this only keeps an early error from going unhandled
        report(table);
      },
      async data(chunk) {
        if (!copy!.write(chunk)) await once(copy!, "drain");
        const n = countRows(chunk);
        written += n;
        allWritten += n;
        report(current!);
      },
      async tableEnd(table) {
        copy!.end();
        await copyDone;
        if (copy!.rowCount !== table.rows) throw new Error(`${table.name}: PostgreSQL stored ${copy!.rowCount} rows of ${table.rows}`);
        copy = null;
        opts.onTableDone?.(table.name, table.rows);
      },
    });
  } catch (error) {
    // A COPY still open is failed (CopyFail) so that the connection can roll back.
    const open = copy as CopyStream | null;
    if (open) {
      open.destroy(error instanceof Error ? error : new Error(String(error)));
      await copyDone.catch(() => undefined);
    }
    throw error;
  }
}

/** Each id sequence continues where the source's did, and never below a restored id. */
async function resetSequences(client: pg.ClientBase, manifest: BackupManifest): Promise<void> {
  for (const seq of manifest.sequences) {
    const table = client.escapeIdentifier(seq.table);
    const column = client.escapeIdentifier(seq.column);
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST($3::bigint, COALESCE((SELECT max(${column}) FROM ${table}), 0) + 1), false)`,
      [table, seq.column, seq.next],
    );
  }
}

export async function restoreBackup(connectionString: string, file: string, opts: RestoreOptions = {}): Promise<RestoreSummary> {
  const started = performance.now();
  opts.onStage?.("checking the backup file");
  const manifest = await verifyBackupFile(file);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const target = await appliedMigrations(client);
    checkMigrations(manifest.migrations, target);
    const existing = (await listTables(client)).map((t) => t.name);
    if (target.length === 0 && existing.length > 0) {
      throw new RestoreRefusedError(`The target database holds tables (${existing.slice(0, 5).join(", ")}) but no Understory migrations: it is another application's. Restore into an empty database.`);
    }
    const replaced = await tablesWithRows(client, existing);
    if (replaced.length > 0 && !opts.force) {
      throw new RestoreRefusedError(
        `The target database is not empty (${replaced.length} tables hold rows: ${replaced.slice(0, 5).join(", ")}${replaced.length > 5 ? ", …" : ""}). Pass --force to replace everything in it with the backup.`,
      );
    }
    let migrationsBefore: string[] = [];
    if (manifest.migrations.some((m) => !target.includes(m))) {
      opts.onStage?.("applying the backup's migrations");
      migrationsBefore = await applyMigrationsUpTo(connectionString, manifest.migrations);
    }
    const tables = await checkSchema(client, manifest);

    await useCanonicalTextSettings(client);
    await client.query("BEGIN");
    try {
      if (replaced.length > 0) await client.query(`TRUNCATE TABLE ${tables.map((t) => client.escapeIdentifier(t)).join(", ")} RESTART IDENTITY`);
      const bulk = await enterBulkMode(client, tables);
      await loadTables(client, file, manifest, opts);
      opts.onStage?.(bulk ? "rebuilding indexes, checking constraints" : "committing");
      await bulk?.restore();
      await resetSequences(client, manifest);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
    opts.onStage?.("updating planner statistics");
    await client.query("ANALYZE");
    opts.onStage?.("applying newer migrations");
    const migrationsAfter = await applyMigrations(connectionString);
    return { manifest, replaced, migrationsBefore, migrationsAfter, durationMs: Math.round(performance.now() - started) };
  } finally {
    await client.end();
  }
}
