// A faster path for loading millions of rows, inside the load's transaction. Per-row foreign-key
// checks, the links' fill trigger and index maintenance cost ~60 µs per link row (3 minutes for 3M
// links). Instead, the standard bulk-load recipe: drop the loaded tables' foreign keys and
// secondary indexes, COPY, rebuild the indexes (one sort each), re-add the foreign keys (each
// validates every row in one anti-join), and check the fill trigger's work in one set-based query.
// Nothing is skipped: every constraint is checked, only in bulk; primary keys and CHECKs stay on
// throughout. Definitions are read from the catalog, so this follows whatever the migrations say.
// Other sessions never see anything missing: the DDL is transactional and holds its locks until
// commit. A role that does not own the tables cannot alter them; the load keeps the per-row path.
import type pg from "pg";

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

interface Index {
  name: string;
  definition: string;
}

export interface BulkMode {
  /** rebuilds the indexes, re-adds the foreign keys (validating them), re-enables the triggers,
   *  checks the links' times */
  restore(): Promise<void>;
}

export async function enterBulkMode(client: pg.ClientBase, tables: readonly string[]): Promise<BulkMode | null> {
  const { rows } = await client.query<ForeignKey>(
    `SELECT c.conrelid::regclass::text AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])
      ORDER BY c.conrelid::regclass::text, c.conname`,
    [tables.map((t) => client.escapeIdentifier(t))],
  );
  // indexes that back no constraint (primary keys stay: the foreign keys' validation uses them)
  const { rows: indexes } = await client.query<Index>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`,
    [tables.map((t) => client.escapeIdentifier(t))],
  );
  const links = client.escapeIdentifier("links");
  await client.query("SAVEPOINT bulk_mode");
  try {
    for (const fk of rows) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${client.escapeIdentifier(fk.name)}`);
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
    // user triggers only (the fill trigger); the CHECK constraints stay on and see every row
    await client.query(`ALTER TABLE ${links} DISABLE TRIGGER USER`);
    await client.query("RELEASE SAVEPOINT bulk_mode");
  } catch {
    await client.query("ROLLBACK TO SAVEPOINT bulk_mode");
    return null;
  }
  return {
    async restore() {
      await client.query("SET LOCAL maintenance_work_mem = '256MB'");
      for (const index of indexes) await client.query(index.definition);
      for (const fk of rows) {
        await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${client.escapeIdentifier(fk.name)} ${fk.definition}`);
      }
      await client.query(`ALTER TABLE ${links} ENABLE TRIGGER USER`);
      // what the fill trigger would have guaranteed: each link's time copies equal its endpoints'
      const { rows: bad } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM links l
           JOIN contributions f ON f.id = l.from_id
           JOIN contributions t ON t.id = l.to_id
          WHERE l.from_occurred_at <> f.occurred_at OR l.to_occurred_at <> t.occurred_at`,
      );
      if (bad[0].n > 0) throw new Error(`${bad[0].n} links carry occurredAt copies that differ from their contributions`);
    },
  };
}
