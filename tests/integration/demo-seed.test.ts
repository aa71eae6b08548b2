import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { verifyPassword } from "../../lib/auth/password";
import { DEMO_PASSWORD, DatabaseNotEmptyError, type SeedReport, seedDemoCommunity } from "../../lib/demo/seed";
import type { DemoScale } from "../../lib/demo/types";

// A small community (200 people, one year) through the real COPY path into a migrated database.
const SMALL: DemoScale = { contributors: 200, years: 1, projects: 6, campaigns: 2 };
const END_AT = Date.UTC(2026, 2, 15, 9, 30);
const url = () => process.env.DATABASE_URL ?? "";

let client: pg.Client;
let report: SeedReport;

async function count(table: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${client.escapeIdentifier(table)}`);
  return rows[0].n;
}

async function one<T>(sql: string): Promise<T> {
  const { rows } = await client.query(sql);
  return rows[0] as T;
}

/** every constraint, index and user trigger of the schema, to show the load put them all back */
async function schemaObjects(): Promise<string[]> {
  const { rows } = await client.query<{ o: string }>(`
    SELECT concat_ws(':', 'c', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS o FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
    UNION ALL SELECT concat_ws(':', 'i', indexdef) FROM pg_indexes WHERE schemaname = current_schema()
    UNION ALL SELECT concat_ws(':', 't', tgrelid::regclass, tgname, tgenabled) FROM pg_trigger WHERE NOT tgisinternal
    ORDER BY 1`);
  return rows.map((r) => r.o);
}

let before: string[];

beforeAll(async () => {
  client = new pg.Client({ connectionString: url() });
  await client.connect();
  before = await schemaObjects();
  const loaded = await seedDemoCommunity(url(), { size: SMALL, seed: 5, endAt: END_AT });
  if (!loaded) throw new Error("expected the seed to load");
  report = loaded;
});

afterAll(async () => {
  await client.end();
});

describe("seedDemoCommunity", () => {
  test("writes every generated row: the database counts equal the report's", async () => {
    const tables = { users: "users", projects: "projects", projectMaintainers: "project_maintainers", campaigns: "campaigns", contributions: "contributions", contributionAuthors: "contribution_authors", links: "links", disputes: "disputes" } as const;
    for (const [key, table] of Object.entries(tables)) expect([key, await count(table)]).toEqual([key, report.counts[key as keyof typeof tables]]);
    expect(report.counts.users).toBe(201);
    expect(report.counts.contributions).toBeGreaterThan(1_000);
    expect(report.counts.links).toBeGreaterThan(500);
    expect(report.counts.disputes).toBeGreaterThan(0);
  });

  test("leaves every constraint, index and trigger as the migrations made them", async () => {
    expect(await schemaObjects()).toEqual(before);
  });

  test("the data satisfies the invariants the triggers and write path keep", async () => {
    expect(await one("SELECT count(*)::int AS n FROM (SELECT contribution_id FROM contribution_authors GROUP BY 1 HAVING sum(share) <> 1) x")).toEqual({ n: 0 });
    expect(await one(`SELECT count(*)::int AS n FROM links l JOIN contributions f ON f.id = l.from_id JOIN contributions t ON t.id = l.to_id
      WHERE l.from_occurred_at <> f.occurred_at OR l.to_occurred_at <> t.occurred_at OR (f.occurred_at, f.id) <= (t.occurred_at, t.id)`)).toEqual({ n: 0 });
    expect(await one("SELECT count(*)::int AS n FROM contributions c WHERE NOT EXISTS (SELECT 1 FROM contribution_authors a WHERE a.contribution_id = c.id)")).toEqual({ n: 0 });
  });

  test("text with quotes, commas, backslashes, newlines and Unicode arrives intact", async () => {
    const { rows } = await client.query<{ description: string }>("SELECT DISTINCT description FROM contributions WHERE description <> '' ORDER BY 1");
    const texts = rows.map((r) => r.description);
    expect(texts).toContain("Raw files are under data\\raw\\2024 on the shared drive.");
    expect(texts).toContain("Split into two parts, the second one\nstill needs a reviewer.");
    expect(texts).toContain("Thanks to everyone at the \"Friday hack\" call, this was a team effort.");
    expect(texts).toContain("Tabs\tand odd whitespace in the source were normalised.");
    expect(await one("SELECT count(*)::int AS n FROM users WHERE name ~ '[^ -~]'")).not.toEqual({ n: 0 });
  });

  test("moves the id sequences past the loaded ids, so the app's next insert does not collide", async () => {
    const maxUser = await one<{ n: number }>("SELECT max(id)::int AS n FROM users");
    const { rows } = await client.query<{ id: number }>("INSERT INTO users (handle, name) VALUES ('fresh-user', 'Fresh User') RETURNING id");
    expect(rows[0].id).toBe(maxUser.n + 1);
    const maxLink = await one<{ n: number }>("SELECT max(id)::int AS n FROM links");
    expect(await one("SELECT nextval(pg_get_serial_sequence('links', 'id'))::int AS n")).toEqual({ n: maxLink.n + 1 });
    await client.query("DELETE FROM users WHERE handle = 'fresh-user'");
  });

  test("records one demo.seed audit event by the system, with the sizes", async () => {
    const { rows } = await client.query<{ actor_id: number | null; entity_id: string; after: { counts: Record<string, number>; size: string } }>(
      "SELECT actor_id, entity_id, after FROM audit_events WHERE action = 'demo.seed'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_id).toBeNull();
    expect(rows[0].entity_id).toBe("5");
    expect(rows[0].after.counts).toEqual(report.counts);
  });

  test("the three demo accounts sign in with the demo password; the contributor has a link awaiting them", async () => {
    const { rows } = await client.query<{ email: string; role: string; password_hash: string }>("SELECT email, role, password_hash FROM users WHERE password_hash IS NOT NULL ORDER BY id");
    expect(rows.map((r) => [r.email, r.role])).toEqual([
      ["admin@understory.demo", "admin"],
      ["maintainer@understory.demo", "maintainer"],
      ["contributor@understory.demo", "contributor"],
    ]);
    for (const r of rows) expect(await verifyPassword(r.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await one(`SELECT count(*)::int AS n FROM project_maintainers m JOIN users u ON u.id = m.user_id WHERE u.email = 'maintainer@understory.demo'`)).toEqual({ n: 2 });
    const awaiting = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM links l
        JOIN contribution_authors a ON a.contribution_id = l.to_id AND a.user_id = 3
       WHERE l.status = 'unconfirmed' AND NOT EXISTS (SELECT 1 FROM contribution_authors b WHERE b.contribution_id = l.from_id AND b.user_id = 3)`);
    expect(awaiting.n).toBeGreaterThan(0);
  });

  test("refuses a database that holds data, skips it when asked, and replaces it with force", async () => {
    await expect(seedDemoCommunity(url(), { size: SMALL, seed: 6, endAt: END_AT })).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    expect(await seedDemoCommunity(url(), { size: SMALL, seed: 6, endAt: END_AT, onExisting: "skip" })).toBeNull();
    const replaced = await seedDemoCommunity(url(), { size: SMALL, seed: 6, endAt: END_AT, onExisting: "replace" });
    expect(await count("contributions")).toBe(replaced?.counts.contributions);
    expect(await count("links")).toBe(replaced?.counts.links);
    // the audit log was truncated with the rest: only the new seed's event remains
    expect(await one("SELECT count(*)::int AS n FROM audit_events")).toEqual({ n: 1 });
    expect(await one("SELECT min(id)::int AS n FROM users")).toEqual({ n: 1 });
  });
});

describe("seedDemoCommunity as a role that does not own the tables", () => {
  const role = `demo_loader_${process.pid}`;
  const password = "loader-pass";

  afterAll(async () => {
    await client.query(`DROP OWNED BY ${role}`);
    await client.query(`DROP ROLE IF EXISTS ${role}`);
  });

  test("cannot take the bulk path, loads row by row with every check and trigger, and ends the same", async () => {
    await client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await client.query(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    // emptied by the owner: only an owner may restart the sequences
    const { rows } = await client.query<{ t: string }>("SELECT string_agg(quote_ident(tablename), ', ') AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'");
    await client.query(`TRUNCATE ${rows[0].t} RESTART IDENTITY CASCADE`);
    const limited = new URL(url());
    limited.username = role;
    limited.password = password;
    const loaded = await seedDemoCommunity(limited.toString(), { size: SMALL, seed: 5, endAt: END_AT });
    expect(loaded?.counts).toEqual(report.counts);
    expect(await count("links")).toBe(report.counts.links);
    expect(await schemaObjects()).toEqual(before);
  });
});
