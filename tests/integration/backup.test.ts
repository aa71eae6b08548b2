// db:backup / db:restore round trip on real PostgreSQL. The source is this file's database with a
// small demo community (50 people, one year), one metrics recompute, and hand-made rows for every
// table the seed leaves empty: text with tabs, newlines, backslashes and emoji, JSON, arrays with
// NULLs, an audit id above 2^53, floats that print long, and a deleted last row (its sequence is
// ahead of max(id)). Each restore target is a new database on the same server: the first has no schema at all.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { createBackup } from "../../lib/db/backup/create-backup";
import { listSequences, listTables, nextSequenceValue } from "../../lib/db/backup/catalog";
import { BackupFormatError } from "../../lib/db/backup/format";
import { knownMigrations } from "../../lib/db/backup/migrations";
import { RestoreRefusedError, restoreBackup } from "../../lib/db/backup/restore-backup";
import { seedDemoCommunity } from "../../lib/demo/seed";
import { recomputeMetrics } from "../../lib/jobs/recompute";
import { rewriteBackup } from "./backup-rewrite";

const adminUrl = inject("pgAdminUrl");
const sourceUrl = process.env.DATABASE_URL ?? "";
const dir = mkdtempSync(path.join(os.tmpdir(), "understory-backup-test-"));
const backupFile = path.join(dir, "source.backup.gz");
const created: string[] = [];

const EDGE_NAME = 'Zoë\t"Ω" 🌱\nsecond line \\ back\r\nend';
const EDGE_JSON = { name: "Zoë\t\n🌱 \\", nested: { a: [1, 2.5, null, true], "key with \"quotes\"": "" } };
const BIG_AUDIT_ID = "9007199254740993"; // 2^53 + 1: not a JS number

async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/**
 * A new database on the test server: bare (no schema: restore applies the migrations), or a clone
 * of the migrated, empty template (faster: the wasm schema engine takes seconds per database).
 */
async function emptyDatabase(kind: "bare" | "migrated" = "migrated"): Promise<string> {
  const name = `restore_${randomBytes(5).toString("hex")}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}${kind === "migrated" ? " TEMPLATE understory_template" : ""}`));
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Per table: row count and md5 of all rows as text (sorted); per sequence: its next value. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    await c.query("SET TimeZone = 'UTC'; SET extra_float_digits = 3");
    const out: Record<string, string> = {};
    for (const t of await listTables(c)) {
      const { rows } = await c.query<{ n: number; h: string }>(
        `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS h FROM ${c.escapeIdentifier(t.name)} t`,
      );
      out[t.name] = `${rows[0].n} ${rows[0].h}`;
    }
    for (const s of await listSequences(c)) out[`seq ${s.table}.${s.column}`] = await nextSequenceValue(c, s);
    return out;
  });
}

async function seedEdgeRows(c: pg.Client): Promise<void> {
  const { rows: [user] } = await c.query<{ id: number }>(
    "INSERT INTO users (handle, name, email, is_imported) VALUES ('backup-edge', $1, NULL, true) RETURNING id", [EDGE_NAME]);
  const { rows: [token] } = await c.query<{ id: number }>(
    `INSERT INTO api_tokens (user_id, name, token_hash, prefix, scopes) VALUES ($1, 'ci, "token"', $2, 'us_edge', ARRAY['read', 'a "quoted", comma', NULL, 'ü\t'])
     RETURNING id`, [user.id, "a".repeat(64)]);
  await c.query("INSERT INTO api_tokens (user_id, name, token_hash, prefix, scopes, revoked_at) VALUES ($1, 'old', $2, 'us_old', NULL, '2026-02-03T04:05:06.789Z')", [user.id, "b".repeat(64)]);
  await c.query("INSERT INTO idempotency_keys (token_id, key, request_hash, status, response) VALUES ($1, 'key-1', 'h', 201, $2)", [token.id, JSON.stringify(EDGE_JSON)]);
  // the id comes from the sequence, moved near 2^53, so the source's sequence stays consistent
  await c.query("SELECT setval(pg_get_serial_sequence('audit_events', 'id'), $1::bigint - 1)", [BIG_AUDIT_ID]);
  await c.query("INSERT INTO audit_events (actor_id, action, entity_type, entity_id, before, after) VALUES ($1, 'backup.edge', 'user', $2, NULL, $3)",
    [user.id, String(user.id), JSON.stringify(EDGE_JSON)]);
  await c.query("INSERT INTO sign_in_attempts (key, succeeded) VALUES ('a', true), ('b', false), ('c', false)");
  await c.query("DELETE FROM sign_in_attempts WHERE key = 'c'");
  await c.query("INSERT INTO identity_merges (source_id, target_id, moved, source_before) VALUES ($1, 1, '{\"contributions\": [1, 2]}', $2)", [user.id, JSON.stringify(EDGE_JSON)]);
  await c.query("INSERT INTO ring_reviews (contribution_id, decision, note) VALUES ((SELECT min(id) FROM contributions), 'cleared', E'fine\\nreally')");
  await c.query("INSERT INTO import_batches (kind, format, filename, errors, error) VALUES ('contributions', 'csv', E'tab\\tname.csv', '[{\"line\": 3, \"message\": \"bad ü\"}]', NULL)");
  await c.query("INSERT INTO jobs (kind, payload, status) VALUES ('backup-edge', $1, 'failed')", [JSON.stringify(EDGE_JSON)]);
  await c.query("INSERT INTO metric_param_sets (project_id, params, hash) SELECT NULL, '{\"halfLife\": 0.30000000000000004}', 'edge' WHERE NOT EXISTS (SELECT 1 FROM metric_param_sets)");
  // floats whose shortest text is long, tiny, or not finite
  await c.query(`INSERT INTO metric_series (run_id, scope, period_unit, metric, period_start, value)
    SELECT max(id), 'backup-edge', 'month', m, '2026-01-01T00:00:00Z', v::float8 FROM metric_runs,
      (VALUES ('a', '0.30000000000000004'), ('b', '4.9e-324'), ('c', 'Infinity'), ('d', 'NaN'), ('e', NULL)) x(m, v) GROUP BY m, v`);
}

