// npm run bench:writes: contributions with links written through the REST API on the production
// build, at bench size. Each autocannon client is one contributor with their own token: it logs a
// contribution (POST /api/v1/contributions, with an Idempotency-Key as a careful client sends),
// then links it to 1–3 earlier contributions (POST /api/v1/links), and starts over. Everything the
// app guarantees stays on: validation, auth, the DAG check, the transaction, audit, idempotency
// and the recompute enqueue. Writes go to a scratch copy of the serving database (understory_writes,
// recreated from it each run), so every run starts from the same state and the reads bench's
// database never changes. Goal: ≥ 500 contributions/s sustained, p95 < 100 ms.
// Then the same clients write through POST /api/v1/contributions/batch for as long: each request
// BATCH_SIZE contributions with 1–3 links each (to existing work, or to earlier items of the same
// batch by ref), with an Idempotency-Key. Both phases print contributions/s, links/s, the
// per-request p50/p95/p99 and the errors.
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { BENCH_DATABASE } from "./recompute";
import { onResponse, percentile } from "./load";
import { createBenchToken, ensureBuild, startApp } from "./serve-app";
import { startServeDatabase } from "./serve-database";
import { printTable, section } from "./report";

export const WRITES_GOAL_PER_SECOND = 500;
export const WRITES_P95_GOAL_MS = 100;
const SCRATCH_DATABASE = "understory_writes";
const LINK_TYPES = ["builds_on", "cites", "reviews", "fixes"];
/** contributions per batch request (BENCH_BATCH_SIZE overrides) */
export const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 50);
/** concurrent batch clients (BENCH_BATCH_CONNECTIONS overrides): a few big requests keep the server as busy as 20 small ones */
export const BATCH_CONNECTIONS = 4;

export interface WritesFigures {
  seconds: number;
  connections: number;
  contributions: number;
  links: number;
  perSecond: number;
  linksPerSecond: number;
  contributionP50: number;
  contributionP95: number;
  linkP50: number;
  linkP95: number;
  allP95: number;
  allP99: number;
  errors: number;
  errorSamples: string[];
  copySeconds: number;
  batched: BatchFigures;
}

