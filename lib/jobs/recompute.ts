// The recompute job: load the graph with streamed COPY reads, run the pure engine, write every
// result with COPY in one transaction that also marks the run succeeded (readers use the newest
// succeeded run, so they never see a half-written one), then drop results of runs older than the
// previous one. Each run is recorded: status, phase and progress while it runs (the UI shows them),
// sizes, duration, peak memory and the error if it failed. An advisory lock keeps two recomputes
// (the in-process worker and a CLI run, or two workers) from running at once.

import type pg from "pg";
import { loadGraphInput } from "@/lib/jobs/load-graph";
import { countRows, deleteRunResults, writeScopeResults } from "@/lib/jobs/write-results";
import { attachRunPartitions, createRunPartitions } from "@/lib/jobs/run-partitions";
import { METRIC_VERSION, parseParams, paramsHash, type MetricParams } from "@/lib/metrics/params";
import { computeScopesThreaded, defaultEngineThreads } from "@/lib/jobs/engine-threads";
import { prepareEngine } from "@/lib/metrics/run-engine";
import { MemoRunLog, loadMemo, saveMemo } from "@/lib/jobs/memo-store";

/** pg_advisory_lock key of the recompute ("US" "RC" in ASCII) */
const RECOMPUTE_LOCK = 0x55_53_52_43;
/** successful runs whose results are kept: the current one and the one before it */
const KEEP_RUNS = 2;
const PROGRESS_WRITE_MS = 500;

export interface RecomputeProgress {
  phase: string;
  /** 0..1 over the whole run */
  fraction: number;
}

export interface RecomputeOptions {
  /** the instant the run describes; default now */
  asOfMs?: number;
  onProgress?: (p: RecomputeProgress) => void;
  /** threads the engine's scopes run on; default every core up to 4 (engine-threads.ts) */
  threads?: number;
  /**
   * Reuse the windows earlier runs computed (lib/metrics/memo.ts), default true; false computes
   * every window again (a full recompute). Either way the run stores what it used for the next.
   */
  reuse?: boolean;
}

export interface RecomputeSummary {
  runId: number;
  contributions: number;
  links: number;
  contributors: number;
  scopes: number;
  rows: number;
  quarantined: number;
  durationMs: number;
  timings: Record<string, number>;
  /** window computations reused from earlier runs, and computed by this one */
  memo: { reused: number; computed: number; stored: number };
}

/** Ecosystem parameters and per-project overrides, validated (a bad stored set fails the run clearly). */
async function loadParams(client: pg.ClientBase): Promise<{ params: MetricParams; projectParams: Map<number, MetricParams> }> {
  const { rows } = await client.query<{ project_id: number | null; params: unknown }>("SELECT project_id, params FROM metric_param_sets");
  let params = parseParams({});
  const projectParams = new Map<number, MetricParams>();
  for (const r of rows) {
    if (r.project_id === null) params = parseParams(r.params);
  }
  for (const r of rows) {
    if (r.project_id !== null) projectParams.set(r.project_id, parseParams(r.params));
  }
  return { params, projectParams };
}

/** Contributions a maintainer cleared of ring suspicion (ring_reviews): detection must not quarantine them. */
async function loadClearedContributionIds(client: pg.ClientBase): Promise<Set<number>> {
  const { rows } = await client.query<{ contribution_id: number }>("SELECT contribution_id FROM ring_reviews WHERE decision = 'cleared'");
  return new Set(rows.map((r) => r.contribution_id));
}

