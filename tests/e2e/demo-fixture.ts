// The demo community at a fixed instant, with its metrics computed, for the dashboard e2e tests:
// the same generator and recompute job as `npm start`, so the pages show what a user would see.
import pg from "pg";
import { seedDemoCommunity } from "../../lib/demo/seed";
import { loadGraphInput } from "../../lib/jobs/load-graph";
import { recomputeMetrics } from "../../lib/jobs/recompute";
import { parseParams } from "../../lib/metrics/params";
import { runEngine, type EngineOutput } from "../../lib/metrics/run-engine";

/** Monday 2026-11-23 12:00 UTC: the week of 2026-11-23 is the incomplete current one. */
export const DEMO_AS_OF = Date.UTC(2026, 10, 23, 12);

export async function seedDemoWithMetrics(databaseUrl: string): Promise<void> {
  await seedDemoCommunity(databaseUrl, { size: "demo", endAt: DEMO_AS_OF });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  try {
    await recomputeMetrics(pool, { asOfMs: DEMO_AS_OF });
  } finally {
    await pool.end();
  }
}

/** The engine run directly on the same rows: the reference the pages' numbers are checked against. */
export async function engineReference(databaseUrl: string): Promise<EngineOutput> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    const input = await loadGraphInput(client);
    return runEngine({ graph: input, asOfMs: DEMO_AS_OF, params: parseParams({}) });
  } finally {
    client.release();
    await pool.end();
  }
}