export interface BatchFigures {
  seconds: number;
  connections: number;
  batchSize: number;
  requests: number;
  contributions: number;
  links: number;
  perSecond: number;
  linksPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  errorSamples: string[];
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

/** A fresh copy of the serving database (file copy: seconds, where WAL-logged copy takes minutes). */
async function makeScratchCopy(adminUrl: string): Promise<number> {
  const t = performance.now();
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${SCRATCH_DATABASE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${SCRATCH_DATABASE} TEMPLATE ${BENCH_DATABASE} STRATEGY FILE_COPY`);
  });
  return (performance.now() - t) / 1000;
}

interface Writer {
  token: string;
  projectId: number;
}

/** `n` contributors with a token each, and earlier contributions of open projects to link to. */
async function prepareWriters(url: string, n: number): Promise<{ writers: Writer[]; targets: number[] }> {
  const users = await withClient(url, async (c) => (await c.query<{ id: number }>(
    "SELECT id FROM users WHERE role = 'contributor' AND deactivated_at IS NULL AND merged_into_id IS NULL AND id > 3 ORDER BY id LIMIT $1", [n])).rows);
  const projects = await withClient(url, async (c) => (await c.query<{ id: number }>("SELECT id FROM projects WHERE archived_at IS NULL ORDER BY id")).rows);
  const targets = await withClient(url, async (c) => (await c.query<{ id: number }>(
    `SELECT c.id FROM contributions c JOIN projects p ON p.id = c.project_id
     WHERE c.deleted_at IS NULL AND p.archived_at IS NULL AND c.occurred_at < now() - interval '1 day'
     ORDER BY c.id DESC LIMIT 5000`)).rows.map((r) => r.id));
  const writers: Writer[] = [];
  for (let i = 0; i < users.length; i++) writers.push({ token: await createBenchToken(url, users[i].id, ["read", "write"]), projectId: projects[i % projects.length].id });
  return { writers, targets };
}

interface ClientState {
  writer?: Writer;
  /** the contribution just created, and how many links it gets */
  id?: number;
  links?: number;
  /** this client's earlier contributions (always earlier in time than its next one) */
  own: number[];
  seq: number;
}

/** Batched writes: every client sends BATCH_SIZE contributions with their links per request. */
async function benchBatches(baseUrl: string, url: string, writers: Writer[], targets: number[], opts: { seconds: number; connections: number }): Promise<BatchFigures> {
  let nextWriter = 0;
  const times: number[] = [];
  const errorSamples: string[] = [];
  let wrong = 0;
  let requests = 0;
  const batchBody = (s: { writer: Writer; seq: number }) => {
    const at = new Date(Date.now() - 1000).toISOString();
    const items = Array.from({ length: BATCH_SIZE }, (_, i) => {
      const n = 1 + Math.floor(Math.random() * 3);
      const used = new Set<string>();
      const links: { toId?: number; toRef?: string; type: string }[] = [];
      while (links.length < n) {
        // Half to earlier items of this batch (same time: earlier in id order), half to older work.
        const toItem = i > 0 && Math.random() < 0.5;
        const to = toItem ? { toRef: `i${Math.floor(Math.random() * i)}` } : { toId: targets[Math.floor(Math.random() * targets.length)] };
        const key = to.toRef ?? `#${to.toId}`;
        if (used.has(key)) continue;
        used.add(key);
        links.push({ ...to, type: LINK_TYPES[links.length % LINK_TYPES.length] });
      }
      return { ref: `i${i}`, projectId: s.writer.projectId, title: `Batch contribution ${s.seq}.${i}`, kind: "code", occurredAt: at, description: "Written by bench/api-writes.ts.", links };
    });
    return JSON.stringify({ items });
  };
  const request: autocannon.Request = {
    method: "POST",
    path: "/api/v1/contributions/batch",
    setupRequest: (req, ctx) => {
      const s = ctx as { writer?: Writer; seq?: number };
      s.writer ??= writers[nextWriter++ % writers.length];
      s.seq = (s.seq ?? 0) + 1;
      return { ...req, headers: { ...req.headers, authorization: `Bearer ${s.writer.token}`, "content-type": "application/json", "idempotency-key": randomUUID() }, body: batchBody(s as { writer: Writer; seq: number }) };
    },
    onResponse: (status, body) => {
      requests++;
      if (status !== 201) {
        wrong++;
        if (errorSamples.length < 3) errorSamples.push(`batch ${status}: ${body.slice(0, 200)}`);
      }
    },
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: baseUrl, connections: opts.connections, duration: opts.seconds, requests: [request], timeout: 30 }, (err, res) => (err ? reject(err) : resolve(res)));
    onResponse(instance, (_client, _status, ms) => times.push(ms));
  });
  const created = await withClient(url, async (c) => (await c.query<{ c: string; l: string }>(
    "SELECT (SELECT count(*) FROM contributions WHERE title LIKE 'Batch contribution %')::text AS c, (SELECT count(*) FROM links l JOIN contributions c ON c.id = l.from_id WHERE c.title LIKE 'Batch contribution %')::text AS l")).rows[0]);
  const sorted = Float64Array.from(times).sort();
  const seconds = result.duration || opts.seconds;
  return {
    seconds, connections: opts.connections, batchSize: BATCH_SIZE, requests,
    contributions: Number(created.c), links: Number(created.l),
    perSecond: Number(created.c) / seconds, linksPerSecond: Number(created.l) / seconds,
    p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99),
    errors: wrong + result.errors + result.timeouts, errorSamples,
  };
}

