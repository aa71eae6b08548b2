// npm run bench:recompute [-- --reseed] [--profile]: the full recompute end to end (load, every
// metric, write) at bench size against a PostgreSQL cluster of its own in .data/bench-postgres, so
// the app's .data/postgres (which a running server may hold) is never touched. Seeds the cluster
// with `npm run db:seed -- --size bench --force` when it is empty (or with --reseed), then runs
// `npm run metrics:recompute` against it and reports its timings and the run's peak memory. Result
// tables are emptied first (a bench database only), so every measured run writes the same way.
// Two runs are measured: a full one (`-- --full`: every window computed), then, after a week of new
// work is written (BENCH_NEW_WORK contributions dated in the last days, each building on 1-3 older
// ones), an incremental one that reuses the windows the new work did not change (lib/metrics/memo.ts;
// tests/integration/recompute-incremental.test.ts shows its results equal a full run's).
// --profile runs the full recompute under `node --cpu-prof` and writes the profile to .data/bench/.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import pg from "pg";
import { startEmbeddedServer } from "@/lib/db/embedded-server";
import { applyMigrations } from "@/lib/db/migrate";
import { listRunPartitions } from "@/lib/jobs/run-partitions";
import { BENCH_SIZE } from "@/lib/demo/generator";
import { printTable, section } from "./report";

export const BENCH_DATA_DIR = ".data/bench-postgres";
export const BENCH_DATABASE = "understory_bench";
export const PROFILE_DIR = ".data/bench/profiles";

interface RunFigures {
  seconds: number;
  load: number;
  compute: number;
  write: number;
  /** of the write: ATTACH's index builds of the run's contributor-period partition */
  index: number;
  rows: number;
  peakRssMb: number;
  reused: number;
  computed: number;
}

interface RecomputeFigures {
  full: RunFigures;
  incremental: RunFigures;
  newWork: number;
}

/** New contributions written between the full and the incremental run: a busy week at bench size. */
const BENCH_NEW_WORK = 2_000;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, capture = false): string {
  const r = spawnSync(cmd, args, { env, stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit", encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status})`);
  return r.stdout ?? "";
}

async function contributionCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>("SELECT count(*)::text AS n FROM contributions");
    return Number(rows[0].n);
  } finally {
    await c.end();
  }
}

const RESULT_TABLES = ["metric_series", "metric_cohorts", "metric_contributor_periods", "metric_signals", "metric_documents", "metric_contributor_classes", "metric_contributor_summaries"];

/** Earlier bench runs' results, memo and new work out of the way, so every measured run starts the same. */
async function clearResults(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`TRUNCATE ${RESULT_TABLES.join(", ")}, metric_memo`);
    // The runs go too, so their (now empty) partitions must: nothing would ever drop them.
    for (const p of await listRunPartitions(c, "metric_contributor_periods")) await c.query(`DROP TABLE "${p.name}"`);
    await c.query("DELETE FROM metric_runs");
    // An earlier bench run's new work (writeNewWork), so every run starts from the seeded history.
    await c.query("DELETE FROM contributions WHERE title LIKE 'bench new work %'");
  } finally {
    await c.end();
  }
}

async function lastRun(url: string): Promise<{ durationMs: number; peakRssBytes: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ duration_ms: number; peak_rss_bytes: string }>(
      "SELECT duration_ms, peak_rss_bytes::text FROM metric_runs WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1",
    );
    return { durationMs: rows[0].duration_ms, peakRssBytes: Number(rows[0].peak_rss_bytes) };
  } finally {
    await c.end();
  }
}

