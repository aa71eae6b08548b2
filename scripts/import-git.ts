// npm run import:git -- <path> --project <slug> [--source <name>] [--batch-rows N]
// Imports the history of a local git repository: each commit a code contribution by its author
// (.mailmap applied), builds-on links to the last earlier commit by another author on the same
// file. Prints the time taken and the peak memory.
import pg from "pg";
import { parseArgs } from "node:util";
import { sourceNameSchema } from "../lib/import/schemas";
import { startGitImport } from "../lib/import/start";
import { runWithReport } from "./import-report";
import { withDatabase } from "./lib/with-database";

const USAGE = "usage: npm run import:git -- <repository path> --project <slug> [--source <name>] [--batch-rows N]";

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { project: { type: "string" }, source: { type: "string" }, "batch-rows": { type: "string" } },
});
const repoPath = positionals[0];
if (!repoPath || positionals.length > 1) fail("Give exactly one repository path.");
if (!values.project) fail("--project is required.");
const source = sourceNameSchema.safeParse(values.source ?? "git");
if (!source.success) fail(`--source: ${source.error.issues[0].message}`);
const batchRows = values["batch-rows"] === undefined ? undefined : Number(values["batch-rows"]);
if (batchRows !== undefined && (!Number.isInteger(batchRows) || batchRows < 1)) fail("--batch-rows must be a positive integer.");

try {
  const t0 = performance.now();
  const code = await withDatabase(async (url) => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      return await runWithReport(pool, (onProgress) =>
        startGitImport(pool, { repoPath, projectSlug: values.project!.toLowerCase(), source: source.data, actorId: null, batchRows }, onProgress), "commits");
    } finally {
      await pool.end();
    }
  });
  console.log(`Total ${((performance.now() - t0) / 1000).toFixed(1)} s, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  process.exit(code);
} catch (error) {
  console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
