// An import whose process died (crash, restart, Ctrl-C) leaves its row "running" with nobody
// holding its advisory lock. Whoever looks next (the imports page, the CLI) marks it failed.
import type pg from "pg";
import { IMPORT_LOCK_NAMESPACE } from "./batch-row";

export const ABANDONED_MESSAGE = "The process running this import stopped before it finished. Batches committed before that are kept; importing the file again loads the rest.";

/** Marks every abandoned import failed; returns their ids. */
export async function markAbandonedImportsSql(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ id: number }>("SELECT id FROM import_batches WHERE status IN ('queued', 'running') ORDER BY id");
  if (rows.length === 0) return [];
  const client = await pool.connect();
  const marked: number[] = [];
  try {
    for (const { id } of rows) {
      const { rows: [lock] } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [IMPORT_LOCK_NAMESPACE, id]);
      if (!lock.ok) continue;
      try {
        const updated = await client.query(
          "UPDATE import_batches SET status = 'failed', phase = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status IN ('queued', 'running')",
          [id, ABANDONED_MESSAGE],
        );
        if (updated.rowCount) marked.push(id);
      } finally {
        await client.query("SELECT pg_advisory_unlock($1, $2)", [IMPORT_LOCK_NAMESPACE, id]);
      }
    }
  } finally {
    client.release();
  }
  return marked;
}
