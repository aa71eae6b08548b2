// npm run metrics:recompute [-- --full]: one recompute of every stored metric, now, with a progress
// bar. Windows whose inputs an earlier run already computed are reused (lib/metrics/memo.ts; the
// results are the same); --full computes every one again. Runs against DATABASE_URL or the embedded
// cluster (migrated first). Safe beside a running app: the recompute takes an advisory lock, and
// readers switch to the new results atomically.
import pg from "pg";
import { recomputeMetrics } from "../lib/jobs/recompute";
import { createProgressBar } from "./lib/progress-bar";
import { withDatabase } from "./lib/with-database";

const full = process.argv.includes("--full");
const bar = createProgressBar();
let lastPhase = "";
try {
  const summary = await withDatabase(async (url) => {
    const pool = new pg.Pool({ connectionString: url, max: 3 });
    try {
      return await recomputeMetrics(pool, {
        reuse: !full,
        onProgress: ({ phase, fraction }) => {
          const stage = phase.replace(/\s*\(.*\)$/, "");
          if (stage !== lastPhase && lastPhase) bar.stageDone(lastPhase, null);
          lastPhase = stage;
          bar.update(Math.round(fraction * 1000), 1000, phase);
        },
      });
    } finally {
      await pool.end();
    }
  });
  if (lastPhase) bar.stageDone(lastPhase, null);
  bar.finish();
  const t = summary.timings;
  console.log(
    `Run ${summary.runId}: ${summary.contributions.toLocaleString("en-US")} contributions, ${summary.links.toLocaleString("en-US")} links, ` +
      `${summary.contributors.toLocaleString("en-US")} contributors, ${summary.scopes} scopes, ${summary.rows.toLocaleString("en-US")} result rows ` +
      `in ${(summary.durationMs / 1000).toFixed(1)} s (load ${t.load} ms, compute ${t.compute} ms, write ${t.write} ms, of which indexing ${t.index} ms)` +
      (summary.quarantined ? `; ${summary.quarantined} contributions quarantined as suspected link ring` : "") +
      `; windows reused ${summary.memo.reused.toLocaleString("en-US")}, computed ${summary.memo.computed.toLocaleString("en-US")}`,
  );
  process.exit(0);
} catch (error) {
  bar.finish();
  console.error(`Recompute failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
