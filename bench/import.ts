// npm run bench:import: bulk import end to end through `npm run import` (lib/import, the path the
// admin upload takes), at 1M contributions (BENCH_IMPORT_ROWS to change it) with ~1M links, into
// a fresh database of a PostgreSQL cluster of its own (.data/bench-io-postgres). The input is
// generated once, deterministically (bench/import-input.ts), into .data/bench-io/. Each CLI runs
// in a child process of its own: its wall time (node start to exit), peak RSS and CPU time, and
// the CPU time the PostgreSQL cluster spent meanwhile (so a loaded machine can be seen through),
// beside a plain `COPY … FROM STDIN (FORMAT csv)` of the same file into an unindexed table (what
// moving the bytes into PostgreSQL costs at least). BENCH_PROFILE=1 runs the imports under
// `node --cpu-prof` (profiles in .data/bench-io/profiles).
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/db/embedded-server";
import { applyMigrations } from "@/lib/db/migrate";
import { ensureImportInput, IMPORT_PROJECTS } from "./import-input";
import { printTable, section } from "./report";

export const IO_DATA_DIR = ".data/bench-io-postgres";
export const IO_WORK_DIR = ".data/bench-io";
const IMPORT_DATABASE = "bench_import";
const GOAL_SECONDS = 60;

export interface ChildRun {
  seconds: number;
  peakRssMb: number;
  /** the child's own CPU time (user + system) */
  cpuSeconds: number;
  stdout: string;
}

/**
 * CPU seconds the PostgreSQL cluster in dataDir has used so far: the postmaster's own and its
 * reaped children's (ended backends), plus its live children's. A difference of two readings is
 * what the server spent on the work between them, whatever else loads the machine.
 */
export function clusterCpuSeconds(dataDir: string): number {
  const ticks = 100; // USER_HZ on Linux
  const fields = (pid: string) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  try {
    const master = readFileSync(`${dataDir}/cluster/postmaster.pid`, "utf8").split("\n")[0].trim();
    const f = fields(master);
    let total = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const c = fields(pid);
        if (c[1] === master) total += Number(c[11]) + Number(c[12]);
      } catch {
        // ended meanwhile
      }
    }
    return total / ticks;
  } catch {
    return NaN; // not Linux
  }
}

/** Runs a TypeScript CLI in a child node process and measures its wall time and peak RSS. */
export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv, profileDir?: string): ChildRun {
  mkdirSync(IO_WORK_DIR, { recursive: true });
  const rssFile = `${IO_WORK_DIR}/peak-rss-${process.pid}.txt`;
  rmSync(rssFile, { force: true });
  const nodeArgs = ["--import", "tsx", "--import", "./bench/report-peak-rss.ts"];
  if (profileDir) nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${profileDir}`);
  const t = performance.now();
  const r = spawnSync(process.execPath, [...nodeArgs, script, ...args], {
    env: { ...env, BENCH_PEAK_RSS_FILE: rssFile, LOG_LEVEL: "silent" }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${script} ${args.join(" ")} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const own = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, "utf8")) as { peakRssKb: number; cpuMs: number }) : { peakRssKb: NaN, cpuMs: NaN };
  rmSync(rssFile, { force: true });
  return { seconds, peakRssMb: own.peakRssKb / 1024, cpuSeconds: own.cpuMs / 1000, stdout: r.stdout };
}

async function freshDatabase(server: EmbeddedServer, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await server.createDatabase(name);
  const url = server.urlFor(name);
  await applyMigrations(url);
  return url;
}

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** The floor: the file's bytes COPYed as CSV into an unindexed table of text columns. */
async function plainCopySeconds(url: string, file: string, columns: number): Promise<number> {
  return withClient(url, async (c) => {
    const cols = Array.from({ length: columns }, (_, i) => `c${i} text`).join(", ");
    await c.query(`CREATE TABLE bench_copy_floor (${cols})`);
    const t = performance.now();
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), c.query(copyFrom("COPY bench_copy_floor FROM STDIN (FORMAT csv, HEADER true)")));
    const seconds = (performance.now() - t) / 1000;
    await c.query("DROP TABLE bench_copy_floor");
    return seconds;
  });
}

interface ImportFigures {
  seconds: number;
  cpuSeconds: number;
  pgCpuSeconds: number;
  innerSeconds: number;
  peakRssMb: number;
  inserted: number;
  skipped: number;
  refused: number;
  line: string;
}

function importCli(url: string, file: string, kind: "contributions" | "links", profileDir?: string): ImportFigures {
  const pg0 = clusterCpuSeconds(IO_DATA_DIR);
  const run = runCli("scripts/import.ts", [file, "--kind", kind, "--source", "bench"], { ...process.env, DATABASE_URL: url }, profileDir);
  const pgCpuSeconds = clusterCpuSeconds(IO_DATA_DIR) - pg0;
  const m = /Import \d+ succeeded in ([\d.]+) s: ([\d,]+) rows, ([\d,]+) inserted, ([\d,]+) already present \(skipped\), ([\d,]+) refused/.exec(run.stdout);
  if (!m) throw new Error(`could not read the import's report:\n${run.stdout}`);
  const n = (s: string) => Number(s.replace(/,/g, ""));
  return { seconds: run.seconds, cpuSeconds: run.cpuSeconds, pgCpuSeconds, innerSeconds: Number(m[1]), peakRssMb: run.peakRssMb, inserted: n(m[3]), skipped: n(m[4]), refused: n(m[5]), line: run.stdout.split("\n")[0] };
}

