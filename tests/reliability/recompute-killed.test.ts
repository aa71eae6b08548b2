// Faults: the recompute worker killed (SIGKILL) in the middle of a run. The dashboards keep
// serving the previous run's results (they read the newest succeeded run, lib/analytics/runs.ts),
// the job is claimed again once the dead worker's lease runs out (lib/jobs/worker.ts renews it
// while alive), and the next worker's run completes, with the data written since.
import { describe, test, expect, afterAll } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { getCurrentRun } from "../../lib/analytics/runs";
import { RECOMPUTE_JOB } from "../../lib/jobs/queue";
import { recomputeMetrics } from "../../lib/jobs/recompute";
import { recordFigure } from "./figures";
import { scaled } from "./scale";

const CONTRIBUTORS = scaled(30, 500);
const CONTRIBUTIONS = scaled(300, 20_000);
const ADDED = 100;
/** the worker's lease in this test: a killed worker's job is claimed again this long after its last heartbeat */
const LEASE_SECONDS = 3;
/** how far the run must be (metric_runs.progress, 0..1) when the worker is killed */
const KILL_AT_PROGRESS = scaled(0, 0.1);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const workers: ChildProcess[] = [];

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
  await pool.end();
});

function startWorker(): ChildProcess {
  // One process (node --import tsx, not the tsx wrapper, which would leave its child running on SIGKILL).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/metrics-worker.ts"], {
    env: { ...process.env, JOB_LEASE_SECONDS: String(LEASE_SECONDS), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  workers.push(child);
  return child;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 25): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** What a dashboard serves: the current run and how many contributor results it has. */
async function served() {
  const run = await getCurrentRun();
  const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM metric_contributor_summaries WHERE run_id = $1", [run?.id ?? 0]);
  return { runId: run?.id ?? null, contributions: run?.contributions ?? 0, summaries: Number(rows[0].n) };
}

async function addContributions(count: number, offset: number) {
  // A chain per contributor: each contribution builds on that person's previous one.
  await pool.query(`
    INSERT INTO contributions (project_id, title, kind, occurred_at, created_by_id)
    SELECT p.id, 'work ' || g, 'code', timestamptz '2025-01-01' + g * interval '10 minutes', u.ids[1 + g % array_length(u.ids, 1)]
    FROM generate_series($1::int, $2::int) g, (SELECT min(id) AS id FROM projects) p, (SELECT array_agg(id ORDER BY id) AS ids FROM users) u`, [offset + 1, offset + count]);
  await pool.query(`
    INSERT INTO contribution_authors (contribution_id, user_id, share)
    SELECT c.id, c.created_by_id, 1 FROM contributions c WHERE NOT EXISTS (SELECT 1 FROM contribution_authors a WHERE a.contribution_id = c.id)`);
  await pool.query(`
    INSERT INTO links (from_id, to_id, type, status)
    SELECT c.id, prev.id, 'builds_on', 'confirmed' FROM contributions c
    CROSS JOIN LATERAL (SELECT id FROM contributions e WHERE e.created_by_id = c.created_by_id AND e.occurred_at < c.occurred_at ORDER BY e.occurred_at DESC LIMIT 1) prev
    WHERE c.title >= $1 AND NOT EXISTS (SELECT 1 FROM links l WHERE l.from_id = c.id)`, [`work ${offset + 1}`]);
}

describe("the recompute worker killed mid-run", () => {
  test("the previous results stay served, the job is picked up again, the next run completes", async () => {
    await pool.query(`INSERT INTO users (email, handle, name) SELECT 'rc' || g || '@example.test', 'rc' || g, 'Contributor ' || g FROM generate_series(1, $1::int) g`, [CONTRIBUTORS]);
    await pool.query(`INSERT INTO projects (slug, name, kind) VALUES ('recompute', 'Recompute', 'datanet')`);
    await addContributions(CONTRIBUTIONS, 0);
    const t0 = Date.now();
    const lap = (what: string) => console.log(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    lap("seeded");
    const first = await recomputeMetrics(pool, { threads: 1 });
    lap(`first run (${first.durationMs} ms)`);
    const before = await served();
    expect(before).toEqual({ runId: first.runId, contributions: CONTRIBUTIONS, summaries: before.summaries });
    expect(before.summaries).toBeGreaterThan(0);

    // New work, and the recompute it asks for, due now.
    await addContributions(ADDED, CONTRIBUTIONS);
    await pool.query(`INSERT INTO jobs (kind, payload, status, run_after) VALUES ($1, '{"reasons":["test"]}', 'queued', now())`, [RECOMPUTE_JOB]);

    const doomed = startWorker();
    // At full size the run is long enough to be killed while it computes; the small one dies loading.
    const running = await until("the worker to start a run", async () => {
      const { rows } = await pool.query<{ id: number; phase: string }>("SELECT id, phase FROM metric_runs WHERE status = 'running' AND id > $1 AND progress >= $2", [first.runId, KILL_AT_PROGRESS]);
      return rows[0];
    }, 60_000);
    lap(`run ${running.id} seen in phase ${running.phase}`);
    doomed.kill("SIGKILL");
    const killedAt = Date.now();
    await new Promise((r) => doomed.once("exit", r));

    // Killed: the run never finished, and the dashboards still serve the previous one.
    const whileDead = await served();
    const { rows: [job] } = await pool.query<{ status: string; attempts: number }>("SELECT status, attempts FROM jobs WHERE kind = $1", [RECOMPUTE_JOB]);
    expect({ whileDead, job }).toEqual({ whileDead: before, job: { status: "running", attempts: 1 } });

    startWorker();
    const next = await until("the next run to complete", async () => {
      const { rows } = await pool.query<{ id: number; contributions: number }>("SELECT id, contributions FROM metric_runs WHERE status = 'succeeded' AND id > $1", [running.id]);
      return rows[0];
    }, 180_000, 100);
    const secondsToComplete = (Date.now() - killedAt) / 1000;
    lap("next run completed");
    const after = await served();
    const { rows: [killedRun] } = await pool.query<{ status: string; error: string }>("SELECT status, error FROM metric_runs WHERE id = $1", [running.id]);
    const jobAfter = await until("the job to be marked done", async () => {
      const { rows } = await pool.query<{ status: string; attempts: number }>("SELECT status, attempts FROM jobs WHERE kind = $1", [RECOMPUTE_JOB]);
      return rows[0]?.status === "succeeded" && rows[0];
    }, 10_000);

    const previousServed = JSON.stringify(whileDead) === JSON.stringify(before);
    const completed = next.contributions === CONTRIBUTIONS + ADDED;
    recordFigure({ part: "faults", name: "recompute killed mid-run: previous results served", value: previousServed ? "yes" : "no", unit: `(killed in phase "${running.phase}")`, target: "yes", met: previousServed });
    recordFigure({ part: "faults", name: "recompute killed mid-run: next run completed", value: completed ? "yes" : "no", target: "yes", met: completed });
    recordFigure({ part: "faults", name: "seconds from the kill to the next completed run", value: Number(secondsToComplete.toFixed(1)), unit: "s", target: `lease ${LEASE_SECONDS} s + a run` });

    expect(killedRun).toEqual({ status: "failed", error: "interrupted: the worker stopped before the run finished" });
    expect(jobAfter).toEqual({ status: "succeeded", attempts: 2 });
    expect(after).toEqual({ runId: next.id, contributions: CONTRIBUTIONS + ADDED, summaries: after.summaries });
    expect(after.summaries).toBeGreaterThanOrEqual(before.summaries);
  });
});
