// npm run bench:recompute [-- --reseed] [--profile]: the full recompute end to end (load, every
// metric, write) at bench size against a PostgreSQL cluster of its own in .data/bench-postgres, so
// the app's .data/postgres (which a running server may hold) is never touched. Seeds the cluster
// with `npm run db:seed -- --size bench --force` when it is empty (or with --reseed), then runs
// `npm run metrics:recompute` against it and reports its timings and the run's peak memory. Result
// tables are emptied first (a bench database only), so every measured run writes the same way.
// --profile runs the recompute under `node --cpu-prof` and writes the profile to .data/bench/.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import pg from "pg";
import { startEmbeddedServer } from "@/lib/db/embedded-server";
import { applyMigrations } from "@/lib/db/migrate";
import { BENCH_SIZE } from "@/lib/demo/generator";
import { printTable, section } from "./report";

export const BENCH_DATA_DIR = ".data/bench-postgres";
const BENCH_DATABASE = "understory_bench";
export const PROFILE_DIR = ".data/bench/profiles";

interface RecomputeFigures {
  seconds: number;
  load: number;
  compute: number;
  write: number;
  rows: number;
  peakRssMb: number;
}

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

/** Earlier bench runs' results out of the way, so every measured run writes into the same (empty) tables. */
async function clearResults(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`TRUNCATE ${RESULT_TABLES.join(", ")}`);
    await c.query("DELETE FROM metric_runs");
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

export async function benchRecompute(opts: { reseed?: boolean; profile?: boolean } = {}): Promise<RecomputeFigures> {
  const server = await startEmbeddedServer({ dataDir: BENCH_DATA_DIR });
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
    console.log("Recomputing (npm run metrics:recompute) …");
    let out: string;
    if (opts.profile) {
      mkdirSync(PROFILE_DIR, { recursive: true });
      out = run(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`, "--import", "tsx", "scripts/metrics-recompute.ts"], env, true);
    } else {
      out = run("npm", ["run", "--silent", "metrics:recompute"], env, true);
    }
    process.stdout.write(out);
    const m = /result rows in ([\d.]+) s \(load (\d+) ms, compute (\d+) ms, write (\d+) ms\)/.exec(out);
    const rows = /scopes, ([\d,]+) result rows/.exec(out);
    if (!m || !rows) throw new Error("could not read the recompute's timings from its output");
    const runInfo = await lastRun(url);
    return {
      seconds: Number(m[1]), load: Number(m[2]) / 1000, compute: Number(m[3]) / 1000, write: Number(m[4]) / 1000,
      rows: Number(rows[1].replace(/,/g, "")), peakRssMb: runInfo.peakRssBytes / 2 ** 20,
    };
  } finally {
    await server.stop();
  }
}

export function reportRecompute(f: RecomputeFigures): void {
  section("Full recompute at bench size (npm run metrics:recompute, embedded PostgreSQL)");
  printTable(["phase", "seconds"], [
    ["load (COPY out → GraphInput)", f.load.toFixed(1)],
    ["compute (every metric, every scope; the COPY writes of finished scopes overlap it)", f.compute.toFixed(1)],
    ["write (what remains after the last scope; " + f.rows.toLocaleString("en-US") + " rows in all)", f.write.toFixed(1)],
    ["total", f.seconds.toFixed(1) + (f.seconds < 60 ? "  (goal < 60 s: met)" : "  (goal < 60 s: not met)")],
    ["peak memory of the run", f.peakRssMb.toFixed(0) + " MB" + (f.peakRssMb < 2048 ? "  (goal < 2 GB: met)" : "  (goal < 2 GB: not met)")],
  ]);
}
