// The db:backup / db:restore commands as a person runs them (exit codes and what they print), and
// the backup's snapshot: rows committed by another session while a backup runs are not in it.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import pg from "pg";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createBackup } from "../../lib/db/backup/create-backup";
import { knownMigrations } from "../../lib/db/backup/migrations";
import { verifyBackupFile } from "../../lib/db/backup/read-backup";
import { makeContribution, makeProject, makeUser } from "./factories";

const adminUrl = inject("pgAdminUrl");
const sourceUrl = process.env.DATABASE_URL ?? "";
const dir = mkdtempSync(path.join(os.tmpdir(), "understory-backup-cli-"));
const created: string[] = [];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(script: string, args: string[], databaseUrl: string): Promise<Run> {
  const tsx = path.resolve("node_modules/.bin/tsx");
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [script, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

async function migratedDatabase(): Promise<string> {
  const name = `restore_${randomBytes(5).toString("hex")}`;
  await query(adminUrl, `CREATE DATABASE ${name} TEMPLATE understory_template`);
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const counts = (url: string) =>
  query<{ users: number; contributions: number; authors: number }>(
    url,
    "SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM contributions) AS contributions, (SELECT count(*)::int FROM contribution_authors) AS authors",
  ).then((r) => r[0]);

beforeAll(async () => {
  const [alice, bob] = [await makeUser(), await makeUser()];
  const project = await makeProject({ maintainerIds: [alice.id] });
  await makeContribution({ projectId: project.id, authorIds: [alice.id, bob.id] });
  await makeContribution({ projectId: project.id, authorIds: [bob.id] });
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const name of created) await query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe("npm run db:backup / db:restore", () => {
  test("back up, restore, refuse a database with rows, refuse a truncated file", async () => {
    const file = path.join(dir, "cli.backup.gz");
    const backup = await run("scripts/db-backup.ts", ["--out", file], sourceUrl);
    expect(backup.code).toBe(0);
    // 2 users, 1 project, 1 maintainer, 2 contributions, 3 authors: 9 rows over 26 tables
    expect(backup.stdout).toMatch(new RegExp(`^Backed up 26 tables, 9 rows \\(PostgreSQL 15\\.\\d+, ${knownMigrations().length} migrations\\) in [\\d.]+ s to .*cli\\.backup\\.gz \\([\\d.]+ MiB\\)\\.$`, "m"));
    expect(backup.stderr).toContain("contribution_authors: 3 rows\n");

    const target = await migratedDatabase();
    const first = await run("scripts/db-restore.ts", [file], target);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Restored 26 tables, 9 rows from a backup of \S+ \(PostgreSQL 15\.\d+\) in [\d.]+ s\.$/m);
    expect(await counts(target)).toEqual({ users: 2, contributions: 2, authors: 3 });

    const again = await run("scripts/db-restore.ts", [file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("The target database is not empty (5 tables hold rows: contribution_authors, contributions, project_maintainers, projects, users). Pass --force to replace everything in it with the backup.");

    const truncated = path.join(dir, "truncated.backup.gz");
    writeFileSync(truncated, readFileSync(file).subarray(0, 200));
    const bad = await run("scripts/db-restore.ts", [truncated, "--force"], target);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/The backup file is truncated or corrupt: .+\. Nothing was restored\./);

  }, 60_000);
});

describe("the backup's snapshot", () => {
  test("rows another session commits while the backup runs are not in it, and the file stays consistent", async () => {
    const before = await counts(sourceUrl);
    const file = path.join(dir, "snapshot.backup.gz");
    const writer = new pg.Client({ connectionString: sourceUrl });
    await writer.connect();
    let wrote = false;
    try {
      await createBackup(sourceUrl, file, {
        // after the first table, a new user with a contribution and its author row commits
        onTableDone: async () => {
          if (wrote) return;
          wrote = true;
          await writer.query(`WITH u AS (INSERT INTO users (handle, name) VALUES ('mid-backup', 'Mid') RETURNING id),
            c AS (INSERT INTO contributions (project_id, title, kind, occurred_at) SELECT min(id), 'Mid', 'data', now() FROM projects RETURNING id)
            INSERT INTO contribution_authors (contribution_id, user_id, share) SELECT c.id, u.id, 1 FROM c, u`);
        },
      });
    } finally {
      await writer.end();
    }
    expect(await counts(sourceUrl)).toEqual({ users: before.users + 1, contributions: before.contributions + 1, authors: before.authors + 1 });
    const manifest = await verifyBackupFile(file);
    const rows = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    expect({ users: rows.users, contributions: rows.contributions, authors: rows.contribution_authors }).toEqual(before);
  });
});
