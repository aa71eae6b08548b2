// Before the first start serves any page, compute the metrics once (with a progress bar), so the
// dashboards show the demo community instead of "no results yet". Later writes queue recomputes.
import pg from "pg";
import { recomputeMetrics } from "../../lib/jobs/recompute";
import { createProgressBar } from "./progress-bar";

export async function recomputeIfNoResults(connectionString: string): Promise<void> {
  const pool = new pg.Pool({ connectionString, max: 3 });
  try {
    const { rows } = await pool.query("SELECT 1 FROM metric_runs WHERE status = 'succeeded' LIMIT 1");
    const { rows: users } = await pool.query("SELECT 1 FROM users LIMIT 1");
    if (rows.length > 0 || users.length === 0) return;
    console.log("Computing the metrics for the first time…");
    const bar = createProgressBar();
    const s = await recomputeMetrics(pool, { onProgress: ({ phase, fraction }) => bar.update(Math.round(fraction * 1000), 1000, phase) });
    bar.finish();
    console.log(`Metrics computed: run ${s.runId}, ${s.rows.toLocaleString("en-US")} result rows in ${(s.durationMs / 1000).toFixed(1)} s.`);
  } finally {
    await pool.end();
  }
}
