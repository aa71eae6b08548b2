// The e2e harness: a private embedded PostgreSQL, a migrated database, and the production build
// served by `next start` on a free loopback port. The browser is Debian's Chromium.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { startEmbeddedServer, type EmbeddedServer } from "../../lib/db/embedded-server";
import { applyMigrations } from "../../lib/db/migrate";
import { NEXT_BIN } from "../../scripts/lib/children";
import { freePort } from "../../lib/free-port";

export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(Boolean) as string[];
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];

/** Fails loudly, with the command that fixes it, when no Chromium is installed: e2e never skips. */
export function chromiumPathOrThrow(): string {
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error("No Chromium found for the e2e tests. Install Debian's Chromium with:\n\n    sudo apt-get install -y chromium\n\n(or set CHROMIUM_PATH to a Chromium binary)");
  return found;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface AppUnderTest {
  baseUrl: string;
  databaseUrl: string;
  logs: string[];
  stop(): Promise<void>;
}

export async function startAppUnderTest(opts: { database: string; seed?: (url: string) => Promise<void> }): Promise<AppUnderTest> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(`${distDir}/BUILD_ID`)) throw new Error(`No production build in ${distDir}: run \`npx next build\` first (npm test does it).`);
  const pg: EmbeddedServer = await startEmbeddedServer({ dataDir: `${process.env.TEST_DATA_DIR ?? ".data"}/e2e-postgres` });
  const admin = pg.urlFor("postgres");
  const { default: pgLib } = await import("pg");
  const client = new pgLib.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${opts.database} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${opts.database}`);
  await client.end();
  const databaseUrl = pg.urlFor(opts.database);
  await applyMigrations(databaseUrl);
  if (opts.seed) await opts.seed(databaseUrl);
  const port = await freePort();
  const logs: string[] = [];
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      NEXT_TELEMETRY_DISABLED: "1",
      RECOMPUTE_DEBOUNCE_SECONDS: "3600",
      SIGNIN_MAX_ATTEMPTS: "3",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => logs.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => logs.push(d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/sign-in`, child);
  } catch (e) {
    child.kill("SIGTERM");
    await pg.stop();
    throw new Error(`${(e as Error).message}\n${logs.join("")}`);
  }
  return {
    baseUrl,
    databaseUrl,
    logs,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
      await pg.stop();
    },
  };
}
