// Each run's contributor-period rows in a partition of their own (lib/jobs/run-partitions.ts):
// attached and indexed when the run commits, gone with a failed run's rollback, dropped when the
// run is no longer kept, left for the next run when a reader holds it, and rows of runs stored
// before partitioning (the DEFAULT partition) still deleted the old way.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { prisma } from "../../lib/db";
import { recomputeMetrics } from "../../lib/jobs/recompute";
import { ECOSYSTEM_OPTION } from "../../lib/analytics/scope";
import { parseExportRequest } from "../../lib/export/filters";
import { openExport } from "../../lib/export/open-export";
import { makeContribution, makeProject, makeUser } from "./factories";

const AS_OF = Date.UTC(2026, 1, 2);
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 10));

let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const [a, b] = [await makeUser(), await makeUser()];
  const p = await makeProject();
  const c1 = await makeContribution({ projectId: p.id, authorIds: [a.id], occurredAt: at(5) });
  const c2 = await makeContribution({ projectId: p.id, authorIds: [b.id], occurredAt: at(12) });
  await prisma.link.create({ data: { fromId: c2.id, toId: c1.id, type: "builds_on", status: "confirmed" } });
});

afterAll(async () => {
  await pool.end();
});

/** Partitions of metric_contributor_periods with their row counts and index count. */
async function partitions(): Promise<{ name: string; rows: number; indexes: number }[]> {
  const { rows } = await pool.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'metric_contributor_periods'::regclass ORDER BY c.relname",
  );
  const out = [];
  for (const { name } of rows) {
    const n = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
    const ix = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = $1", [name]);
    out.push({ name, rows: n.rows[0].n, indexes: ix.rows[0].n });
  }
  return out;
}

