// Export throughput on a larger run: seeds a community bigger than the demo into its own embedded
// cluster (<TEST_DATA_DIR or .data>/export-bench-postgres, kept between runs), recomputes once,
// then runs `npm run export` for every dataset and format in a child process of its own and
// reports rows, rows/s, file size and the child's peak memory. Usage:
//   npx tsx scripts/export-bench.ts [--contributors N] [--contributions N] [--links N] [--only <dataset>]
import { execFileSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedServer } from "../lib/db/embedded-server";
import { applyMigrations } from "../lib/db/migrate";
import { seedDemoCommunity } from "../lib/demo/seed";
import { DATASET_IDS, FORMATS } from "../lib/export/types";
import { recomputeMetrics } from "../lib/jobs/recompute";

const { values } = parseArgs({
  options: { contributors: { type: "string" }, contributions: { type: "string" }, links: { type: "string" }, only: { type: "string" } },
});
const size = {
  contributors: Number(values.contributors ?? 20_000), years: 3, projects: 8, campaigns: 3,
  contributions: Number(values.contributions ?? 200_000), links: Number(values.links ?? 600_000),
};
const OUT = "/tmp/understory-export-bench";
mkdirSync(OUT, { recursive: true });

const server = await startEmbeddedServer({ dataDir: `${process.env.TEST_DATA_DIR ?? ".data"}/export-bench-postgres` });
try {
  await server.createDatabase("export_bench");
  const url = server.urlFor("export_bench");
  await applyMigrations(url);
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  const { rows } = await pool.query("SELECT count(*)::int AS n FROM metric_runs WHERE status = 'succeeded'");
  if (rows[0].n === 0) {
    let t = performance.now();
    const report = await seedDemoCommunity(url, { size, endAt: Date.UTC(2026, 10, 23, 12), onExisting: "replace" });
    console.log(`seeded ${JSON.stringify(size)} in ${((performance.now() - t) / 1000).toFixed(1)} s`, report ? "" : "(kept)");
    t = performance.now();
    const s = await recomputeMetrics(pool, { asOfMs: Date.UTC(2026, 10, 23, 12) });
    console.log(`recomputed run ${s.runId}: ${s.rows.toLocaleString("en-US")} result rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  await pool.end();
  console.log("| dataset | format | rows | seconds | rows/s | file MB | peak MB |\n|---|---|---:|---:|---:|---:|---:|");
  for (const dataset of DATASET_IDS.filter((d) => !values.only || d === values.only)) {
    for (const format of FORMATS) {
      const out = `${OUT}/${dataset}.${format}`;
      const t = performance.now();
      const log = execFileSync(process.execPath, ["--import", "tsx", "scripts/export.ts", dataset, "--format", format, "--out", out], {
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" }, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"],
      });
      const seconds = (performance.now() - t) / 1000;
      const m = /Wrote ([\d,]+) rows .* in ([\d.]+) s; peak memory (\d+) MB/.exec(log);
      if (!m) throw new Error(`unexpected output: ${log}`);
      const n = Number(m[1].replace(/,/g, ""));
      const inner = Number(m[2]);
      console.log(`| ${dataset} | ${format} | ${n.toLocaleString("en-US")} | ${inner.toFixed(1)} (process ${seconds.toFixed(1)}) | ${Math.round(n / Math.max(inner, 0.001)).toLocaleString("en-US")} | ${(statSync(out).size / 1e6).toFixed(1)} | ${m[3]} |`);
    }
  }
} finally {
  await server.stop();
}
process.exit(0);
