// A small PostgreSQL-backed job queue: workers claim due jobs with FOR UPDATE SKIP LOCKED, so any
// number of worker processes can share one queue without double-running a job. A running job's
// worker renews its lease (a heartbeat every quarter of it); a job whose worker died (killed, its
// machine gone) stops being renewed and is claimed again once the lease runs out. Failures retry
// with backoff.
import type { Pool } from "pg";

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
}

export type JobHandler = (job: ClaimedJob) => Promise<void>;

/** JOB_LEASE_SECONDS: how long a silent worker keeps its job (the reliability test uses a few seconds). */
export function leaseSeconds(): number {
  const fromEnv = Number(process.env.JOB_LEASE_SECONDS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 120;
}
const MAX_ATTEMPTS = 3;

export async function claimNextJob(pool: Pool, kinds: string[], lease = leaseSeconds()): Promise<ClaimedJob | null> {
  const { rows } = await pool.query<{ id: string; kind: string; payload: unknown; attempts: number }>(
    `UPDATE jobs SET status = 'running', locked_at = now(), attempts = attempts + 1
     WHERE id = (
       SELECT id FROM jobs
       WHERE kind = ANY($1)
         AND ((status = 'queued' AND run_after <= now())
           OR (status = 'running' AND locked_at < now() - make_interval(secs => $2)))
       ORDER BY run_after, id
       FOR UPDATE SKIP LOCKED
       LIMIT 1)
     RETURNING id::text, kind, payload, attempts`,
    [kinds, lease],
  );
  return rows[0] ?? null;
}

export async function finishJob(pool: Pool, job: ClaimedJob, error: unknown | null): Promise<void> {
  if (error === null) {
    await pool.query(`UPDATE jobs SET status = 'succeeded', locked_at = NULL WHERE id = $1`, [job.id]);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (job.attempts < MAX_ATTEMPTS) {
    // Back to the queue unless an equivalent job was queued meanwhile (the coalescing index).
    await pool.query(
      `UPDATE jobs SET status = CASE WHEN EXISTS (SELECT 1 FROM jobs q WHERE q.kind = jobs.kind AND q.status = 'queued') THEN 'failed'::"RunStatus" ELSE 'queued'::"RunStatus" END,
         run_after = now() + make_interval(secs => $2), locked_at = NULL, last_error = $3
       WHERE id = $1`,
      [job.id, 30 * 2 ** job.attempts, message.slice(0, 2000)],
    );
  } else {
    await pool.query(`UPDATE jobs SET status = 'failed', locked_at = NULL, last_error = $2 WHERE id = $1`, [job.id, message.slice(0, 2000)]);
  }
}

/** Runs jobs until `signal` aborts, polling every `pollMs` when the queue is empty. */
export async function runWorker(pool: Pool, handlers: Record<string, JobHandler>, opts: { signal: AbortSignal; pollMs?: number; onError?: (e: unknown, job: ClaimedJob) => void }): Promise<void> {
  const kinds = Object.keys(handlers);
  while (!opts.signal.aborted) {
    const job = await claimNextJob(pool, kinds).catch(() => null);
    if (!job) {
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 2000));
      continue;
    }
    const heartbeat = setInterval(() => {
      pool.query(`UPDATE jobs SET locked_at = now() WHERE id = $1 AND status = 'running'`, [job.id]).catch(() => {});
    }, (leaseSeconds() * 1000) / 4);
    try {
      await handlers[job.kind](job);
      await finishJob(pool, job, null);
    } catch (e) {
      opts.onError?.(e, job);
      await finishJob(pool, job, e).catch(() => {});
    } finally {
      clearInterval(heartbeat);
    }
  }
}
