// npm run db:restore -- FILE [--force]
// Restores a file written by `npm run db:backup` into DATABASE_URL or the embedded cluster. Refuses
// a database that holds rows unless --force, which replaces all of them. The file is checked whole
// before anything is written, and the rows load in one transaction: a failure changes nothing.
// Stop the app first: replacing the rows takes exclusive locks on every table.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { BackupFormatError } from "../lib/db/backup/format";
import { restoreBackup, RestoreRefusedError } from "../lib/db/backup/restore-backup";
import { createProgressBar } from "./lib/progress-bar";
import { withDatabase } from "./lib/with-database";

const usage = "Usage: npm run db:restore -- FILE [--force]";
let file: string;
let force: boolean;
try {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new Error("Name exactly one backup file.");
  file = positionals[0];
  force = values.force ?? false;
  if (!existsSync(file)) throw new Error(`No backup file at ${file}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(usage);
  process.exit(2);
}

const bar = createProgressBar();
let allRows = 0;
try {
  const summary = await withDatabase(
    (url) =>
      restoreBackup(url, file, {
        force,
        onProgress: ({ table, written, total, allWritten, allTotal }) => {
          allRows = allTotal;
          bar.update(allWritten, allTotal, `${table} ${written.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`);
        },
        onTableDone: (table, rows) => bar.stageDone(table, rows),
        onStage: (stage) => {
          bar.update(allRows, allRows, `${stage}…`, true);
          bar.stageDone(stage, null);
        },
      }),
    { migrate: false },
  );
  bar.finish();
  const m = summary.manifest;
  const rows = m.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Restored ${m.tables.length} tables, ${rows.toLocaleString("en-US")} rows from a backup of ${m.createdAt} (PostgreSQL ${m.serverVersion}) ` +
      `in ${(summary.durationMs / 1000).toFixed(1)} s` +
      (summary.replaced.length ? `, replacing the rows of ${summary.replaced.length} tables` : "") +
      (summary.migrationsAfter.length ? `; then applied newer migrations ${summary.migrationsAfter.join(", ")}` : "") +
      ".",
  );
  process.exit(0);
} catch (error) {
  bar.finish();
  if (error instanceof RestoreRefusedError || error instanceof BackupFormatError) {
    console.error(`${error.message}${error instanceof BackupFormatError ? " Nothing was restored." : ""}`);
  } else {
    console.error(`Restore failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}
