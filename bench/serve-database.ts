// The serving benchmarks' own bench-size cluster in .data/serve-postgres (never .data/bench-postgres,
// which bench:recompute rewrites). On first use it is seeded and recomputed exactly as the recompute
// bench does its own (bench/recompute.ts), so a fresh clone needs nothing but `npm install`.
import { existsSync } from "node:fs";
import pg from "pg";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/db/embedded-server";
import { applyMigrations } from "@/lib/db/migrate";
import { BENCH_SIZE } from "@/lib/demo/generator";
import { BENCH_DATABASE, benchRecompute } from "./recompute";

export const SERVE_DATA_DIR = ".data/serve-postgres";

export async function queryOne<T>(url: string, sql: string, params: unknown[] = []): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows[0] as T;
  } finally {
    await c.end();
  }
}

/** Bench size and a finished run: what the dashboards and the metric reads need. */
async function isReady(url: string): Promise<boolean> {
  try {
    const r = await queryOne<{ n: string; runs: string }>(url,
      "SELECT (SELECT count(*) FROM contributions)::text AS n, (SELECT count(*) FROM metric_runs WHERE status = 'succeeded')::text AS runs");
    return Number(r.n) >= 0.9 * (BENCH_SIZE.contributions ?? 0) && Number(r.runs) > 0;
  } catch {
    return false; // no database yet
  }
}

export interface ServeDatabase {
  server: EmbeddedServer;
  url: string;
}

/** Starts the cluster (seeding and recomputing it first when needed) with every migration applied. */
export async function startServeDatabase(): Promise<ServeDatabase> {
  if (existsSync(`${SERVE_DATA_DIR}/cluster/PG_VERSION`)) {
    const server = await startEmbeddedServer({ dataDir: SERVE_DATA_DIR });
    const url = server.urlFor(BENCH_DATABASE);
    if (await isReady(url)) {
      await applyMigrations(url);
      return { server, url };
    }
    await server.stop();
  }
  console.log(`No bench-size database with a finished run in ${SERVE_DATA_DIR}: seeding and recomputing one (about 15 minutes, once) …`);
  await benchRecompute({ dataDir: SERVE_DATA_DIR });
  const server = await startEmbeddedServer({ dataDir: SERVE_DATA_DIR });
  return { server, url: server.urlFor(BENCH_DATABASE) };
}