export async function benchWrites(opts: { seconds: number; connections: number; rebuild?: boolean; batchConnections?: number }): Promise<WritesFigures> {
  ensureBuild(opts.rebuild);
  const db = await startServeDatabase();
  try {
    const copySeconds = await makeScratchCopy(db.server.urlFor("postgres"));
    const url = db.server.urlFor(SCRATCH_DATABASE);
    const { writers, targets } = await prepareWriters(url, opts.connections);
    // The app's default debounce (no worker runs here, so queued recomputes just wait).
    const app = await startApp(url, { API_RATE_LIMIT_BURST: "100000", API_RATE_LIMIT_PER_MINUTE: "100000", RECOMPUTE_DEBOUNCE_SECONDS: "30" });
    try {
      let nextWriter = 0;
      const contributionTimes: number[] = [];
      const linkTimes: number[] = [];
      const errorSamples: string[] = [];
      let wrong = 0;
      const state = (ctx: object) => ctx as ClientState;
      const pick = (s: ClientState, used: Set<number>) => {
        for (;;) {
          const id = s.own.length > 0 && Math.random() < 0.5 ? s.own[Math.floor(Math.random() * s.own.length)] : targets[Math.floor(Math.random() * targets.length)];
          if (!used.has(id)) return id;
        }
      };
      const linkRequest = (k: number): autocannon.Request => ({
        method: "POST",
        path: "/api/v1/links",
        setupRequest: (req, ctx) => {
          const s = state(ctx);
          if (s.id === undefined || (s.links ?? 0) <= k) return null as unknown as autocannon.Request; // start over: log the next one
          const used = (s as ClientState & { used?: Set<number> }).used ?? new Set<number>();
          (s as ClientState & { used?: Set<number> }).used = used;
          const toId = pick(s, used);
          used.add(toId);
          return { ...req, headers: { ...req.headers, authorization: `Bearer ${s.writer!.token}`, "content-type": "application/json" }, body: JSON.stringify({ fromId: s.id, toId, type: LINK_TYPES[k % LINK_TYPES.length] }) };
        },
        onResponse: (status, body, ctx) => {
          if (status !== 201) {
            wrong++;
            if (errorSamples.length < 3) errorSamples.push(`link ${status}: ${body.slice(0, 200)}`);
          }
          if (k + 1 >= (state(ctx).links ?? 0)) {
            const s = state(ctx);
            s.own.push(s.id!);
            if (s.own.length > 50) s.own.shift();
            s.id = undefined;
          }
        },
      });
      const requests: autocannon.Request[] = [
        {
          method: "POST",
          path: "/api/v1/contributions",
          setupRequest: (req, ctx) => {
            const s = state(ctx);
            s.own ??= [];
            s.seq = (s.seq ?? 0) + 1;
            s.writer ??= writers[nextWriter++ % writers.length];
            s.links = 1 + Math.floor(Math.random() * 3);
            (s as ClientState & { used?: Set<number> }).used = new Set();
            const body = { projectId: s.writer.projectId, title: `Bench contribution ${s.seq}`, kind: "code", occurredAt: new Date(Date.now() - 1000).toISOString(), description: "Written by bench/api-writes.ts." };
            return { ...req, headers: { ...req.headers, authorization: `Bearer ${s.writer.token}`, "content-type": "application/json", "idempotency-key": randomUUID() }, body: JSON.stringify(body) };
          },
          onResponse: (status, body, ctx) => {
            const s = state(ctx);
            if (status === 201) s.id = (JSON.parse(body) as { id: number }).id;
            else {
              wrong++;
              s.id = undefined;
              if (errorSamples.length < 3) errorSamples.push(`contribution ${status}: ${body.slice(0, 200)}`);
            }
          },
        },
        linkRequest(0), linkRequest(1), linkRequest(2),
      ];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon({ url: app.baseUrl, connections: opts.connections, duration: opts.seconds, requests, timeout: 10 }, (err, res) => (err ? reject(err) : resolve(res)));
        // autocannon reports a response before it moves to the next request of the sequence.
        onResponse(instance, (client, _status, ms) => (client.requestIterator?.currentRequest?.path === "/api/v1/links" ? linkTimes : contributionTimes).push(ms));
      });
      // What the server logged for its 500s (the bench's own samples only show the generic message).
      for (const line of app.errorLines.slice(0, 3)) {
        const m = /"message":"([^"]{0,240})/.exec(line);
        errorSamples.push(`server: ${m ? m[1] : line.slice(0, 240)}`);
      }
      const created = await withClient(url, async (c) => (await c.query<{ c: string; l: string }>(
        "SELECT (SELECT count(*) FROM contributions WHERE title LIKE 'Bench contribution %')::text AS c, (SELECT count(*) FROM links l JOIN contributions c ON c.id = l.from_id WHERE c.title LIKE 'Bench contribution %')::text AS l")).rows[0]);
      const batched = await benchBatches(app.baseUrl, url, writers, targets, { seconds: opts.seconds, connections: opts.batchConnections ?? Number(process.env.BENCH_BATCH_CONNECTIONS ?? BATCH_CONNECTIONS) });
      const sorted = (xs: number[]) => Float64Array.from(xs).sort();
      const cs = sorted(contributionTimes);
      const ls = sorted(linkTimes);
      const all = sorted([...contributionTimes, ...linkTimes]);
      const seconds = result.duration || opts.seconds;
      return {
        seconds, connections: opts.connections,
        contributions: Number(created.c), links: Number(created.l),
        perSecond: Number(created.c) / seconds, linksPerSecond: Number(created.l) / seconds,
        contributionP50: percentile(cs, 50), contributionP95: percentile(cs, 95),
        linkP50: percentile(ls, 50), linkP95: percentile(ls, 95),
        allP95: percentile(all, 95), allP99: percentile(all, 99),
        errors: wrong + result.errors + result.timeouts, errorSamples, copySeconds, batched,
      };
    } finally {
      await app.stop();
      // The copy is 5 GB at bench size: the next run makes a fresh one anyway.
      await withClient(db.server.urlFor("postgres"), (c) => c.query(`DROP DATABASE IF EXISTS ${SCRATCH_DATABASE} WITH (FORCE)`));
    }
  } finally {
    await db.server.stop();
  }
}