export async function recomputeMetrics(pool: pg.Pool, opts: RecomputeOptions = {}): Promise<RecomputeSummary> {
  const asOfMs = opts.asOfMs ?? Date.now();
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const mark = (what: string, since: number) => (timings[what] = Math.round(performance.now() - since));
  const client = await pool.connect();
  let runId = 0;
  let lastWrite = 0;
  let writing: Promise<unknown> | null = null;
  let final = false;
  const progress = (phase: string, fraction: number, force = false) => {
    opts.onProgress?.({ phase, fraction });
    const now = performance.now();
    if (!runId || final || writing || (!force && now - lastWrite < PROGRESS_WRITE_MS)) return;
    lastWrite = now;
    // Progress goes through the pool, outside the results transaction, so readers see it at once;
    // one write at a time, and the run waits for the last one before it returns.
    writing = pool.query("UPDATE metric_runs SET phase = $2, progress = $3 WHERE id = $1", [runId, phase, fraction])
      .catch(() => {})
      .finally(() => (writing = null));
  };
  try {
    await client.query("SELECT pg_advisory_lock($1)", [RECOMPUTE_LOCK]);
    // Holding the lock, any run still marked running belongs to a worker that died mid-run.
    await client.query(`UPDATE metric_runs SET status = 'failed', finished_at = now(), phase = 'failed',
      error = 'interrupted: the worker stopped before the run finished' WHERE status = 'running'`);
    const { params, projectParams } = await loadParams(client);
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO metric_runs (status, metric_version, params_hash, params, as_of, started_at, phase) VALUES ('running', $1, $2, $3, $4, now(), 'loading') RETURNING id`,
      [METRIC_VERSION, paramsHash(params), JSON.stringify({ ecosystem: params, projects: Object.fromEntries(projectParams) }), new Date(asOfMs)],
    );
    runId = inserted.rows[0].id;
    try {
      let t = performance.now();
      progress("loading the graph", 0.01, true);
      // The loaded rows (a large part of the run's memory) live only inside loadAndPrepare, so they
      // can be collected once the graph is built, before the scopes run.
      const loadAndPrepare = async () => {
        const rows = await loadGraphInput(client, (what, n) => progress(`loading ${what} (${n.toLocaleString("en-US")})`, 0.05));
        const clearedContributionIds = await loadClearedContributionIds(client);
        mark("load", t);
        t = performance.now();
        return prepareEngine({ graph: rows, asOfMs, params, projectParams, clearedContributionIds });
      };
      const prepared = await loadAndPrepare();
      const graph = prepared.graph;
      const memo = opts.reuse === false ? new Map<string, Uint8Array>() : await loadMemo(client);
      const memoLog = new MemoRunLog();

      // Scopes are written as their threads finish them, in one transaction, while the rest are
      // still being computed: the write overlaps the compute, and a written scope's rows can be
      // collected. "compute" ends with the last scope computed, "write" is what remains after it.
      await client.query("BEGIN");
      await createRunPartitions(client, runId);
      let rows = 0;
      let written = 0;
      let scopes = 0;
      let writes: Promise<void> = Promise.resolve();
      await computeScopesThreaded(prepared, {
        threads: opts.threads ?? defaultEngineThreads(),
        memo,
        onScope: (scope, i, total) => progress(`computing ${scope}`, 0.1 + 0.6 * (i / total), true),
      }, (_, result, memoDelta) => {
        memoLog.record(memoDelta);
        rows += countRows(result);
        scopes++;
        writes = writes.then(() => writeScopeResults(client, runId, graph, result, (n) => {
          written += n;
          progress(`writing results (${written.toLocaleString("en-US")} rows)`, 0.7 + 0.28 * (written / Math.max(1, rows)));
        }));
        // A failed write surfaces at `await writes` below; until then it must not count as unhandled.
        writes.catch(() => {});
      });
      mark("compute", t);

      t = performance.now();
      await writes;
      const tIndex = performance.now();
      progress("indexing the results", 0.98, true);
      await attachRunPartitions(client, runId);
      mark("index", tIndex);
      await saveMemo(client, runId, memoLog);
      const durationMs = Math.round(performance.now() - t0);
      // No progress write may land after the run is marked done (it would overwrite the phase).
      final = true;
      await writing;
      await client.query(
        `UPDATE metric_runs SET status = 'succeeded', finished_at = now(), duration_ms = $2, contributions = $3, links = $4,
           contributors = $5, phase = 'done', progress = 1, peak_rss_bytes = $6 WHERE id = $1`,
        [runId, durationMs, graph.nC, graph.nE, graph.nU, process.resourceUsage().maxRSS * 1024],
      );
      await client.query("COMMIT");
      mark("write", t);

      // Older results go only after the new ones are committed and visible.
      const { rows: stale } = await client.query<{ id: number }>(
        `SELECT id FROM metric_runs WHERE status = 'succeeded' AND id < $1 ORDER BY id DESC OFFSET $2`, [runId, KEEP_RUNS - 1],
      );
      await deleteRunResults(client, stale.map((r) => r.id));
      return {
        runId, contributions: graph.nC, links: graph.nE, contributors: graph.nU, scopes,
        rows, quarantined: prepared.quarantined.length, durationMs: Math.round(performance.now() - t0), timings,
        memo: { reused: memoLog.hits, computed: memoLog.misses, stored: memoLog.used.size },
      };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      const message = error instanceof Error ? error.message : String(error);
      await client.query(`UPDATE metric_runs SET status = 'failed', finished_at = now(), phase = 'failed', error = $2 WHERE id = $1`, [runId, message.slice(0, 2000)]).catch(() => {});
      throw error;
    }
  } finally {
    await writing;
    await client.query("SELECT pg_advisory_unlock($1)", [RECOMPUTE_LOCK]).catch(() => {});
    client.release();
  }
}
