// What a backup holds, read from the catalog of the connection's current schema, so it follows
// whatever the migrations made: every table but Prisma's migration ledger (restore rebuilds the
// ledger by applying the migrations), its stored columns, its id sequences, and the order in which
// tables can be loaded with their foreign keys on (referenced tables first).
import type pg from "pg";

export const MIGRATIONS_TABLE = "_prisma_migrations";

export interface TableInfo {
  name: string;
  columns: string[];
}

export interface SequenceInfo {
  table: string;
  column: string;
}

/**
 * Tables with their stored (not generated) columns, in foreign-key order, ties by name. A
 * partitioned table is one table: its partitions (one per recompute run) are read through it and
 * restored into it (the restored rows land in its DEFAULT partition).
 */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $1
      GROUP BY c.relname
      ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid
       JOIN pg_class pa ON pa.oid = k.confrelid
      WHERE k.contype = 'f' AND ch.relnamespace = current_schema()::regnamespace AND ch.oid <> pa.oid`,
  );
  return dependencyOrder(rows, edges);
}

/**
 * Kahn's algorithm: a table comes after every table it references. Tables in a reference cycle
 * (none today) go last by name; restore loads them with foreign keys dropped (bulk mode).
 */
export function dependencyOrder<T extends { name: string }>(tables: T[], edges: { child: string; parent: string }[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const e of edges) if (byName.has(e.child) && byName.has(e.parent)) parents.get(e.child)!.add(e.parent);
  const done = new Set<string>();
  const out: T[] = [];
  for (;;) {
    const ready = [...parents.keys()].filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p))).sort();
    if (ready.length === 0) break;
    for (const n of ready) {
      done.add(n);
      out.push(byName.get(n)!);
    }
  }
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) if (!done.has(t.name)) out.push(t);
  return out;
}

/** Columns that own a sequence (serial, bigserial, identity). */
export async function listSequences(client: pg.ClientBase): Promise<SequenceInfo[]> {
  const { rows } = await client.query<SequenceInfo>(
    `SELECT t.relname AS "table", a.attname AS "column"
       FROM pg_depend d
       JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
        AND t.relnamespace = current_schema()::regnamespace AND t.relname <> $1
      ORDER BY 1, 2`,
    [MIGRATIONS_TABLE],
  );
  return rows;
}

/** The value nextval() would return now: last_value + 1 once called, else last_value itself. */
export async function nextSequenceValue(client: pg.ClientBase, seq: SequenceInfo): Promise<string> {
  const { rows } = await client.query<{ seq: string }>("SELECT pg_get_serial_sequence($1, $2) AS seq", [client.escapeIdentifier(seq.table), seq.column]);
  const { rows: state } = await client.query<{ next: string }>(
    `SELECT (CASE WHEN is_called THEN last_value + 1 ELSE last_value END)::text AS next FROM ${rows[0].seq}`,
  );
  return state[0].next;
}

/** Names of the migrations recorded as applied, sorted; [] on a database never migrated. */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows: exists } = await client.query<{ t: string | null }>("SELECT to_regclass($1) AS t", [client.escapeIdentifier(MIGRATIONS_TABLE)]);
  if (!exists[0].t) return [];
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${client.escapeIdentifier(MIGRATIONS_TABLE)}
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

/** The tables (of those given) that hold at least one row. */
export async function tablesWithRows(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const checks = tables.map((t, i) => `SELECT $${i + 1}::text AS name WHERE EXISTS (SELECT 1 FROM ${client.escapeIdentifier(t)})`);
  const { rows } = await client.query<{ name: string }>(checks.join(" UNION ALL "), tables);
  return rows.map((r) => r.name).sort();
}
