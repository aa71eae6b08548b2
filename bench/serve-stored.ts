// "Each stored-result read ≤ 2x computing it in process from typed arrays": the dashboards' main
// stored reads (the SQL of lib/analytics, run straight on a pg client) timed against computing the
// same numbers from the typed-array graph of the same database (lib/metrics, as the recompute
// does), with a check that both give the same cohort sizes.
import pg from "pg";
import { loadGraphInput } from "@/lib/jobs/load-graph";
import { computeActivity, type Activity } from "@/lib/metrics/activity";
import { buildGraph, type Graph } from "@/lib/metrics/graph";
import { computeLifecycle } from "@/lib/metrics/lifecycle";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { computeCohortTables } from "@/lib/metrics/retention";
import { printTable, section } from "./report";

const COHORTS_SQL = `
  SELECT to_char(cohort_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS cohort, "offset", cohort_size, retained, rate
  FROM metric_cohorts
  WHERE run_id = $1 AND scope = 'all' AND period_unit = $2 AND variant = 'exact' AND segment = 'all'
  ORDER BY cohort_start, "offset"`;
const SERIES_SQL = `
  SELECT metric, to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS period, value, is_complete
  FROM metric_series
  WHERE run_id = $1 AND scope = 'all' AND period_unit = $2 AND segment = 'all' AND metric = ANY($3::text[])
  ORDER BY metric, period_start`;
const LIFECYCLE = ["lifecycle.new", "lifecycle.returning", "lifecycle.resurrecting", "lifecycle.newly_dormant", "lifecycle.dormant", "lifecycle.churned", "lifecycle.active", "lifecycle.quick_ratio"];

/** Best of `runs` wall times in ms (after one warm-up), and the last result. */
async function best<T>(runs: number, f: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  let result = await f();
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await f();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, result };
}

function cohortMembers(act: Activity): Int32Array {
  const members: number[] = [];
  for (let u = 0; u < act.nU; u++) if (act.inCohort[u]) members.push(u);
  return Int32Array.from(members);
}

export interface StoredReadFigure {
  what: string;
  readMs: number;
  computeMs: number;
  same: string;
}

export async function benchStoredReads(databaseUrl: string): Promise<StoredReadFigure[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    const run = (await client.query<{ id: number; as_of: Date }>("SELECT id, as_of FROM metric_runs WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1")).rows[0];
    const t = performance.now();
    const graph: Graph = buildGraph(await loadGraphInput(client));
    console.log(`Graph loaded from PostgreSQL for the in-process side in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const asOfMs = run.as_of.getTime();
    const params = DEFAULT_PARAMS;
    const out: StoredReadFigure[] = [];
    for (const unit of ["week", "month"] as const) {
      const read = await best(5, async () => (await client.query<{ cohort: string; offset: number; cohort_size: number }>(COHORTS_SQL, [run.id, unit])).rows);
      const computed = await best(3, () => {
        const act = computeActivity(graph, { unit, asOfMs, project: null }, params);
        return computeCohortTables(act, cohortMembers(act), params.retentionHorizon);
      });
      const storedSizes = read.result.filter((r) => r.offset === 0).map((r) => r.cohort_size).join(",");
      // The stored table leaves out the current period's cohort: it has no complete offset yet.
      const computedSizes = computed.result.cohorts.filter((c) => c.isComplete && c.size > 0).map((c) => c.size).join(",");
      out.push({ what: `retention cohort table, ecosystem, by ${unit} (${read.result.length.toLocaleString("en-US")} cells)`, readMs: read.ms, computeMs: computed.ms, same: storedSizes === computedSizes ? "same cohort sizes" : "cohort sizes differ" });

      const series = await best(5, async () => (await client.query<{ metric: string; value: number | null }>(SERIES_SQL, [run.id, unit, LIFECYCLE])).rows);
      const lifecycle = await best(3, () => computeLifecycle(computeActivity(graph, { unit, asOfMs, project: null }, params), params));
      const storedActive = series.result.filter((r) => r.metric === "lifecycle.active").map((r) => r.value);
      const computedActive = lifecycle.result.map((p) => p.active);
      out.push({
        what: `lifecycle series (8 metrics), ecosystem, by ${unit} (${series.result.length.toLocaleString("en-US")} points)`, readMs: series.ms, computeMs: lifecycle.ms,
        same: storedActive.join(",") === computedActive.join(",") ? "same active counts" : `active counts differ (${storedActive.length} vs ${computedActive.length} periods)`,
      });
    }
    return out;
  } finally {
    client.release();
    await pool.end();
  }
}

export function reportStoredReads(figures: StoredReadFigure[]): void {
  section("Stored-result reads against computing them in process (goal: read ≤ 2x compute)");
  printTable(["result", "read from PostgreSQL (best of 5)", "computed from typed arrays (best of 3)", "read / compute", "met", "check"],
    figures.map((f) => [f.what, `${f.readMs.toFixed(1)} ms`, `${f.computeMs.toFixed(1)} ms`, `${(f.readMs / f.computeMs).toFixed(3)}x`, f.readMs <= 2 * f.computeMs ? "yes" : "no", f.same]));
}
