// npm run import -- <file> --kind contributions|links [--format csv|jsonl] --source <name> [--batch-rows N]
// Imports a CSV or JSON Lines file (docs/import-format.md) into DATABASE_URL or the embedded
// database, with a progress bar and the per-row error report.
import pg from "pg";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { sourceNameSchema } from "../lib/import/schemas";
import { startFileImport } from "../lib/import/start";
import { runWithReport } from "./import-report";
import { withDatabase } from "./lib/with-database";

const USAGE = "usage: npm run import -- <file> --kind contributions|links [--format csv|jsonl] --source <name> [--batch-rows N]";

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { kind: { type: "string" }, format: { type: "string" }, source: { type: "string" }, "batch-rows": { type: "string" } },
});
const file = positionals[0];
if (!file || positionals.length > 1) fail("Give exactly one file.");
if (!existsSync(file)) fail(`No such file: ${file}`);
const kind = values.kind;
if (kind !== "contributions" && kind !== "links") fail("--kind must be contributions or links.");
const ext = path.extname(file).toLowerCase();
const format = values.format ?? (ext === ".csv" ? "csv" : ext === ".jsonl" || ext === ".ndjson" ? "jsonl" : undefined);
if (format !== "csv" && format !== "jsonl") fail("--format must be csv or jsonl (it cannot be told from the file name).");
const source = sourceNameSchema.safeParse(values.source ?? "");
if (!source.success) fail(`--source: ${source.error.issues[0].message}`);
const batchRows = values["batch-rows"] === undefined ? undefined : Number(values["batch-rows"]);
if (batchRows !== undefined && (!Number.isInteger(batchRows) || batchRows < 1)) fail("--batch-rows must be a positive integer.");

try {
  const code = await withDatabase(async (url) => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      return await runWithReport(pool, (onProgress) =>
        startFileImport(pool, { kind, format, source: source.data, filePath: file, filename: path.basename(file), actorId: null, batchRows }, onProgress), "rows");
    } finally {
      await pool.end();
    }
  });
  process.exit(code);
} catch (error) {
  console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
