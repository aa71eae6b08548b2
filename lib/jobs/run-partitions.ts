// Each run's contributor-period rows (~17M at the benchmark's size) in a partition of their own
// (migration 20261201160000_contributor_periods_by_run). Inside the run's transaction the table is
// created without indexes, with a CHECK on its run id (so ATTACH need not scan it), every scope is
// COPYed into it as its thread finishes, and at the end ATTACH builds the parent's primary key on
// it in one sorted pass instead of 17M index insertions interleaved with the compute. Readers
// cannot see the table before the run commits, and a failed or killed run's table goes with its
// rollback. An old run's rows go with DROP TABLE: no 17M-row DELETE, no vacuum afterwards.
import type pg from "pg";

export const PARTITIONED_RESULT_TABLES = ["metric_contributor_periods"] as const;
export type PartitionedResultTable = (typeof PARTITIONED_RESULT_TABLES)[number];

/** Memory for the index build of ATTACH: the primary key of 17M rows sorts in memory with this. */
const INDEX_BUILD_MEMORY = "512MB";
/**
 * How long dropping an old partition may wait for its lock. DROP locks the parent exclusively, so
 * while it waits behind a long reader (an export's snapshot) every new reader queues behind it; it
 * gives up instead, and the next run drops the partition.
 */
const DROP_LOCK_TIMEOUT = "250ms";

export function runPartitionName(table: PartitionedResultTable, runId: number): string {
  if (!Number.isSafeInteger(runId) || runId <= 0) throw new Error(`bad run id ${runId}`);
  return `${table}_run_${runId}`;
}

/** Where rows of runs stored before partitioning, or restored from a backup, live. */
export const defaultPartitionName = (table: PartitionedResultTable): string => `${table}_default`;

/** Creates the run's empty, unattached partitions (call inside the run's transaction). */
export async function createRunPartitions(client: pg.ClientBase, runId: number): Promise<void> {
  for (const table of PARTITIONED_RESULT_TABLES) {
    const name = runPartitionName(table, runId);
    await client.query(`CREATE TABLE "${name}" (LIKE "${table}" INCLUDING DEFAULTS, CONSTRAINT "${name}_run" CHECK (run_id = ${runId}))`);
  }
}

/**
 * Indexes the run's partitions and attaches them (inside the run's transaction, after the last
 * COPY). ANALYZE first, so the first reads after the commit are planned with the new rows' figures.
 */
export async function attachRunPartitions(client: pg.ClientBase, runId: number): Promise<void> {
  await client.query(`SET LOCAL maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
  for (const table of PARTITIONED_RESULT_TABLES) {
    const name = runPartitionName(table, runId);
    await client.query(`ANALYZE "${name}"`);
    await client.query(`ALTER TABLE "${table}" ATTACH PARTITION "${name}" FOR VALUES IN (${runId})`);
  }
}

/** The run partitions attached to a table, by run id (the DEFAULT partition is not one). */
export async function listRunPartitions(client: pg.ClientBase, table: PartitionedResultTable): Promise<{ runId: number; name: string }[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass ORDER BY c.relname`,
    [table],
  );
  const prefix = `${table}_run_`;
  return rows.filter((r) => r.name.startsWith(prefix)).map((r) => ({ runId: Number(r.name.slice(prefix.length)), name: r.name }));
}

/**
 * Drops the partitions of the given runs, each in a transaction of its own with a short lock wait
 * (outside the run's transaction). Returns the runs whose partition could not be dropped now.
 */
export async function dropRunPartitions(client: pg.ClientBase, runIds: number[]): Promise<number[]> {
  const stale = new Set(runIds);
  const busy: number[] = [];
  for (const table of PARTITIONED_RESULT_TABLES) {
    for (const p of await listRunPartitions(client, table)) {
      if (!stale.has(p.runId)) continue;
      await client.query("BEGIN");
      try {
        await client.query(`SET LOCAL lock_timeout = '${DROP_LOCK_TIMEOUT}'`);
        await client.query(`DROP TABLE "${p.name}"`);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        if ((e as { code?: string }).code !== "55P03") throw e; // lock_not_available: retried next run
        busy.push(p.runId);
      }
    }
  }
  return busy;
}
