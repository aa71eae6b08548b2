// npm run export -- <dataset> --format csv|jsonl|parquet [--project <slug>] [--unit week|month]
//   [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--segment all|organic|campaign] [--variant both|exact|unbounded]
//   [--pseudonymize] --out <file>
// Streams one dataset of the newest succeeded metric run to a file, with a progress bar, against
// DATABASE_URL or the embedded cluster. Pseudonyms use AUTH_SECRET (from the environment or
// .env.local, as `npm start` does), so they match the web app's exports.
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { isAppError } from "../lib/errors";
import { DATASET_IDS } from "../lib/export/types";
import { parseExportRequest } from "../lib/export/filters";
import { openExport } from "../lib/export/open-export";
import { findScopeBySlugOrThrow } from "../lib/export/scope";
import { ensureAuthSecret } from "./lib/local-env";
import { createProgressBar } from "./lib/progress-bar";
import { withDatabase } from "./lib/with-database";

const USAGE = `Usage: npm run export -- <${DATASET_IDS.join("|")}> --format csv|jsonl|parquet --out <file>
  [--project <slug>|all] [--unit week|month] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  [--segment all|organic|campaign] [--variant both|exact|unbounded] [--pseudonymize]`;

function parseCli(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string" }, out: { type: "string" }, project: { type: "string" }, unit: { type: "string" },
      from: { type: "string" }, to: { type: "string" }, segment: { type: "string" }, variant: { type: "string" },
      pseudonymize: { type: "boolean" }, help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || positionals.length !== 1 || !values.out) throw new Error(USAGE);
  const { out, help: _help, pseudonymize, ...filters } = values;
  return { out, request: parseExportRequest({ dataset: positionals[0], ...filters, pseudonymize: pseudonymize ? "1" : undefined }) };
}

const bar = createProgressBar();
try {
  const { out, request } = parseCli(process.argv.slice(2));
  if (request.pseudonymize) ensureAuthSecret();
  const t0 = performance.now();
  const result = await withDatabase(async (url) => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    let total = 0;
    try {
      const scope = await findScopeBySlugOrThrow(pool, request.project);
      const exp = await openExport(pool, request, scope, {
        secret: process.env.AUTH_SECRET, countRows: true,
        onProgress: (n) => bar.update(n, total, `${request.dataset}: ${n.toLocaleString("en-US")} stored rows read`),
      });
      total = exp.storedRows ?? 0;
      bar.update(0, total, `${request.dataset} from run ${exp.metadata.run_id}`, true);
      await pipeline(Readable.from(exp.body), createWriteStream(out));
      bar.update(total, total, `${request.dataset}: done`, true);
      bar.stageDone(`${request.dataset} from run ${exp.metadata.run_id}`, total);
      return { runId: exp.metadata.run_id, rows: exp.rowsWritten() };
    } finally {
      await pool.end();
    }
    // Read-only: no migrations (their engine alone would be most of this process's memory).
  }, { migrate: false });
  bar.finish();
  const s = (performance.now() - t0) / 1000;
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`Wrote ${result.rows.toLocaleString("en-US")} rows of ${request.dataset} (run ${result.runId}) to ${out} in ${s.toFixed(1)} s; peak memory ${peakMb} MB`);
  process.exit(0);
} catch (error) {
  bar.finish();
  if (isAppError(error) && error.fieldErrors) {
    // The form's "correct the highlighted fields" means nothing here: the options are listed instead.
    const lead = error.message.includes("highlighted") ? "Export refused:" : `Export refused: ${error.message}`;
    console.error(`${lead}\n${Object.entries(error.fieldErrors).map(([k, v]) => `  --${k}: ${v}`).join("\n")}`);
  } else {
    console.error(error instanceof Error && error.message.startsWith("Usage") ? error.message : `Export failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}
