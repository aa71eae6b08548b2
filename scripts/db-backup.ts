// npm run db:backup -- [--out FILE]
// Writes a consistent logical backup of DATABASE_URL or the embedded cluster to one gzip file
// (docs/backup.md): every table's rows, the applied migrations and the id sequences. Safe beside
// a running app: it reads one snapshot and writes nothing to the database.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup } from "../lib/db/backup/create-backup";
import { createProgressBar } from "./lib/progress-bar";
import { withDatabase } from "./lib/with-database";

const DEFAULT_BACKUP_DIR = ".data/backups";

let out: string;
try {
  const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
  const stamp = new Date().toISOString().replace(/[:]/g, "").replace(/\.\d+Z$/, "Z");
  out = path.resolve(values.out ?? path.join(DEFAULT_BACKUP_DIR, `understory-${stamp}.backup.gz`));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error("Usage: npm run db:backup -- [--out FILE]");
  process.exit(2);
}

const bar = createProgressBar();
try {
  mkdirSync(path.dirname(out), { recursive: true });
  const summary = await withDatabase(
    (url) =>
      createBackup(url, out, {
        onProgress: ({ table, written, total, allWritten, allTotal }) =>
          bar.update(allWritten, allTotal, `${table} ${written.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`),
        onTableDone: (table, rows) => bar.stageDone(table, rows),
      }),
    { migrate: false },
  );
  bar.finish();
  const m = summary.manifest;
  const rows = m.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Backed up ${m.tables.length} tables, ${rows.toLocaleString("en-US")} rows (PostgreSQL ${m.serverVersion}, ${m.migrations.length} migrations) ` +
      `in ${(summary.durationMs / 1000).toFixed(1)} s to ${summary.file} (${(summary.bytes / 1024 / 1024).toFixed(1)} MiB).`,
  );
  console.log("The file holds password and token hashes: keep it private (it is written readable by its owner only).");
  process.exit(0);
} catch (error) {
  bar.finish();
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
