// Runs before each integration test file: clones the migrated template into a database of the
// file's own and points DATABASE_URL at it before any app module reads the environment.
import { inject, afterAll } from "vitest";
import pg from "pg";
import { randomBytes } from "node:crypto";

const adminUrl = inject("pgAdminUrl");
const name = `test_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE understory_template`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.RECOMPUTE_DEBOUNCE_SECONDS ??= "0";
process.env.LOG_LEVEL ??= "silent";

afterAll(async () => {
  const { getPrisma } = await import("../../lib/db");
  await getPrisma().$disconnect();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await cleanup.end();
});