const tableExists = async (name: string) => (await pool.query("SELECT to_regclass($1) AS t", [name])).rows[0].t !== null;
const periodRows = async (runId: number) => (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM metric_contributor_periods WHERE run_id = $1", [runId])).rows[0].n;

describe("contributor periods partitioned by run", () => {
  test("a run's rows are in its own indexed partition; runs no longer kept lose theirs", async () => {
    const first = await recomputeMetrics(pool, { asOfMs: AS_OF });
    const n = await periodRows(first.runId);
    // 2 contributors; weekly 01-05 … 02-02 and monthly Jan–Feb, ecosystem and project: some rows.
    expect(n).toBeGreaterThan(0);
    expect(await partitions()).toEqual([
      { name: "metric_contributor_periods_default", rows: 0, indexes: 1 },
      { name: `metric_contributor_periods_run_${first.runId}`, rows: n, indexes: 1 },
    ]);
    // A read of the run touches its partition only, not the DEFAULT one, and may use its primary key.
    const plan = await pool.query(`EXPLAIN SELECT * FROM metric_contributor_periods WHERE run_id = ${first.runId} AND scope = 'all' AND period_unit = 'week' AND user_id = 1`);
    const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toMatch(new RegExp(`on metric_contributor_periods_run_${first.runId}\\b`));
    expect(text).not.toMatch(/_default/);
    const indexes = await pool.query("SELECT indexdef FROM pg_indexes WHERE tablename = $1 ORDER BY indexname", [`metric_contributor_periods_run_${first.runId}`]);
    expect(indexes.rows.map((r) => r.indexdef.replace(/^.* USING /, ""))).toEqual(["btree (run_id, scope, period_unit, user_id, period_start)"]);

    const second = await recomputeMetrics(pool, { asOfMs: AS_OF });
    const third = await recomputeMetrics(pool, { asOfMs: AS_OF });
    expect((await partitions()).map((p) => p.name)).toEqual([
      "metric_contributor_periods_default", `metric_contributor_periods_run_${second.runId}`, `metric_contributor_periods_run_${third.runId}`,
    ]);
    expect([await periodRows(first.runId), await periodRows(second.runId), await periodRows(third.runId)]).toEqual([0, n, n]);
  });

  test("a run that fails while writing leaves no partition behind, and the served results stay", async () => {
    const before = await partitions();
    let failedId = 0;
    await expect(recomputeMetrics(pool, {
      asOfMs: AS_OF,
      onProgress: ({ phase }) => {
        if (phase.startsWith("writing results")) throw new Error("disk full (simulated)");
      },
    })).rejects.toThrow(/disk full/);
    failedId = (await pool.query("SELECT max(id)::int AS id FROM metric_runs WHERE status = 'failed'")).rows[0].id;
    expect(await tableExists(`metric_contributor_periods_run_${failedId}`)).toBe(false);
    expect(await partitions()).toEqual(before);
  });

  test("a partition a reader still holds is left for the next run, which drops it", async () => {
    const runs = (await pool.query<{ id: number }>("SELECT id FROM metric_runs WHERE status = 'succeeded' ORDER BY id DESC LIMIT 2")).rows.map((r) => r.id);
    const older = runs[1];
    // A long reader of the older run (an export's snapshot) holds its partition.
    const reader = await pool.connect();
    try {
      await reader.query("BEGIN");
      await reader.query(`SELECT count(*) FROM metric_contributor_periods WHERE run_id = ${older}`);
      const next = await recomputeMetrics(pool, { asOfMs: AS_OF });
      expect(next.runId).toBeGreaterThan(runs[0]);
      // The run succeeded without waiting for the reader, and the reader still sees its rows.
      expect(await tableExists(`metric_contributor_periods_run_${older}`)).toBe(true);
      expect((await reader.query(`SELECT count(*)::int AS n FROM metric_contributor_periods WHERE run_id = ${older}`)).rows[0].n).toBeGreaterThan(0);
    } finally {
      await reader.query("COMMIT");
      reader.release();
    }
    const last = await recomputeMetrics(pool, { asOfMs: AS_OF });
    expect(await tableExists(`metric_contributor_periods_run_${older}`)).toBe(false);
    expect((await partitions()).filter((p) => p.name.includes("_run_")).map((p) => p.name)).toEqual([
      `metric_contributor_periods_run_${last.runId - 1}`, `metric_contributor_periods_run_${last.runId}`,
    ]);
  });

  test("a recompute does not wait for an export in flight; the partition the export holds goes with the run after it", async () => {
    const runs = (await pool.query<{ id: number }>("SELECT id FROM metric_runs WHERE status = 'succeeded' ORDER BY id DESC LIMIT 2")).rows.map((r) => r.id);
    const exportPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    // Its snapshot open and its COPY started, as a long download would be. It reads the newest run
    // with the run id as a constant, so it locks that run's partition only, never the DEFAULT one
    // that ATTACH locks exclusively (with the id as a setting it would hold every partition).
    const exp = await openExport(exportPool, parseExportRequest({ dataset: "attribution-flow", format: "csv" }), ECOSYSTEM_OPTION);
    try {
      await exp.body.next();
      await exp.body.next();
      const waited = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the recompute waited for the export")), 20_000));
      const next = await Promise.race([recomputeMetrics(pool, { asOfMs: AS_OF }), waited]);
      expect(next.runId).toBeGreaterThan(runs[0]);
      // Dropping a partition locks the parent, which the export reads: the older run is left.
      expect(await tableExists(`metric_contributor_periods_run_${runs[1]}`)).toBe(true);
    } finally {
      await exp.close();
      await exportPool.end();
    }
    await recomputeMetrics(pool, { asOfMs: AS_OF });
    expect(await tableExists(`metric_contributor_periods_run_${runs[1]}`)).toBe(false);
  });

  test("rows of a run stored before partitioning (DEFAULT partition) are deleted when the run is no longer kept", async () => {
    // As the migration leaves them: an older succeeded run whose rows sit in the DEFAULT partition.
    const { rows } = await pool.query<{ id: number }>(
      "INSERT INTO metric_runs (status, metric_version, params_hash, as_of) VALUES ('succeeded', 1, 'old', now()) RETURNING id",
    );
    const oldRun = rows[0].id;
    await pool.query(
      `INSERT INTO metric_contributor_periods (run_id, scope, period_unit, user_id, period_start, state) VALUES ($1, 'all', 'week', 1, '2026-01-05', 'active'), ($1, 'all', 'week', 2, '2026-01-05', 'active')`,
      [oldRun],
    );
    expect((await pool.query("SELECT count(*)::int AS n FROM metric_contributor_periods_default")).rows[0].n).toBe(2);
    // Two newer runs: the inserted run becomes the third newest, no longer kept.
    await recomputeMetrics(pool, { asOfMs: AS_OF });
    await recomputeMetrics(pool, { asOfMs: AS_OF });
    expect((await pool.query("SELECT count(*)::int AS n FROM metric_contributor_periods_default")).rows[0].n).toBe(0);
  });
});