let source: Record<string, string>;
let restoredUrl: string;

beforeAll(async () => {
  await seedDemoCommunity(sourceUrl, { size: { contributors: 50, years: 1, projects: 3, campaigns: 1 }, seed: 7, endAt: Date.UTC(2026, 2, 1) });
  const pool = new pg.Pool({ connectionString: sourceUrl, max: 2 });
  await recomputeMetrics(pool, { asOfMs: Date.UTC(2026, 2, 1), threads: 1 });
  await pool.end();
  await withClient(sourceUrl, seedEdgeRows);
  source = await fingerprint(sourceUrl);
  await createBackup(sourceUrl, backupFile);
  restoredUrl = await emptyDatabase("bare");
  await restoreBackup(restoredUrl, backupFile);
}, 120_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await withClient(adminUrl, async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

describe("db:backup and db:restore", () => {
  test("the source fills every table of the schema, so the round trip covers them all", async () => {
    const empty = Object.entries(source).filter(([k, v]) => !k.startsWith("seq ") && v.startsWith("0 "));
    expect(empty).toEqual([]);
    expect(Object.keys(source).filter((k) => !k.startsWith("seq ")).length).toBe(26);
  });

  test("the file is private and names the source's migrations", async () => {
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const migrations = await withClient(restoredUrl, async (c) => (await c.query("SELECT migration_name FROM _prisma_migrations ORDER BY 1")).rows.map((r) => r.migration_name));
    const sourceMigrations = await withClient(sourceUrl, async (c) => (await c.query("SELECT migration_name FROM _prisma_migrations ORDER BY 1")).rows.map((r) => r.migration_name));
    expect(migrations).toEqual(sourceMigrations);
    expect(migrations).toEqual(knownMigrations()); // every migration folder of the repository
  });

  test("a restore into an empty database reproduces every table row for row, and every sequence", async () => {
    expect(await fingerprint(restoredUrl)).toEqual(source);
  });

  test("text, JSON, arrays, NULLs, big ids and floats arrive exactly", async () => {
    await withClient(restoredUrl, async (c) => {
      const { rows: [u] } = await c.query("SELECT name, email FROM users WHERE handle = 'backup-edge'");
      expect(u).toEqual({ name: EDGE_NAME, email: null });
      const { rows: [t] } = await c.query("SELECT scopes FROM api_tokens WHERE prefix = 'us_edge'");
      expect(t.scopes).toEqual(["read", 'a "quoted", comma', null, "ü\t"]);
      const { rows: [a] } = await c.query("SELECT id::text AS id, after, before FROM audit_events WHERE action = 'backup.edge'");
      expect(a).toEqual({ id: BIG_AUDIT_ID, after: EDGE_JSON, before: null });
      const { rows: floats } = await c.query("SELECT metric, value::text AS v FROM metric_series WHERE scope = 'backup-edge' ORDER BY metric");
      expect(floats).toEqual([
        { metric: "a", v: "0.30000000000000004" }, { metric: "b", v: "5e-324" }, { metric: "c", v: "Infinity" }, { metric: "d", v: "NaN" }, { metric: "e", v: null },
      ]);
    });
  });

  test("the next insert gets the id the source would have given", async () => {
    const maxUser = await withClient(sourceUrl, async (c) => (await c.query("SELECT max(id) AS m FROM users")).rows[0].m as number);
    await withClient(restoredUrl, async (c) => {
      const user = await c.query("INSERT INTO users (handle, name) VALUES ('after-restore', 'After') RETURNING id");
      expect(user.rows[0].id).toBe(maxUser + 1);
      // 'c' was the third attempt and was deleted: the next one is the fourth, never a reused id
      const attempt = await c.query("INSERT INTO sign_in_attempts (key, succeeded) VALUES ('d', true) RETURNING id::int");
      expect(attempt.rows[0].id).toBe(4);
      const audit = await c.query("INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('x', 'y', 'z') RETURNING id::text");
      expect(audit.rows[0].id).toBe("9007199254740994");
    });
  });

  test("refuses a database that holds rows without --force, and changes nothing", async () => {
    const target = await emptyDatabase();
    await restoreBackup(target, backupFile);
    await withClient(target, (c) => c.query("INSERT INTO users (handle, name) VALUES ('extra', 'Extra')"));
    const before = await fingerprint(target);
    await expect(restoreBackup(target, backupFile)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreBackup(target, backupFile)).rejects.toThrow(/^The target database is not empty \(26 tables hold rows: .*Pass --force/);
    expect(await fingerprint(target)).toEqual(before);
    // --force replaces everything: the extra user is gone, the rest is the source again
    await restoreBackup(target, backupFile, { force: true });
    expect(await fingerprint(target)).toEqual(source);
  });
});

describe("a damaged backup", () => {
  let target: string;
  let before: Record<string, string>;
  const damaged = path.join(dir, "damaged.backup.gz");

  beforeAll(async () => {
    target = await emptyDatabase();
    await restoreBackup(target, backupFile);
    await withClient(target, (c) => c.query("INSERT INTO users (handle, name) VALUES ('target-only', 'Target')"));
    before = await fingerprint(target);
  });

  test("a truncated file fails with a clear message and leaves the target unchanged", async () => {
    const bytes = readFileSync(backupFile);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const run = restoreBackup(target, damaged, { force: true });
    await expect(run).rejects.toThrow(BackupFormatError);
    await expect(restoreBackup(target, damaged, { force: true })).rejects.toThrow(/^The backup file is truncated or corrupt: /);
    expect(await fingerprint(target)).toEqual(before);
  });

  test("a changed byte in a table's rows is caught by its checksum", async () => {
    const text = gunzipSync(readFileSync(backupFile));
    const at = text.indexOf("\\N\tbackup-edge\t") + 3; // users: id, email (NULL), handle
    expect(at).toBeGreaterThan(0);
    text.write("backup-edgf", at, "utf8");
    writeFileSync(damaged, gzipSync(text));
    await expect(restoreBackup(target, damaged, { force: true })).rejects.toThrow("The backup file is truncated or corrupt: the data of table users does not match its checksum.");
    expect(await fingerprint(target)).toEqual(before);
  });

  test("rows that break a foreign key roll the whole restore back", async () => {
    // a well-formed file (checksums recomputed) whose first author row names a missing user
    await rewriteBackup(backupFile, damaged, { table: "contribution_authors", data: (rows) => rows.replace(/^(\d+)\t\d+\t/, "$1\t999999\t") });
    await expect(restoreBackup(target, damaged, { force: true })).rejects.toThrow(/violates foreign key constraint "contribution_authors_user_id_fkey"/);
    expect(await fingerprint(target)).toEqual(before);
  });

  test("a database of another application is refused, and keeps its tables", async () => {
    const other = await emptyDatabase("bare");
    await withClient(other, (c) => c.query("CREATE TABLE invoices (id int PRIMARY KEY)"));
    await expect(restoreBackup(other, backupFile)).rejects.toThrow(
      "The target database holds tables (invoices) but no Understory migrations: it is another application's. Restore into an empty database.",
    );
    expect(await withClient(other, async (c) => (await c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows)).toEqual([{ tablename: "invoices" }]);
  });

  test("a backup made by newer code is refused before anything is written", async () => {
    await rewriteBackup(backupFile, damaged, { manifest: (m) => ({ ...m, migrations: [...m.migrations, "29991231000000_from_the_future"] }) });
    await expect(restoreBackup(target, damaged, { force: true })).rejects.toThrow(
      "This backup was made by a newer version of Understory: this code does not know its migrations 29991231000000_from_the_future. Update the code, then restore.",
    );
    expect(await fingerprint(target)).toEqual(before);
  });
});
