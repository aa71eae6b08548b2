// npm run bench:export: export throughput end to end through `npm run export` (lib/export, what
// the download route streams), CSV and Parquet, for the two largest datasets, beside a plain
// `COPY (the dataset's query) TO STDOUT` of the same stored rows read in the same process (what
// reading them out of PostgreSQL costs at least). The database (bench_export in a cluster of its
// own, .data/bench-export-postgres) is seeded once, deterministically, as scripts/export-bench.ts
// does (20k contributors, 200k contributions, 600k links, recomputed: 1.2M attribution-flow rows,
// 1.5M lifecycle rows) and kept; BENCH_EXPORT_RESEED=1 seeds it again. Files go to
// .data/bench-io/exports. Each export runs in a child process of its own: wall time and peak RSS.
import { mkdirSync, statSync } from "node:fs";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { ECOSYSTEM_OPTION } from "@/lib/analytics/scope";
import { startEmbeddedServer } from "@/lib/db/embedded-server";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemoCommunity } from "@/lib/demo/seed";
import { DATASETS } from "@/lib/export/datasets";
import { parseExportRequest } from "@/lib/export/filters";
import { getExportRunOrThrow } from "@/lib/export/metadata";
import { openSnapshot } from "@/lib/export/source";
import type { DatasetId, ResolvedFilters } from "@/lib/export/types";
import { recomputeMetrics } from "@/lib/jobs/recompute";
import { IO_WORK_DIR, runCli } from "./import";
import { printTable, section } from "./report";

export const EXPORT_DATA_DIR = ".data/bench-export-postgres";
const EXPORT_DATABASE = "bench_export";
const SIZE = { contributors: 20_000, years: 3, projects: 8, campaigns: 3, contributions: 200_000, links: 600_000 };
const END_AT = Date.UTC(2026, 10, 23, 12);
const DATASETS_BENCHED: DatasetId[] = ["attribution-flow", "lifecycle"];
const FORMATS = ["csv", "parquet"] as const;
const GOAL_ROWS_PER_S = 200_000;
const GOAL_PEAK_MB = 300;

async function ensureSeeded(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  try {
    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM metric_runs WHERE status = 'succeeded'");
    if (rows[0].n > 0 && process.env.BENCH_EXPORT_RESEED !== "1") return;
    let t = performance.now();
    await seedDemoCommunity(url, { size: SIZE, endAt: END_AT, onExisting: "replace" });
    console.log(`Seeded ${EXPORT_DATABASE} (${JSON.stringify(SIZE)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const s = await recomputeMetrics(pool, { asOfMs: END_AT });
    console.log(`Recomputed run ${s.runId}: ${s.rows.toLocaleString("en-US")} result rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await pool.end();
  }
}

/** The dataset's stored rows through a plain COPY TO STDOUT, bytes counted and dropped. */
async function plainCopy(url: string, dataset: DatasetId): Promise<{ seconds: number; rows: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const snapshot = await openSnapshot(pool);
  try {
    const req = parseExportRequest({ dataset, format: "csv" });
    const scope = ECOSYSTEM_OPTION;
    const filters: ResolvedFilters = {
      project: scope.slug, scope: scope.scope, projectId: scope.projectId, unit: req.unit, from: req.from, to: req.to,
      segment: req.segment, variant: req.variant, pseudonymize: false,
    };
    const run = await getExportRunOrThrow(snapshot.client);
    await snapshot.bind({ run_id: run.id, scope: filters.scope, unit: filters.unit, segment: filters.segment, variant: filters.variant });
    const t = performance.now();
    let rows = 0;
    for await (const chunk of snapshot.client.query(copyTo(`COPY (${DATASETS[dataset].query({ ...filters, runId: run.id })}) TO STDOUT`)) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
    }
    return { seconds: (performance.now() - t) / 1000, rows };
  } finally {
    await snapshot.close();
    await pool.end();
  }
}

export async function benchExport(): Promise<void> {
  const server = await startEmbeddedServer({ dataDir: EXPORT_DATA_DIR });
  try {
    await server.createDatabase(EXPORT_DATABASE);
    const url = server.urlFor(EXPORT_DATABASE);
    await applyMigrations(url);
    await ensureSeeded(url);
    const outDir = `${IO_WORK_DIR}/exports`;
    mkdirSync(outDir, { recursive: true });
    const table: string[][] = [];
    for (const dataset of DATASETS_BENCHED) {
      const floor = await plainCopy(url, dataset);
      for (const format of FORMATS) {
        const out = `${outDir}/${dataset}.${format}`;
        const run = runCli("scripts/export.ts", [dataset, "--format", format, "--out", out], { ...process.env, DATABASE_URL: url });
        const m = /Wrote ([\d,]+) rows .* in ([\d.]+) s; peak memory/.exec(run.stdout);
        if (!m) throw new Error(`unexpected output of the export: ${run.stdout}`);
        const rows = Number(m[1].replace(/,/g, ""));
        const inner = Number(m[2]);
        const rate = rows / run.seconds;
        const met = rate >= GOAL_ROWS_PER_S && run.peakRssMb < GOAL_PEAK_MB;
        table.push([
          dataset, format, rows.toLocaleString("en-US"), run.seconds.toFixed(1), inner.toFixed(1), Math.round(rate).toLocaleString("en-US"),
          Math.round(rows / inner).toLocaleString("en-US"), run.cpuSeconds.toFixed(1), run.peakRssMb.toFixed(0), (statSync(out).size / 1e6).toFixed(0),
          `${floor.rows.toLocaleString("en-US")} rows in ${floor.seconds.toFixed(1)} s (${Math.round(floor.rows / floor.seconds).toLocaleString("en-US")}/s)`,
          `${(run.seconds / floor.seconds).toFixed(1)}x`, met ? "met" : "not met",
        ]);
      }
    }
    section("Export (npm run export, ecosystem scope, weekly; the bench_export database)");
    printTable(["dataset", "format", "rows written", "seconds (process)", "seconds (export)", "rows/s (process)", "rows/s (export)", "CPU s (node)", "peak RSS MB", "file MB",
      "plain COPY TO of the stored rows", "process ÷ COPY TO", `goal ≥ ${GOAL_ROWS_PER_S / 1000}k rows/s (process), < ${GOAL_PEAK_MB} MB`], table);
    console.log("\nLifecycle writes more rows than it reads: the stored rows are the active periods, the file fills in every period between (lib/export/datasets/lifecycle.ts).");
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchExport();
  process.exit(0);
}
