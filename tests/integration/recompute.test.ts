import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { prisma } from "../../lib/db";
import { loadGraphInput } from "../../lib/jobs/load-graph";
import { RECOMPUTE_JOB } from "../../lib/jobs/queue";
import { recomputeMetrics } from "../../lib/jobs/recompute";
import { claimNextJob } from "../../lib/jobs/worker";
import { parseParams } from "../../lib/metrics/params";
import { runEngine } from "../../lib/metrics/run-engine";
import { makeContribution, makeProject, makeUser } from "./factories";

// Dataset: project P; a's c1 (Mon 2026-01-05 10:00, accepted), b's c2 (Mon 2026-01-12 10:00,
// unreviewed) builds on c1, confirmed. As of Mon 2026-02-02 00:00 UTC.
// Cascade (ρ 0.3): c2 mints 0.5 and passes 0.15 to c1; c1 mints 1 and keeps 1.15; c2 keeps 0.35.
// Flow: week 01-05 A_a = 1; week 01-12 A_a = 0.15 (dated to when b built on it), A_b = 0.35.
// Visibility (d 0.1): a at week 01-12 = 0.9·1 + 0.15 = 1.05.
const AS_OF = Date.UTC(2026, 1, 2);
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 10));

let pool: pg.Pool;
let ids: { a: number; b: number; p: number; c1: number; c2: number };

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const [a, b] = [await makeUser(), await makeUser()];
  const p = await makeProject();
  const c1 = await makeContribution({ projectId: p.id, authorIds: [a.id], occurredAt: at(5) });
  const c2 = await makeContribution({ projectId: p.id, authorIds: [b.id], occurredAt: at(12) });
  await prisma.contribution.update({ where: { id: c1.id }, data: { status: "accepted" } });
  await prisma.link.create({ data: { fromId: c2.id, toId: c1.id, type: "builds_on", status: "confirmed" } });
  ids = { a: a.id, b: b.id, p: p.id, c1: c1.id, c2: c2.id };
});

afterAll(async () => {
  await pool.end();
});

async function newestRun() {
  const { rows } = await pool.query("SELECT * FROM metric_runs WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1");
  return rows[0];
}