export async function benchImport(opts: { rows?: number; profile?: boolean } = {}): Promise<void> {
  const rows = opts.rows ?? Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
  const profileDir = opts.profile ?? process.env.BENCH_PROFILE === "1" ? `${IO_WORK_DIR}/profiles` : undefined;
  let t = performance.now();
  const input = await ensureImportInput(IO_WORK_DIR, rows);
  console.log(`Import input: ${input.contributionsCsv} and ${input.linksCsv} (${rows.toLocaleString("en-US")} contributions by ${input.people.toLocaleString("en-US")} people, ${input.links.toLocaleString("en-US")} links), ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const server = await startEmbeddedServer({ dataDir: IO_DATA_DIR });
  try {
    t = performance.now();
    const url = await freshDatabase(server, IMPORT_DATABASE);
    await withClient(url, (c) =>
      c.query("INSERT INTO projects (slug, name, kind) SELECT s, initcap(replace(s, '-', ' ')), 'datanet' FROM unnest($1::text[]) s", [IMPORT_PROJECTS]));
    console.log(`Fresh database ${IMPORT_DATABASE} migrated in ${((performance.now() - t) / 1000).toFixed(1)} s; importing …`);
    const contributions = importCli(url, input.contributionsCsv, "contributions", profileDir);
    console.log(`  ${contributions.line}`);
    const links = importCli(url, input.linksCsv, "links", profileDir);
    console.log(`  ${links.line}`);
    const again = importCli(url, input.contributionsCsv, "contributions");
    console.log(`  ${again.line}`);
    const floorContributions = await plainCopySeconds(url, input.contributionsCsv, 9);
    const floorLinks = await plainCopySeconds(url, input.linksCsv, 3);
    if (contributions.inserted !== rows || links.inserted !== input.links || again.skipped !== rows) {
      throw new Error(`unexpected counts: ${contributions.inserted} contributions, ${links.inserted} links inserted, ${again.skipped} skipped on the second import`);
    }

    section(`Bulk import (npm run import, ${rows.toLocaleString("en-US")} contributions and ${input.links.toLocaleString("en-US")} links from CSV, fresh database)`);
    const rate = (n: number, s: number) => Math.round(n / s).toLocaleString("en-US");
    const row = (what: string, n: number, f: ImportFigures, floor: number | null, goal: string) => [
      what, n.toLocaleString("en-US"), f.seconds.toFixed(1), f.innerSeconds.toFixed(1), rate(n, f.seconds), f.cpuSeconds.toFixed(1), f.pgCpuSeconds.toFixed(1), f.peakRssMb.toFixed(0),
      floor === null ? "—" : `${floor.toFixed(1)} s (${(f.seconds / floor).toFixed(1)}x)`, goal,
    ];
    printTable(["step", "rows", "seconds (process)", "seconds (import)", "rows/s", "CPU s (node)", "CPU s (PostgreSQL)", "peak RSS MB", "plain COPY FROM of the file", "goal"], [
      row("contributions, new", rows, contributions, floorContributions,
        rows === 1_000_000 ? `< ${GOAL_SECONDS} s: ${contributions.seconds < GOAL_SECONDS ? "met" : "not met"}` : `(goal is at 1M rows)`),
      row("links, new", input.links, links, floorLinks, "—"),
      row("contributions again (all already present)", rows, again, null, "nothing written"),
    ]);
    if (profileDir) console.log(`\nCPU profiles of the imports: ${profileDir}`);
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchImport();
  process.exit(0);
}