/** `dataDir` lets another bench (bench/serve-database.ts) build a bench-size cluster of its own the same way. */
async function measuredRun(url: string, env: NodeJS.ProcessEnv, args: string[], profile: boolean): Promise<RunFigures> {
  let out: string;
  if (profile) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    out = run(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`, "--import", "tsx", "scripts/metrics-recompute.ts", ...args], env, true);
  } else {
    out = run("npm", ["run", "--silent", "metrics:recompute", "--", ...args], env, true);
  }
  process.stdout.write(out);
  const m = /result rows in ([\d.]+) s \(load (\d+) ms, compute (\d+) ms, write (\d+) ms, of which indexing (\d+) ms\)/.exec(out);
  const rows = /scopes, ([\d,]+) result rows/.exec(out);
  const memo = /windows reused ([\d,]+), computed ([\d,]+)/.exec(out);
  if (!m || !rows || !memo) throw new Error("could not read the recompute's timings from its output");
  const runInfo = await lastRun(url);
  const num = (x: string) => Number(x.replace(/,/g, ""));
  return {
    seconds: Number(m[1]), load: Number(m[2]) / 1000, compute: Number(m[3]) / 1000, write: Number(m[4]) / 1000, index: Number(m[5]) / 1000,
    rows: num(rows[1]), peakRssMb: runInfo.peakRssBytes / 2 ** 20, reused: num(memo[1]), computed: num(memo[2]),
  };
}

/**
 * A week of new work at bench size: `n` contributions by existing contributors, dated over the last
 * 7 days, each building on 1-3 contributions of the last 90 days of history (deterministic choice).
 */
export async function writeNewWork(url: string, n: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("BEGIN");
    // 90 days of history older than the new week (links must point back in time), numbered, with
    // each contribution's first author. The seeded history may run up to the seeding day.
    await c.query(
      `CREATE TEMP TABLE recent ON COMMIT DROP AS
       WITH cutoff AS (SELECT least(max(occurred_at), now() - interval '8 days') AS at FROM contributions)
       SELECT c.id, c.project_id, (SELECT a.user_id FROM contribution_authors a WHERE a.contribution_id = c.id ORDER BY a.share DESC, a.user_id LIMIT 1) AS author,
              row_number() OVER (ORDER BY c.id) AS k
       FROM contributions c, cutoff WHERE c.deleted_at IS NULL AND c.occurred_at <= cutoff.at AND c.occurred_at > cutoff.at - interval '90 days'`);
    const { rows: [{ total }] } = await c.query<{ total: number }>("SELECT count(*)::int AS total FROM recent");
    // Contribution g: by the author of recent work number g·7919 (mod total), in its project.
    const { rows } = await c.query<{ n: number }>(
      `WITH made AS (
         INSERT INTO contributions (project_id, kind, title, occurred_at, status, source)
         SELECT r.project_id, 'code', 'bench new work ' || g, now() - (g % 7) * interval '1 day' - interval '1 hour', 'unreviewed', 'api'
         FROM generate_series(1, $1) g JOIN recent r ON r.k = 1 + (g::bigint * 7919) % $2
         RETURNING id, title)
       SELECT count(*)::int AS n FROM made`, [n, total]);
    await c.query(
      `INSERT INTO contribution_authors (contribution_id, user_id, share)
       SELECT m.id, r.author, 1 FROM contributions m
       JOIN recent r ON r.k = 1 + (substring(m.title from 16)::bigint * 7919) % $1
       WHERE m.title LIKE 'bench new work %'`, [total]);
    // Links: 1-3 per new contribution, to recent work chosen by (g, k).
    await c.query(
      `INSERT INTO links (from_id, to_id, type, status)
       SELECT m.id, r.id, 'builds_on', 'unconfirmed'
       FROM contributions m CROSS JOIN LATERAL generate_series(0, substring(m.title from 16)::int % 3) AS s(nth)
       JOIN recent r ON r.k = 1 + ((substring(m.title from 16)::bigint + s.nth * 977) * 131) % $1
       WHERE m.title LIKE 'bench new work %'
       ON CONFLICT DO NOTHING`, [total]);
    await c.query("COMMIT");
    return rows[0].n;
  } catch (error) {
    await c.query("ROLLBACK");
    throw error;
  } finally {
    await c.end();
  }
}

export async function benchRecompute(opts: { reseed?: boolean; profile?: boolean; dataDir?: string } = {}): Promise<RecomputeFigures> {
  const server = await startEmbeddedServer({ dataDir: opts.dataDir ?? BENCH_DATA_DIR });
  try {
    await server.createDatabase(BENCH_DATABASE);
    const url = server.urlFor(BENCH_DATABASE);
    await applyMigrations(url);
    const env = { ...process.env, DATABASE_URL: url };
    // A partly seeded or demo-size database is reseeded too: the figures must be at bench size.
    if (opts.reseed || (await contributionCount(url)) < 0.9 * (BENCH_SIZE.contributions ?? 0)) {
      console.log("Seeding the bench cluster (npm run db:seed -- --size bench --force) …");
      run("npm", ["run", "--silent", "db:seed", "--", "--size", "bench", "--force"], env);
    }
    await clearResults(url);
    console.log("Full recompute (npm run metrics:recompute -- --full) …");
    const full = await measuredRun(url, env, ["--full"], opts.profile ?? false);
    const newWork = await writeNewWork(url, BENCH_NEW_WORK);
    console.log(`Wrote ${newWork.toLocaleString("en-US")} new contributions with links; incremental recompute (npm run metrics:recompute) …`);
    const incremental = await measuredRun(url, env, [], false);
    return { full, incremental, newWork };
  } finally {
    await server.stop();
  }
}

export function reportRecompute(f: RecomputeFigures): void {
  section("Full and incremental recompute at bench size (npm run metrics:recompute, embedded PostgreSQL)");
  const met = (ok: boolean) => (ok ? "met" : "not met");
  const { full, incremental } = f;
  printTable(["phase", "full (--full)", `incremental (after ${f.newWork.toLocaleString("en-US")} new contributions)`], [
    ["load (COPY out → GraphInput)", full.load.toFixed(1), incremental.load.toFixed(1)],
    ["compute (every metric, every scope; the COPY writes of finished scopes overlap it)", full.compute.toFixed(1), incremental.compute.toFixed(1)],
    ["write (what remains after the last scope)", full.write.toFixed(1), incremental.write.toFixed(1)],
    ["  of which indexing the run's contributor-period partition (ATTACH)", full.index.toFixed(1), incremental.index.toFixed(1)],
    ["result rows", full.rows.toLocaleString("en-US"), incremental.rows.toLocaleString("en-US")],
    ["windows reused / computed", `${full.reused.toLocaleString("en-US")} / ${full.computed.toLocaleString("en-US")}`, `${incremental.reused.toLocaleString("en-US")} / ${incremental.computed.toLocaleString("en-US")}`],
    ["total seconds (goal < 60 s)", `${full.seconds.toFixed(1)} (${met(full.seconds < 60)})`, `${incremental.seconds.toFixed(1)} (${met(incremental.seconds < 60)})`],
    ["peak memory (goal < 2 GB)", `${full.peakRssMb.toFixed(0)} MB (${met(full.peakRssMb < 2048)})`, `${incremental.peakRssMb.toFixed(0)} MB (${met(incremental.peakRssMb < 2048)})`],
  ]);
}
