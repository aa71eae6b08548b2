// The app the load and fault tests talk to over HTTP, on a PostgreSQL of their own (never the
// suite's shared cluster: database-restart.test.ts stops and restarts it). Two ways to serve it:
// - "next": `next start` on the production build (NEXT_DIST_DIR), the whole Next request pipeline;
//   the default at full size (`npm run test:reliability` builds first when the build is stale);
// - "in-process": a node:http server in the test process that hands each request to the same route
//   handlers Next would call (app/api/v1/...); the default at ci size, where no build exists yet.
// RELIABILITY_HTTP=next|in-process overrides the choice.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import pg from "pg";
import { startEmbeddedServer, type EmbeddedServer } from "../../lib/db/embedded-server";
import { applyMigrations } from "../../lib/db/migrate";
import { NEXT_BIN } from "../../scripts/lib/children";
import { RELIABILITY_SCALE } from "./scale";
import { freePort } from "../../lib/free-port";

export type ServeMode = "next" | "in-process";

/** Load tests send hundreds of requests a second per token: the per-token limit is not under test here. */
const APP_ENV = { API_RATE_LIMIT_PER_MINUTE: "100000", API_RATE_LIMIT_BURST: "100000", RECOMPUTE_DEBOUNCE_SECONDS: "3600" };

export interface LoadApp {
  mode: ServeMode;
  baseUrl: string;
  databaseUrl: string;
  /** stops PostgreSQL (fast shutdown: connections are cut) */
  stopDatabase(): Promise<void>;
  /** starts it again on the same port and data folder */
  startDatabase(): Promise<void>;
  /** next start's output, or (in process) the errors the API logged */
  logs: string[];
  stop(): Promise<void>;
}

export function serveMode(): ServeMode {
  const forced = process.env.RELIABILITY_HTTP;
  if (forced === "next" || forced === "in-process") return forced;
  return RELIABILITY_SCALE === "full" ? "next" : "in-process";
}

/**
 * Starts a private PostgreSQL (TEST_DATA_DIR/reliability-postgres), a migrated database `name`,
 * points this process's DATABASE_URL at it (so factories and checks read what the app wrote), and
 * serves the app on it.
 */
export async function startLoadApp(name: string, mode: ServeMode = serveMode()): Promise<LoadApp> {
  const dataDir = `${process.env.TEST_DATA_DIR ?? ".data"}/reliability-postgres`;
  let server: EmbeddedServer | null = await startEmbeddedServer({ dataDir });
  const port = server.port;
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = server.urlFor(name);
  await applyMigrations(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  Object.assign(process.env, APP_ENV);

  const database = {
    async stopDatabase() {
      await server?.stop();
      server = null;
    },
    async startDatabase() {
      server = await startEmbeddedServer({ dataDir, port });
    },
  };
  const served = mode === "next" ? await serveWithNext(databaseUrl) : await serveInProcess();
  return {
    mode, databaseUrl, ...database, ...served,
    async stop() {
      await served.close();
      await server?.stop();
    },
  };
}

async function serveWithNext(databaseUrl: string): Promise<{ baseUrl: string; logs: string[]; close(): Promise<void> }> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(`${distDir}/BUILD_ID`)) throw new Error(`No production build in ${distDir}: run \`npx next build\` first (npm run test:reliability does it), or set RELIABILITY_HTTP=in-process.`);
  const port = await freePort();
  const logs: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env, ...APP_ENV, NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "reliability-secret-reliability-secret-0123", LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => logs.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => logs.push(d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  };
  for (const deadline = Date.now() + 90_000; ; ) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}\n${logs.join("")}`);
    const up = await fetch(`${baseUrl}/sign-in`, { redirect: "manual" }).then((r) => r.status < 500, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`next start did not answer within 90 s\n${logs.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, logs, close };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Record<string, Handler | unknown>;

/** The API routes the load uses, matched as Next's file-system router would. */
const ROUTES: { pattern: RegExp; load: () => Promise<RouteModule>; param?: string }[] = [
  { pattern: /^\/api\/v1\/contributions$/, load: () => import("../../app/api/v1/contributions/route") },
  { pattern: /^\/api\/v1\/contributions\/([^/]+)$/, load: () => import("../../app/api/v1/contributions/[id]/route"), param: "id" },
  { pattern: /^\/api\/v1\/links$/, load: () => import("../../app/api/v1/links/route") },
  { pattern: /^\/api\/v1\/links\/([^/]+)$/, load: () => import("../../app/api/v1/links/[id]/route"), param: "id" },
];

/** Errors the route wrapper logs (a 500's cause), kept so that a test can print them. */
async function captureLoggedErrors(logs: string[]) {
  const { logger } = await import("../../lib/logger");
  const child = logger.child.bind(logger);
  logger.child = ((...args: Parameters<typeof logger.child>) => {
    const c = child(...args);
    const error = c.error.bind(c);
    c.error = ((obj: unknown, ...rest: unknown[]) => {
      const err = (obj as { err?: Error })?.err;
      logs.push(String(err?.stack ?? err ?? JSON.stringify(obj)).slice(0, 2000));
      return (error as (...a: unknown[]) => void)(obj, ...rest);
    }) as typeof c.error;
    return c;
  }) as typeof logger.child;
}

async function serveInProcess(): Promise<{ baseUrl: string; logs: string[]; close(): Promise<void> }> {
  const logs: string[] = [];
  await captureLoggedErrors(logs);
  const modules = await Promise.all(ROUTES.map((r) => r.load()));
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const i = ROUTES.findIndex((r) => r.pattern.test(url.pathname));
      const handler = i < 0 ? undefined : (modules[i][req.method ?? "GET"] as Handler | undefined);
      if (!handler) {
        res.writeHead(i < 0 ? 404 : 405).end();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      const match = ROUTES[i].pattern.exec(url.pathname)!;
      const params = ROUTES[i].param ? { [ROUTES[i].param!]: decodeURIComponent(match[1]) } : {};
      const response = await handler(request, { params: Promise.resolve(params) });
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(body);
    } catch (e) {
      // A handler that throws is a 500 in Next too (the route wrapper should never let this happen).
      res.writeHead(500, { "content-type": "text/plain" }).end(String(e));
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const address = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    logs,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
