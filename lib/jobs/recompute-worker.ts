// The recompute worker: takes queued `metrics.recompute` jobs (coalesced and debounced by
// queue.ts) and runs them. `npm start` runs one in its own process beside the web server;
// `npm run metrics:worker` runs one alone, for scaling out (the queue's SKIP LOCKED claims and the
// recompute's advisory lock make any number of them safe).
import pg from "pg";
import { RECOMPUTE_JOB } from "@/lib/jobs/queue";
import { recomputeMetrics, type RecomputeSummary } from "@/lib/jobs/recompute";
import { runWorker } from "@/lib/jobs/worker";

export interface RecomputeWorker {
  stop(): Promise<void>;
}

export function startRecomputeWorker(connectionString: string, log: {
  info: (message: string) => void;
  error: (message: string) => void;
}, opts: { pollMs?: number; onRun?: (s: RecomputeSummary) => void } = {}): RecomputeWorker {
  const pool = new pg.Pool({ connectionString, max: 3 });
  // An idle connection dropped by the server (a restart, or Ctrl-C reaching PostgreSQL first) is
  // an 'error' event on the pool; unhandled, it would crash the process. The next claim reconnects.
  pool.on("error", (e) => log.error(`Database connection lost: ${e.message}`));
  const abort = new AbortController();
  const done = runWorker(pool, {
    [RECOMPUTE_JOB]: async () => {
      const s = await recomputeMetrics(pool);
      log.info(`Metrics recomputed (run ${s.runId}, ${s.contributions} contributions, ${(s.durationMs / 1000).toFixed(1)} s)`);
      opts.onRun?.(s);
    },
  }, {
    signal: abort.signal,
    pollMs: opts.pollMs ?? 2000,
    onError: (e) => log.error(`Metrics recompute failed: ${e instanceof Error ? e.message : String(e)}`),
  });
  return {
    async stop() {
      abort.abort();
      await done.catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}