describe("recomputeMetrics", () => {
  test("stores the hand-computed numbers, for the ecosystem and the project, weekly and monthly", async () => {
    const s = await recomputeMetrics(pool, { asOfMs: AS_OF });
    expect([s.contributions, s.links, s.contributors, s.scopes]).toEqual([2, 1, 2, 2]);
    const run = await newestRun();
    expect(run).toMatchObject({ id: s.runId, status: "succeeded", metric_version: 1, phase: "done", progress: 1, contributions: 2 });

    const summary = await pool.query(
      "SELECT scope, user_id, attribution, contributions FROM metric_contributor_summaries WHERE run_id = $1 ORDER BY scope, user_id", [s.runId]);
    const byKey = Object.fromEntries(summary.rows.map((r) => [`${r.scope}/${r.user_id}`, r]));
    expect(byKey[`all/${ids.a}`].attribution).toBeCloseTo(1.15, 12);
    expect(byKey[`all/${ids.b}`].attribution).toBeCloseTo(0.35, 12);
    expect(byKey[`project:${ids.p}/${ids.a}`].attribution).toBeCloseTo(1.15, 12);

    const cp = await pool.query(
      `SELECT user_id, to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS week, state, flow, visibility
       FROM metric_contributor_periods WHERE run_id = $1 AND scope = 'all' AND period_unit = 'week' ORDER BY period_start, user_id`, [s.runId]);
    expect(cp.rows.map((r) => [r.user_id, r.week, r.state])).toEqual([
      [ids.a, "2026-01-05", "new"],
      [ids.a, "2026-01-12", "newly_dormant"],
      [ids.b, "2026-01-12", "new"],
      [ids.b, "2026-01-19", "newly_dormant"],
    ]);
    expect(cp.rows[1].flow).toBeCloseTo(0.15, 12);
    expect(cp.rows[1].visibility).toBeCloseTo(1.05, 12);
    expect(cp.rows[2].flow).toBeCloseTo(0.35, 12);

    const series = await pool.query(
      `SELECT to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS week, value, is_complete FROM metric_series
       WHERE run_id = $1 AND scope = 'all' AND period_unit = 'week' AND metric = 'lifecycle.new' AND segment = 'all' ORDER BY period_start`, [s.runId]);
    // Weeks 01-05 .. 02-02; the week containing the as-of instant is the incomplete current one.
    expect(series.rows.map((r) => [r.week, r.value, r.is_complete])).toEqual([
      ["2026-01-05", 1, true], ["2026-01-12", 1, true], ["2026-01-19", 0, true], ["2026-01-26", 0, true], ["2026-02-02", 0, false],
    ]);
    const month = await pool.query(
      `SELECT count(*)::int AS n FROM metric_series WHERE run_id = $1 AND scope = $2 AND period_unit = 'month'`, [s.runId, `project:${ids.p}`]);
    expect(month.rows[0].n).toBeGreaterThan(0);
    const cohorts = await pool.query(
      `SELECT "offset", cohort_size, retained, rate FROM metric_cohorts WHERE run_id = $1 AND scope = 'all' AND period_unit = 'week'
       AND variant = 'exact' AND segment = 'all' AND cohort_start = '2026-01-05T00:00:00Z' ORDER BY "offset"`, [s.runId]);
    // a's cohort (size 1): active at offset 0 only; offsets 1..3 complete (T = week 01-26).
    expect(cohorts.rows.map((r) => [r.offset, r.cohort_size, r.retained, r.rate])).toEqual([[0, 1, 1, 1], [1, 1, 0, 0], [2, 1, 0, 0], [3, 1, 0, 0]]);
  });

  test("stores exactly what the engine computes directly from the same rows", async () => {
    const s = await recomputeMetrics(pool, { asOfMs: AS_OF });
    const client = await pool.connect();
    const input = await loadGraphInput(client).finally(() => client.release());
    const direct = runEngine({ graph: input, asOfMs: AS_OF, params: parseParams({}) });
    // The run records the parameter sets it used, so an export can name them after they change.
    const recorded = await pool.query("SELECT params FROM metric_runs WHERE id = $1", [s.runId]);
    expect(recorded.rows[0].params).toEqual({ ecosystem: parseParams({}), projects: {} });
    for (const scope of direct.scopes) {
      for (const unit of scope.units) {
        const { rows } = await pool.query(
          "SELECT count(*)::int AS n, sum(value) AS total FROM metric_series WHERE run_id = $1 AND scope = $2 AND period_unit = $3",
          [s.runId, scope.scope, unit.unit]);
        expect(rows[0].n).toBe(unit.series.length);
        const total = unit.series.reduce((x, r) => x + (r.value ?? 0), 0);
        expect(rows[0].total).toBeCloseTo(total, 9);
        const docs = await pool.query("SELECT key, data FROM metric_documents WHERE run_id = $1 AND scope = $2 AND period_unit = $3 ORDER BY key", [s.runId, scope.scope, unit.unit]);
        expect(docs.rows.map((r) => r.key)).toEqual(Object.keys(unit.documents).sort());
        const retention = docs.rows.find((r) => r.key === "retention");
        expect(retention.data).toEqual(JSON.parse(JSON.stringify(unit.documents.retention)));
      }
      const classes = await pool.query("SELECT count(*)::int AS n FROM metric_contributor_classes WHERE run_id = $1 AND scope = $2", [s.runId, scope.scope]);
      expect(classes.rows[0].n).toBe(scope.classes.length);
    }
  });

  test("keeps the current and the previous run's results and drops older ones", async () => {
    const first = await recomputeMetrics(pool, { asOfMs: AS_OF });
    const second = await recomputeMetrics(pool, { asOfMs: AS_OF });
    const third = await recomputeMetrics(pool, { asOfMs: AS_OF });
    const { rows } = await pool.query("SELECT DISTINCT run_id FROM metric_series WHERE run_id >= $1 ORDER BY run_id", [first.runId]);
    expect(rows.map((r) => r.run_id)).toEqual([second.runId, third.runId]);
  });

  test("a failing run is recorded, writes nothing, and the previous results stay served", async () => {
    const good = await recomputeMetrics(pool, { asOfMs: AS_OF });
    await pool.query("INSERT INTO metric_param_sets (project_id, params, hash) VALUES (NULL, $1, 'x')", [JSON.stringify({ passThrough: 7 })]);
    try {
      await expect(recomputeMetrics(pool, { asOfMs: AS_OF })).rejects.toThrow();
    } finally {
      await pool.query("DELETE FROM metric_param_sets");
    }
    expect((await newestRun()).id).toBe(good.runId);
    // The params are read before the run row is written: a bad parameter set leaves no run at all.
    const after = await pool.query("SELECT count(*)::int AS n FROM metric_series WHERE run_id > $1", [good.runId]);
    expect(after.rows[0].n).toBe(0);
  });

  test("a run left running by a dead worker is marked failed by the next one", async () => {
    const { rows } = await pool.query(
      "INSERT INTO metric_runs (status, metric_version, params_hash, as_of, started_at) VALUES ('running', 1, 'x', now(), now()) RETURNING id");
    await recomputeMetrics(pool, { asOfMs: AS_OF });
    const dead = await pool.query("SELECT status, error FROM metric_runs WHERE id = $1", [rows[0].id]);
    expect(dead.rows[0].status).toBe("failed");
    expect(dead.rows[0].error).toMatch(/interrupted/);
  });

  test("a burst of 1,000 recompute requests leaves one queued job", async () => {
    await pool.query("DELETE FROM jobs");
    for (let i = 0; i < 1000; i++) {
      await prisma.$transaction((tx) => import("../../lib/jobs/queue").then((q) => q.enqueueRecompute(tx, `write ${i % 3}`)));
    }
    const { rows } = await pool.query("SELECT status, payload FROM jobs WHERE kind = $1", [RECOMPUTE_JOB]);
    expect(rows).toHaveLength(1);
    expect(rows[0].payload.reasons.sort()).toEqual(["write 0", "write 1", "write 2"]);
    await pool.query("UPDATE jobs SET run_after = now()");
    const job = await claimNextJob(pool, [RECOMPUTE_JOB]);
    expect(job?.kind).toBe(RECOMPUTE_JOB);
    expect(await claimNextJob(pool, [RECOMPUTE_JOB])).toBeNull();
  });
});