export function reportWrites(f: WritesFigures): void {
  section(`Writes through the API (next start, ${f.connections} clients for ${f.seconds.toFixed(0)} s, each contribution linked to 1–3 earlier ones; goal ≥ ${WRITES_GOAL_PER_SECOND} contributions/s, p95 < ${WRITES_P95_GOAL_MS} ms)`);
  const met = (ok: boolean) => (ok ? "yes" : "**no**");
  printTable(["measure", "value", "met"], [
    ["contributions written (with their links)", `${f.contributions.toLocaleString("en-US")} (${f.links.toLocaleString("en-US")} links)`, ""],
    ["contributions/s sustained", f.perSecond.toFixed(0), met(f.perSecond >= WRITES_GOAL_PER_SECOND)],
    ["links/s", f.linksPerSecond.toFixed(0), ""],
    ["POST /contributions p50 / p95 ms", `${f.contributionP50.toFixed(0)} / ${f.contributionP95.toFixed(0)}`, met(f.contributionP95 < WRITES_P95_GOAL_MS)],
    ["POST /links p50 / p95 ms", `${f.linkP50.toFixed(0)} / ${f.linkP95.toFixed(0)}`, met(f.linkP95 < WRITES_P95_GOAL_MS)],
    ["every write p95 / p99 ms", `${f.allP95.toFixed(0)} / ${f.allP99.toFixed(0)}`, met(f.allP95 < WRITES_P95_GOAL_MS)],
    ["errors (wrong status, socket errors, timeouts)", f.errors, met(f.errors === 0)],
  ]);
  if (f.errorSamples.length) console.log(`\nFirst errors:\n${f.errorSamples.map((e) => `- ${e}`).join("\n")}`);
  const b = f.batched;
  section(`Batched writes through the API (POST /contributions/batch, ${b.connections} clients for ${b.seconds.toFixed(0)} s, ${b.batchSize} contributions per request, each linked to 1–3 earlier ones or earlier items; goal ≥ ${WRITES_GOAL_PER_SECOND} contributions/s, p95 < ${WRITES_P95_GOAL_MS} ms)`);
  printTable(["measure", "value", "met"], [
    ["requests answered", b.requests.toLocaleString("en-US"), ""],
    ["contributions written (with their links)", `${b.contributions.toLocaleString("en-US")} (${b.links.toLocaleString("en-US")} links)`, ""],
    ["contributions/s sustained", b.perSecond.toFixed(0), met(b.perSecond >= WRITES_GOAL_PER_SECOND)],
    ["links/s", b.linksPerSecond.toFixed(0), ""],
    ["per request p50 / p95 / p99 ms", `${b.p50.toFixed(0)} / ${b.p95.toFixed(0)} / ${b.p99.toFixed(0)}`, met(b.p95 < WRITES_P95_GOAL_MS)],
    ["errors (wrong status, socket errors, timeouts)", b.errors, met(b.errors === 0)],
  ]);
  if (b.errorSamples.length) console.log(`\nFirst errors:\n${b.errorSamples.map((e) => `- ${e}`).join("\n")}`);
  console.log(`\n(scratch copy of the serving database made in ${f.copySeconds.toFixed(1)} s, before timing)`);
}
