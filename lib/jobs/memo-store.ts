// The engine memo's storage (table metric_memo, see lib/metrics/memo.ts): loaded whole before a
// run, and rewritten inside the run's results transaction, so a failed run leaves it as it was.
// After a run the table holds exactly the entries that run used or added: windows that no longer
// occur (their inputs changed) go, and the table stays about one run's size.
import type pg from "pg";
import type { MemoDelta } from "@/lib/metrics/memo";

/** An INSERT's parameters stay under this many bytes (bytea travels as hex text, twice its size). */
const INSERT_BYTES = 4 << 20;
/** Keys per UPDATE of the used entries. */
const UPDATE_BATCH = 5_000;

export async function loadMemo(client: pg.ClientBase): Promise<Map<string, Uint8Array>> {
  const { rows } = await client.query<{ key: string; value: Buffer }>("SELECT key, value FROM metric_memo");
  return new Map(rows.map((r) => [r.key, new Uint8Array(r.value.buffer, r.value.byteOffset, r.value.byteLength)]));
}

/** Merges the scopes' deltas of one run. */
export class MemoRunLog {
  readonly added = new Map<string, Uint8Array>();
  readonly used = new Set<string>();
  hits = 0;
  misses = 0;

  record(delta: MemoDelta | null): void {
    if (!delta) return;
    for (const [k, v] of delta.added) this.added.set(k, v);
    for (const k of delta.used) this.used.add(k);
    this.hits += delta.hits;
    this.misses += delta.misses;
  }
}

/** Inside the run's transaction: add the new entries, mark the used ones, drop the rest. */
export async function saveMemo(client: pg.ClientBase, runId: number, log: MemoRunLog): Promise<void> {
  const added = [...log.added];
  for (let i = 0; i < added.length; ) {
    const batch: [string, Uint8Array][] = [];
    for (let bytes = 0; i < added.length && (batch.length === 0 || bytes + added[i][1].byteLength <= INSERT_BYTES); i++) {
      bytes += added[i][1].byteLength;
      batch.push(added[i]);
    }
    await client.query(
      `INSERT INTO metric_memo (key, value, last_used_run_id)
       SELECT k, v, $3 FROM unnest($1::text[], $2::bytea[]) AS t(k, v)
       ON CONFLICT (key) DO UPDATE SET last_used_run_id = EXCLUDED.last_used_run_id`,
      [batch.map(([k]) => k), batch.map(([, v]) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)), runId],
    );
  }
  const reused = [...log.used].filter((k) => !log.added.has(k));
  for (let i = 0; i < reused.length; i += UPDATE_BATCH) {
    await client.query("UPDATE metric_memo SET last_used_run_id = $2 WHERE key = ANY($1::text[])", [reused.slice(i, i + UPDATE_BATCH), runId]);
  }
  await client.query("DELETE FROM metric_memo WHERE last_used_run_id <> $1", [runId]);
}
