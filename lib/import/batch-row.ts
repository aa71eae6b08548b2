// The import_batches row of a running import: created together with a session advisory lock that
// its connection holds until the import ends. A row still "running" whose lock is free belongs to
// a process that died (queries.ts marks it failed); the lock makes that safe across processes and
// replicas without a heartbeat.
import type pg from "pg";

/** first key of the two-key advisory lock ("IMPB"); the second is the import_batches id */
export const IMPORT_LOCK_NAMESPACE = 0x494d5042;

export interface BatchMeta {
  kind: "contributions" | "links" | "git";
  format: "csv" | "jsonl" | "git";
  filename: string;
  /** the source name the external ids are namespaced by */
  source: string;
  actorId: number | null;
}

export interface BatchCounts {
  totalRows: number;
  insertedRows: number;
  skippedRows: number;
  errorRows: number;
}

export async function createLockedBatch(client: pg.ClientBase, meta: BatchMeta): Promise<number> {
  // The lock is taken before the row becomes visible (same transaction), so no sweep can see the
  // row unlocked; a session lock outlives the transaction.
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO import_batches (kind, format, filename, source, status, phase, created_by_id) VALUES ($1, $2, $3, $4, 'running', 'starting', $5) RETURNING id`,
      [meta.kind, meta.format, meta.filename.slice(0, 500), meta.source, meta.actorId],
    );
    await client.query("SELECT pg_advisory_lock($1, $2)", [IMPORT_LOCK_NAMESPACE, rows[0].id]);
    await client.query("COMMIT");
    return rows[0].id;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

export async function writeProgress(client: pg.ClientBase, id: number, phase: string, progress: number, c: BatchCounts): Promise<void> {
  await client.query(
    `UPDATE import_batches SET phase = $2, progress = $3, total_rows = $4, inserted_rows = $5, skipped_rows = $6, error_rows = $7 WHERE id = $1`,
    [id, phase, Math.max(0, Math.min(1, progress)), c.totalRows, c.insertedRows, c.skippedRows, c.errorRows],
  );
}

/** PostgreSQL's text and jsonb cannot hold U+0000; a report that quotes a file's NUL bytes shows them escaped instead of failing to save. */
const storable = (s: string) => s.replace(/\u0000/g, "\\u0000");

export async function finishBatch(client: pg.ClientBase, id: number, status: "succeeded" | "failed", phase: string, c: BatchCounts, errors: unknown[], error: string | null): Promise<void> {
  await client.query(
    `UPDATE import_batches SET status = $2::"RunStatus", phase = $3, progress = CASE WHEN $2::"RunStatus" = 'succeeded' THEN 1 ELSE progress END,
       total_rows = $4, inserted_rows = $5, skipped_rows = $6, error_rows = $7, errors = $8, error = $9, finished_at = now() WHERE id = $1`,
    [id, status, phase, c.totalRows, c.insertedRows, c.skippedRows, c.errorRows, JSON.stringify(errors, (_key, value: unknown) => (typeof value === "string" ? storable(value) : value)), error === null ? null : storable(error)],
  );
}

export async function releaseBatchLock(client: pg.ClientBase, id: number): Promise<void> {
  await client.query("SELECT pg_advisory_unlock($1, $2)", [IMPORT_LOCK_NAMESPACE, id]);
}
