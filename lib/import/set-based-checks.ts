// Bulk inserts without PostgreSQL's per-row foreign-key triggers. A batch of 50,000 contributions
// fires about 250,000 RI triggers (one SPI query each: project, creator, and per authorship the
// contribution and the user), which were most of an import's database time. Here the same checks
// run once per batch and set-based: every referenced row is locked FOR KEY SHARE (what each
// trigger does, so a concurrent delete waits for the batch exactly as it would), a missing one
// fails the batch, and only then do the inserts run with session_replication_role = replica
// (SET LOCAL: the transaction's own setting, back to origin right after). CHECK, NOT NULL and
// unique constraints are not triggers and still hold. The fast path is taken only where it is
// safe: a superuser connection (the setting needs it; the embedded cluster's role is one) and
// tables whose foreign keys and INSERT triggers are exactly those the caller re-does itself, so
// a later migration that adds one falls back to the plain inserts instead of skipping it.
import type pg from "pg";

export interface TriggerFreeSpec {
  /** "table.column->referenced_table" for every single-column foreign key of the tables */
  foreignKeys: string[];
  /** user-defined INSERT triggers on the tables that the caller does the work of itself */
  insertTriggers: string[];
}

const cache = new WeakMap<pg.ClientBase, Map<string, boolean>>();

/** Whether this connection may insert into `tables` with row triggers off (cached per connection). */
export async function canSkipRowTriggers(client: pg.ClientBase, tables: string[], spec: TriggerFreeSpec): Promise<boolean> {
  if (process.env.IMPORT_ROW_TRIGGERS === "on") return false;
  const key = `${tables.join(",")}|${spec.foreignKeys.join(",")}|${spec.insertTriggers.join(",")}`;
  let known = cache.get(client);
  if (!known) cache.set(client, (known = new Map()));
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const { rows: [r] } = await client.query<{ superuser: boolean; fks: string[]; triggers: string[] }>(
    `SELECT current_setting('is_superuser') = 'on' AS superuser,
       ARRAY(SELECT c.conrelid::regclass::text || '.' || a.attname || '->' || c.confrelid::regclass::text
               FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
              WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[]) AND cardinality(c.conkey) = 1
              UNION ALL
             SELECT c.conname FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[]) AND cardinality(c.conkey) <> 1) AS fks,
       ARRAY(SELECT t.tgname::text FROM pg_trigger t
              WHERE NOT t.tgisinternal AND t.tgrelid = ANY($1::regclass[]) AND (t.tgtype & 4) <> 0) AS triggers`,
    [tables],
  );
  const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
  const ok = r.superuser && same(r.fks, spec.foreignKeys) && same(r.triggers, spec.insertTriggers);
  known.set(key, ok);
  return ok;
}

/**
 * Locks the rows of `table` whose ids `idsSql` (a query of one column `id`) selects, as an RI
 * trigger does, and fails when any is missing: the same outcome as the trigger's error.
 */
export async function lockReferencedRows(client: pg.ClientBase, table: string, idsSql: string, what: string): Promise<void> {
  const { rows: [r] } = await client.query<{ wanted: string; locked: string }>(
    `WITH wanted AS (SELECT DISTINCT id FROM (${idsSql}) w WHERE id IS NOT NULL),
          locked AS (SELECT t.id FROM ${table} t WHERE t.id IN (SELECT id FROM wanted) ORDER BY t.id FOR KEY SHARE OF t)
     SELECT (SELECT count(*) FROM wanted) AS wanted, (SELECT count(*) FROM locked) AS locked`,
  );
  if (r.wanted !== r.locked) throw new Error(`import batch: ${Number(r.wanted) - Number(r.locked)} ${what} no longer exist`);
}

/** Runs fn with row triggers off for the rest of the statement(s) it runs, inside the caller's transaction. */
export async function withRowTriggersOff<T>(client: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  await client.query("SET LOCAL session_replication_role = replica");
  const out = await fn();
  // Only on success: after an error the transaction is aborted, and its ROLLBACK undoes the SET LOCAL.
  await client.query("SET LOCAL session_replication_role = origin");
  return out;
}
