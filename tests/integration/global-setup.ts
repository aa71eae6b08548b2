// Starts one embedded PostgreSQL for the whole integration run and prepares a template database
// with every migration applied. Each test file then clones the template (CREATE DATABASE …
// TEMPLATE), which takes milliseconds, so files never see each other's rows.
import type { TestProject } from "vitest/node";
import pg from "pg";
import { startEmbeddedServer, type EmbeddedServer } from "../../lib/db/embedded-server";
import { applyMigrations } from "../../lib/db/migrate";

export const TEMPLATE_DB = "understory_template";
let server: EmbeddedServer | null = null;

export default async function setup(project: TestProject) {
  let adminUrl: string;
  if (process.env.TEST_DATABASE_ADMIN_URL) {
    // An external server: a role that may create databases, e.g. postgresql://postgres@host/postgres
    adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  } else {
    server = await startEmbeddedServer({ dataDir: `${process.env.TEST_DATA_DIR ?? ".data"}/test-postgres` });
    adminUrl = server.urlFor("postgres");
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await applyMigrations(templateUrl.toString());
  // No session may stay on a template database, or CREATE DATABASE … TEMPLATE refuses it.
  const closer = new pg.Client({ connectionString: adminUrl });
  await closer.connect();
  await closer.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [TEMPLATE_DB]);
  await closer.end();
  project.provide("pgAdminUrl", adminUrl);
  return async () => {
    await server?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
