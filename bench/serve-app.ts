// The production build served by `next start` for the serving benchmarks: built once into its own
// folder (.next-bench, so a developer's .next is never touched), started on a free loopback port
// against a given database, and signed in to through Auth.js's own credentials endpoint.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import { generateToken } from "@/lib/tokens/format";
import type { TokenScope } from "@/lib/tokens/scopes";
import { NEXT_BIN } from "../scripts/lib/children";
import { freePort } from "@/lib/free-port";

export const BENCH_DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";

/** `next build` into BENCH_DIST_DIR when it holds no build yet (or when asked to rebuild). */
export function ensureBuild(rebuild = false): void {
  if (!rebuild && existsSync(`${BENCH_DIST_DIR}/BUILD_ID`)) return;
  console.log(`Building the app into ${BENCH_DIST_DIR} (next build, a few minutes) …`);
  // next build adds its dist folder's type paths to these files: a benchmark leaves the checkout as it was.
  const kept = ["tsconfig.json", "next-env.d.ts"].filter((f) => existsSync(f)).map((f) => [f, readFileSync(f, "utf8")] as const);
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" } });
  for (const [f, text] of kept) if (readFileSync(f, "utf8") !== text) writeFileSync(f, text);
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
}

export interface RunningApp {
  baseUrl: string;
  /** the server's last output chunks */
  logs: string[];
  /** its first error-level log lines (a 500's cause), kept apart so that later output cannot push them out */
  errorLines: string[];
  stop(): Promise<void>;
}

/** `next start` on the build against `databaseUrl`; `env` adds or overrides variables. */
export async function startApp(databaseUrl: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<RunningApp> {
  const port = await freePort();
  const logs: string[] = [];
  const errorLines: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-0123",
      NEXT_TELEMETRY_DISABLED: "1",
      // Request lines at info level would cost the server more than some requests do.
      LOG_LEVEL: "warn",
      // The recompute worker is not running here: queued recomputes just wait.
      RECOMPUTE_DEBOUNCE_SECONDS: "3600",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (d: Buffer) => {
    logs.push(d.toString());
    for (const line of d.toString().split("\n")) if (line.includes('"level":50') && errorLines.length < 20) errorLines.push(line);
    if (logs.length > 200) logs.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}\n${logs.join("")}`);
    try {
      if ((await fetch(`${baseUrl}/sign-in`, { redirect: "manual" })).status < 500) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 90 s\n${logs.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, logs, errorLines, stop };
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Signs in through /api/auth/callback/credentials as a browser would; returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/contributions` }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`signing in as ${email} failed (status ${res.status})`);
  return session;
}

/**
 * An API token for `userId`, stored as the app stores one (sha256 of the token, prefix, scopes).
 * Earlier bench tokens of that user are revoked first, so reruns never reach the per-user limit.
 */
export async function createBenchToken(databaseUrl: string, userId: number, scopes: TokenScope[]): Promise<string> {
  const { token, prefix, hash } = generateToken();
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query("UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND name LIKE 'bench %' AND revoked_at IS NULL", [userId]);
    await c.query("INSERT INTO api_tokens (user_id, name, token_hash, prefix, scopes) VALUES ($1, $2, $3, $4, $5)", [userId, `bench ${new Date().toISOString()}`, hash, prefix, scopes]);
  } finally {
    await c.end();
  }
  return token;
}
