// The incremental recompute (windows reused from the memo, lib/metrics/memo.ts) against a full one
// on the same data: every stored result row must be identical. A small demo community is
// recomputed once, then changed the way a week of use changes it (new contributions linking to
// older work, an old contribution accepted, co-authors' shares changed, a link disputed, a
// back-dated contribution), then
// recomputed incrementally and fully at the same instant.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { recomputeMetrics, type RecomputeSummary } from "../../lib/jobs/recompute";
import { seedDemoCommunity } from "../../lib/demo/seed";

const END_AT = Date.UTC(2026, 2, 15, 9, 30);
const LATER = END_AT + 9 * 86_400_000;
const RESULT_TABLES = ["metric_series", "metric_cohorts", "metric_contributor_periods", "metric_signals", "metric_documents", "metric_contributor_classes", "metric_contributor_summaries"];

let pool: pg.Pool;

beforeAll(async () => {
  await seedDemoCommunity(process.env.DATABASE_URL!, { size: { contributors: 160, years: 1, projects: 3, campaigns: 1 }, seed: 9, endAt: END_AT });
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
}, 120_000);

afterAll(async () => {
  await pool.end();
});

/** Every result row of a run, without its run id and serial id, as sorted JSON text (doubles print exactly). */
async function resultsOf(runId: number): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of RESULT_TABLES) {
    const { rows } = await pool.query<{ r: string }>(`SELECT (to_jsonb(t) - 'run_id' - 'id')::text AS r FROM ${table} t WHERE run_id = $1`, [runId]);
    out[table] = rows.map((x) => x.r).sort();
  }
  return out;
}

/** A week of use: new linked work, a review, a dispute, and a contribution dated into the past. */
async function changeTheGraph(): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    const { rows: recent } = await c.query<{ id: number; project_id: number; author: number }>(
      `SELECT c.id, c.project_id, a.user_id AS author FROM contributions c JOIN contribution_authors a ON a.contribution_id = c.id
       WHERE c.deleted_at IS NULL ORDER BY c.occurred_at DESC, c.id LIMIT 40`);
    for (let k = 0; k < 12; k++) {
      const base = recent[k];
      const other = recent[(k * 7 + 3) % recent.length];
      const { rows: [created] } = await c.query<{ id: number }>(
        `INSERT INTO contributions (project_id, kind, title, occurred_at, status, source) VALUES ($1, 'code', $2, $3, 'unreviewed', 'api') RETURNING id`,
        [base.project_id, `incremental ${k}`, new Date(END_AT + (k + 1) * 12 * 3_600_000)]);
      await c.query("INSERT INTO contribution_authors (contribution_id, user_id, share) VALUES ($1, $2, 1)", [created.id, other.author]);
      await c.query("INSERT INTO links (from_id, to_id, type, status) VALUES ($1, $2, 'builds_on', 'unconfirmed') ON CONFLICT DO NOTHING", [created.id, base.id]);
    }
    await c.query(`UPDATE contributions SET status = 'accepted' WHERE id = (SELECT id FROM contributions WHERE status = 'unreviewed' ORDER BY occurred_at LIMIT 1)`);
    // Same projection edges, other weights: co-authors' shares of an old linked contribution change.
    const { rows: [pair] } = await c.query<{ id: number }>(
      `SELECT a.contribution_id AS id FROM contribution_authors a JOIN links l ON l.from_id = a.contribution_id
       GROUP BY a.contribution_id HAVING count(DISTINCT a.user_id) = 2 ORDER BY a.contribution_id LIMIT 1`);
    await c.query(
      `UPDATE contribution_authors SET share = CASE WHEN user_id = (SELECT min(user_id) FROM contribution_authors WHERE contribution_id = $1) THEN 0.1 ELSE 0.9 END
       WHERE contribution_id = $1`, [pair.id]);
    await c.query(`UPDATE links SET status = 'disputed' WHERE id = (SELECT id FROM links WHERE status = 'confirmed' ORDER BY id LIMIT 1)`);
    const { rows: [old] } = await c.query<{ project_id: number; author: number }>(
      `SELECT c.project_id, a.user_id AS author FROM contributions c JOIN contribution_authors a ON a.contribution_id = c.id ORDER BY c.occurred_at LIMIT 1`);
    const { rows: [backdated] } = await c.query<{ id: number }>(
      `INSERT INTO contributions (project_id, kind, title, occurred_at, status, source) VALUES ($1, 'documentation', 'back-dated', $2, 'accepted', 'api') RETURNING id`,
      [old.project_id, new Date(END_AT - 200 * 86_400_000)]);
    await c.query("INSERT INTO contribution_authors (contribution_id, user_id, share) VALUES ($1, $2, 1)", [backdated.id, old.author]);
    await c.query("COMMIT");
  } catch (e) {
    await c.query("ROLLBACK");
    throw e;
  } finally {
    c.release();
  }
}

// Each test runs one to two recomputes of a 160-person year: seconds on a quiet machine, more on a busy one.
describe("incremental recompute", { timeout: 180_000 }, () => {
  let first: RecomputeSummary;
  let incremental: RecomputeSummary;
  let full: RecomputeSummary;

  test("a first run computes every window and stores them", async () => {
    first = await recomputeMetrics(pool, { asOfMs: END_AT, threads: 1 });
    // Reuse within one run: windows with the same inputs in two scopes or units (e.g. empty ones).
    expect(first.memo.reused).toBeLessThan(first.memo.computed / 10);
    expect(first.memo.computed).toBeGreaterThan(100);
    expect(first.memo.stored).toBe(first.memo.computed);
    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM metric_memo WHERE last_used_run_id = $1", [first.runId]);
    expect(rows[0].n).toBe(first.memo.stored);
  });

  test("after a week of changes, the incremental run equals a full run row for row", async () => {
    await changeTheGraph();
    incremental = await recomputeMetrics(pool, { asOfMs: LATER, threads: 2 });
    full = await recomputeMetrics(pool, { asOfMs: LATER, reuse: false, threads: 1 });
    // Most windows lie before the changes and are reused; those the changes reach are computed.
    expect(incremental.memo.reused).toBeGreaterThan(incremental.memo.computed);
    expect(incremental.memo.computed).toBeGreaterThan(0);
    expect(full.memo.reused).toBeLessThan(full.memo.computed / 10);
    expect(incremental.rows).toBe(full.rows);
    const [a, b] = [await resultsOf(incremental.runId), await resultsOf(full.runId)];
    for (const table of RESULT_TABLES) {
      expect(a[table].length, table).toBeGreaterThan(0);
      expect(a[table], table).toEqual(b[table]);
    }
  });

  test("with nothing changed, a run reuses every window and stores the same results", async () => {
    const again = await recomputeMetrics(pool, { asOfMs: LATER, threads: 1 });
    expect(again.memo.computed).toBe(0);
    expect(again.memo.reused).toBe(full.memo.computed + full.memo.reused);
    expect(await resultsOf(again.runId)).toEqual(await resultsOf(full.runId));
    // The memo holds exactly what the latest run used.
    const { rows } = await pool.query<{ n: number; stale: number }>(
      "SELECT count(*)::int AS n, count(*) FILTER (WHERE last_used_run_id <> $1)::int AS stale FROM metric_memo", [again.runId]);
    expect(rows[0]).toEqual({ n: again.memo.stored, stale: 0 });
  });
});
