// The graph rows a stress run starts from, loaded with the recompute's streamed COPY reads
// (lib/jobs/load-graph.ts) and kept in this process for a short while, keyed by the newest metric
// run: repeated runs reuse one load, and a new run (new writes were computed) reloads. Concurrent
// requests for the same run share one load. Only one entry is kept, and it is dropped after
// GRAPH_CACHE_TTL_MS, so an idle server does not hold the graph in memory.
//
// Reads only: COPY (SELECT ...) TO STDOUT inside a READ ONLY transaction, nothing else.
import pg from "pg";
import { databaseUrlOrThrow } from "@/lib/env";
import { loadGraphInput } from "@/lib/jobs/load-graph";
import { logger } from "@/lib/logger";
import type { GraphInput } from "@/lib/metrics/graph";

export const GRAPH_CACHE_TTL_MS = 5 * 60_000;

interface Entry {
  runId: number;
  /** when the load finished (or started, while it runs) */
  loadedAtMs: number;
  input: Promise<GraphInput>;
  isLoaded: boolean;
}

interface State {
  pool?: pg.Pool;
  entry?: Entry;
}

// On globalThis so development hot reloads keep one pool and one cached graph.
const root = globalThis as unknown as { understoryStress?: State };
const state = (): State => (root.understoryStress ??= {});

function pool(): pg.Pool {
  const s = state();
  if (!s.pool) {
    s.pool = new pg.Pool({ connectionString: databaseUrlOrThrow(), max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    // An idle connection the server closes must not crash the process.
    s.pool.on("error", (err) => logger.warn({ err }, "stress lab: idle database connection failed"));
  }
  return s.pool;
}

export interface LoadedGraph {
  input: GraphInput;
  /** false when this call loaded the rows (or waited for another request's load to finish) */
  isCached: boolean;
  /** time spent loading or waiting for the load, ms */
  loadMs: number;
}

function isFresh(e: Entry | undefined, runId: number, nowMs: number): e is Entry {
  return !!e && e.runId === runId && (!e.isLoaded || nowMs - e.loadedAtMs < GRAPH_CACHE_TTL_MS);
}

/** Is the graph of `runId` loaded and fresh (the next run will not reload)? */
export function isGraphCached(runId: number, nowMs = Date.now()): boolean {
  const e = state().entry;
  return isFresh(e, runId, nowMs) && e.isLoaded;
}

export async function getRunGraph(runId: number, nowMs = Date.now()): Promise<LoadedGraph> {
  const s = state();
  const t0 = performance.now();
  const existing = s.entry;
  if (isFresh(existing, runId, nowMs)) {
    const wasLoaded = existing.isLoaded;
    const input = await existing.input;
    return { input, isCached: wasLoaded, loadMs: wasLoaded ? 0 : Math.round(performance.now() - t0) };
  }
  const entry: Entry = { runId, loadedAtMs: nowMs, isLoaded: false, input: load() };
  s.entry = entry;
  try {
    const input = await entry.input;
    entry.isLoaded = true;
    entry.loadedAtMs = Date.now();
    setTimeout(() => {
      if (state().entry === entry) state().entry = undefined;
    }, GRAPH_CACHE_TTL_MS).unref();
    return { input, isCached: false, loadMs: Math.round(performance.now() - t0) };
  } catch (e) {
    if (s.entry === entry) s.entry = undefined;
    throw e;
  }
}

/** One read-only snapshot: the four COPY reads agree with each other, and the database refuses any write. */
async function load(): Promise<GraphInput> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const input = await loadGraphInput(client);
    await client.query("COMMIT");
    return input;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** Drops the cached graph and closes the pool (tests, shutdown). */
export async function resetStressGraphCache(): Promise<void> {
  const s = state();
  s.entry = undefined;
  const p = s.pool;
  s.pool = undefined;
  await p?.end();
}
