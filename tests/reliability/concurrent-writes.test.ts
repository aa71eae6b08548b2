// Concurrency: many clients writing contributions, links and edits at once through the REST API
// over HTTP (app-under-load.ts). Every acknowledged write must be stored exactly once (clients
// retry with their Idempotency-Key, also after giving up on a slow first attempt), no edit may be
// lost (edits carry the version they read; a stale one is refused with 409), and the links must
// stay a DAG, also when two clients link A→B and B→A at the same moment and when an edit moves a
// contribution in time while a link to it is being created.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import pg from "pg";
import { prisma } from "../../lib/db";
import { startLoadApp, type LoadApp } from "./app-under-load";
import { recordFigure } from "./figures";
import { seededRandom } from "../../lib/metrics/betweenness";
import { call, createWithRetries, makePeople, nodesOnCycles, percentile, type Person } from "./load-clients";
import { scaled } from "./scale";

const CLIENTS = scaled(10, 50);
/** RELIABILITY_LOAD_WRITES overrides the size (a multiple of CLIENTS), for a machine too busy for the full 10,000. */
const WRITES = Number(process.env.RELIABILITY_LOAD_WRITES) || scaled(200, 10_000);
const RACE_PAIRS = scaled(20, 200);
/** each shared contribution has this many authors, all editing it at once */
const EDITORS = 5;
const LINK_TYPES = ["builds_on", "cites", "fixes"] as const; // "reviews" is kept for the racing pairs

let app: LoadApp;
let projectId: number;
let people: Person[];
/** shared contributions, one per group of EDITORS clients */
const shared: number[] = [];

beforeAll(async () => {
  app = await startLoadApp("rel_concurrency");
  ({ projectId, people } = await makePeople(CLIENTS, "load"));
  for (let g = 0; g < CLIENTS / EDITORS; g++) {
    const authors = people.slice(g * EDITORS, (g + 1) * EDITORS);
    const c = await prisma.contribution.create({
      data: {
        projectId, title: `shared ${g}`, kind: "code", occurredAt: new Date(Date.UTC(2026, 0, 1)), createdById: authors[0].id,
        authors: { create: authors.map((a) => ({ userId: a.id, share: (1 / EDITORS).toFixed(4) })) },
      },
    });
    shared.push(c.id);
  }
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

interface CreateRecord { title: string; status: number; id?: number }
interface LinkRecord { fromId: number; toId: number; type: string; status: number; id?: number }
interface EditRecord { contributionId: number; description: string; status: number; version?: number }

describe(`${WRITES.toLocaleString("en-US")} writes from ${CLIENTS} clients`, () => {
  const creates: CreateRecord[] = [];
  const links: LinkRecord[] = [];
  const edits: EditRecord[] = [];
  const own: number[][] = [];
  const everyone: number[] = [];
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let replaysChecked = 0;
  let replayMismatches = 0;
  let impatientFirstTries = 0;
  let seconds = 0;

  const note = (status: number, ms: number) => {
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status) latencies.push(ms);
  };

  async function createContribution(ci: number, k: number, rnd: () => number) {
    const p = people[ci];
    const title = `c${ci}-${k}`;
    const body = { projectId, title, kind: "data", occurredAt: "2026-03-01" };
    const mode = rnd();
    // 5 %: the client gives up after 2 ms and retries with the same key; 10 %: it sends the same
    // request again after its answer (a retry after a lost response), which must replay.
    const impatient = mode < 0.05;
    if (impatient) impatientFirstTries++;
    const out = await createWithRetries(app.baseUrl, p.token, "/contributions", body, { firstTimeoutMs: impatient ? 2 : undefined });
    out.replies.forEach((r) => note(r.status, r.ms));
    creates.push({ title, status: out.final.status, id: out.final.body.id });
    if (out.final.status !== 201) return;
    const id = out.final.body.id!;
    own[ci].push(id);
    everyone.push(id);
    if (mode >= 0.05 && mode < 0.15) {
      const again = await call(app.baseUrl, p.token, "POST", "/contributions", { body, key: out.key });
      note(again.status, again.ms);
      replaysChecked++;
      if (!(again.status === 201 && again.replayed && again.body.id === id)) replayMismatches++;
    }
  }

  async function createLink(ci: number, rnd: () => number) {
    const mine = own[ci];
    const fromId = mine[Math.floor(rnd() * mine.length)];
    // A link points to earlier work: every created contribution has the same day, so a lower id.
    const candidate = everyone[Math.floor(rnd() * everyone.length)];
    const toId = candidate < fromId ? candidate : shared[Math.floor(rnd() * shared.length)];
    const type = LINK_TYPES[Math.floor(rnd() * LINK_TYPES.length)];
    const out = await createWithRetries(app.baseUrl, people[ci].token, "/links", { fromId, toId, type }, { firstTimeoutMs: rnd() < 0.05 ? 2 : undefined });
    out.replies.forEach((r) => note(r.status, r.ms));
    links.push({ fromId, toId, type, status: out.final.status, id: out.final.body.id });
  }

  async function editShared(ci: number, k: number) {
    const p = people[ci];
    const contributionId = shared[Math.floor(ci / EDITORS)];
    const read = await call(app.baseUrl, p.token, "GET", `/contributions/${contributionId}`);
    const description = `edited by c${ci} (#${k})`;
    // A 503 (the server too busy to start the transaction) wrote nothing: the same edit is sent again.
    let res = await call(app.baseUrl, p.token, "PATCH", `/contributions/${contributionId}`, { body: { version: read.body.version, description } });
    note(res.status, res.ms);
    for (let retry = 0; res.status === 503 && retry < 20; retry++) {
      await new Promise((r) => setTimeout(r, 250));
      res = await call(app.baseUrl, p.token, "PATCH", `/contributions/${contributionId}`, { body: { version: read.body.version, description } });
      note(res.status, res.ms);
    }
    edits.push({ contributionId, description, status: res.status, version: res.body.version });
  }

  async function runClient(ci: number) {
    const rnd = seededRandom(ci + 1);
    own[ci] = [];
    for (let k = 0; k < WRITES / CLIENTS; k++) {
      const r = rnd();
      if (r < 0.5 || own[ci].length === 0) await createContribution(ci, k, rnd);
      else if (r < 0.8) await createLink(ci, rnd);
      else await editShared(ci, k);
    }
  }

  test("every acknowledged write is stored exactly once, no edit is lost, the graph stays acyclic", async () => {
    const started = performance.now();
    await Promise.all(people.map((_, ci) => runClient(ci)));
    seconds = (performance.now() - started) / 1000;

    const attempted = creates.length + links.length + edits.length;
    const ackCreates = creates.filter((c) => c.status === 201);
    const ackLinks = links.filter((l) => l.status === 201);
    const ackEdits = edits.filter((e) => e.status === 200);
    const acknowledged = ackCreates.length + ackLinks.length + ackEdits.length;

    // Contributions: one row per title that was sent (acknowledged or not), the acknowledged id.
    const rows = await prisma.contribution.findMany({ where: { title: { in: creates.map((c) => c.title) } }, select: { id: true, title: true } });
    const byTitle = new Map<string, number[]>();
    for (const r of rows) byTitle.set(r.title, [...(byTitle.get(r.title) ?? []), r.id]);
    const duplicates = [...byTitle.values()].reduce((n, ids) => n + ids.length - 1, 0);
    const storedCreates = ackCreates.filter((c) => byTitle.get(c.title)?.length === 1 && byTitle.get(c.title)![0] === c.id).length;
    // Links: the acknowledged id holds exactly what was sent.
    const linkRows = await prisma.link.findMany({ where: { id: { in: ackLinks.map((l) => l.id!) } }, select: { id: true, fromId: true, toId: true, type: true } });
    const linkById = new Map(linkRows.map((l) => [l.id, l]));
    const storedLinks = ackLinks.filter((l) => {
      const row = linkById.get(l.id!);
      return row && row.fromId === l.fromId && row.toId === l.toId && row.type === l.type;
    }).length;
    // Edits: each acknowledged one is in the audit log as the step from its version − 1 to its
    // version, and the versions add up: nothing was applied over an edit it had not seen.
    const audits = await prisma.auditEvent.findMany({ where: { action: "contribution.update", entityId: { in: shared.map(String) } }, select: { entityId: true, before: true, after: true } });
    const applied = new Set(audits.map((a) => {
      const before = a.before as { version: number };
      const after = a.after as { version: number; description: string };
      return `${a.entityId}:${before.version}->${after.version}:${after.description}`;
    }));
    const lostUpdates = ackEdits.filter((e) => !applied.has(`${e.contributionId}:${e.version! - 1}->${e.version}:${e.description}`)).length
      + ackEdits.length - audits.length;
    const finalVersions = await prisma.contribution.findMany({ where: { id: { in: shared } }, select: { id: true, version: true } });
    const versionGap = finalVersions.reduce((n, c) => n + (c.version - 1 - ackEdits.filter((e) => e.contributionId === c.id).length), 0);
    const staleRefusals = edits.filter((e) => e.status === 409).length;
    const other5xx = [...statuses].filter(([s]) => s >= 500 && s !== 503).reduce((n, [, c]) => n + c, 0);
    const busy = statuses.get(503) ?? 0;
    const noAnswer = creates.filter((c) => c.status === 0 || c.status >= 500).length + links.filter((l) => l.status === 0 || l.status >= 500).length;

    const p95 = percentile(latencies, 95);
    const figures: [string, number, string | undefined, string | undefined, boolean | undefined][] = [
      ["writes attempted", attempted, undefined, `${WRITES.toLocaleString("en-US")}`, attempted === WRITES],
      ["writes acknowledged", acknowledged, undefined, undefined, undefined],
      ["acknowledged writes stored", storedCreates + storedLinks + ackEdits.length - lostUpdates, undefined, "all acknowledged", storedCreates === ackCreates.length && storedLinks === ackLinks.length && lostUpdates === 0],
      ["duplicate records", duplicates, undefined, "0", duplicates === 0],
      ["idempotent replays checked / wrong", replaysChecked, `(${replayMismatches} wrong)`, "0 wrong", replayMismatches === 0],
      ["impatient first tries (2 ms timeout, then retried)", impatientFirstTries, undefined, undefined, undefined],
      ["edits refused as stale (409)", staleRefusals, undefined, undefined, undefined],
      ["lost updates", lostUpdates + Math.abs(versionGap), undefined, "0", lostUpdates === 0 && versionGap === 0],
      ["503 busy answers (retried by the client)", busy, undefined, undefined, undefined],
      ["5xx responses other than 503", other5xx, undefined, "0", other5xx === 0],
      ["throughput", Math.round(acknowledged / seconds), "acknowledged writes/s", undefined, undefined],
      ["write latency p95", Math.round(p95), "ms", undefined, undefined],
    ];
    for (const [name, value, unit, target, met] of figures) recordFigure({ part: "concurrency", name, value, unit, target, met });
    console.log(`${attempted} writes in ${seconds.toFixed(1)} s (${app.mode}); statuses ${JSON.stringify(Object.fromEntries(statuses))}; p95 ${p95.toFixed(0)} ms`);

    if (other5xx) console.log(`server errors:\n${app.logs.join("\n")}`);
    expect({ duplicates, replayMismatches, lostUpdates, versionGap, other5xx, noAnswer }).toEqual({ duplicates: 0, replayMismatches: 0, lostUpdates: 0, versionGap: 0, other5xx: 0, noAnswer: 0 });
    expect([storedCreates, storedLinks]).toEqual([ackCreates.length, ackLinks.length]);
    expect(attempted).toBe(WRITES);
    // The load is real: most writes land, and edits of a shared contribution do collide.
    expect(ackCreates.length).toBeGreaterThan(WRITES * 0.4);
    expect(ackEdits.length).toBeGreaterThan(0);
    expect(staleRefusals).toBeGreaterThan(0);
  });

  test(`${RACE_PAIRS} pairs of clients linking A→B and B→A at the same moment: exactly one of each pair wins`, async () => {
    const outcomes = await Promise.all(Array.from({ length: RACE_PAIRS }, async (_, p) => {
      const ci = p % CLIENTS;
      const cj = (p + 1) % CLIENTS;
      const round = Math.floor(p / CLIENTS);
      const a = own[ci][round];
      const b = own[cj][round + 1];
      const [ab, ba] = await Promise.all([
        call(app.baseUrl, people[ci].token, "POST", "/links", { body: { fromId: a, toId: b, type: "reviews" } }),
        call(app.baseUrl, people[cj].token, "POST", "/links", { body: { fromId: b, toId: a, type: "reviews" } }),
      ]);
      // The link from the later contribution (the higher id: same day) is the one that may exist.
      const expectedWinner = a > b ? "ab" : "ba";
      return { wins: [ab, ba].filter((r) => r.status === 201).length, winner: ab.status === 201 ? "ab" : "ba", expectedWinner, statuses: [ab.status, ba.status].sort().join("/") };
    }));
    const exactlyOne = outcomes.filter((o) => o.wins === 1 && o.winner === o.expectedWinner).length;
    const edges = await prisma.link.findMany({ where: { status: { not: "removed" } }, select: { fromId: true, toId: true } });
    const cycles = nodesOnCycles(edges);
    recordFigure({ part: "concurrency", name: "racing A→B / B→A pairs with exactly one winner", value: `${exactlyOne} of ${RACE_PAIRS}`, target: "all", met: exactlyOne === RACE_PAIRS });
    recordFigure({ part: "concurrency", name: "contributions on a cycle after the load", value: cycles, target: "0", met: cycles === 0 });
    expect(new Set(outcomes.map((o) => o.statuses))).toEqual(new Set(["201/400"]));
    expect(exactlyOne).toBe(RACE_PAIRS);
    expect(cycles).toBe(0);
    expect(edges.length).toBeGreaterThan(RACE_PAIRS);
  });

  test("an edit moving a contribution back in time while a link from it is being created cannot leave a cycle", async () => {
    const p = people[0];
    const post = (title: string, occurredAt: string) => call(app.baseUrl, p.token, "POST", "/contributions", { body: { projectId, title, kind: "data", occurredAt } });
    const b = (await post("race: older", "2026-03-01")).body.id!;
    const a = (await post("race: newer", "2026-03-02")).body.id!;
    // The edit's statement (what updateContribution runs) in a transaction held open: A moves
    // before B. Its trigger re-checks A's links, but cannot see one that is not committed yet.
    const editor = new pg.Client({ connectionString: app.databaseUrl });
    await editor.connect();
    await editor.query("BEGIN");
    await editor.query("UPDATE contributions SET occurred_at = '2026-02-01', version = version + 1 WHERE id = $1", [a]);
    let settled = false;
    const linkAB = call(app.baseUrl, p.token, "POST", "/links", { body: { fromId: a, toId: b, type: "builds_on" } }).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 1_000));
    const waitedForTheEdit = !settled;
    await editor.query("COMMIT");
    await editor.end();
    const ab = await linkAB;
    // A now happened before B: A→B points forward and is refused; B→A is the valid one.
    const ba = await call(app.baseUrl, p.token, "POST", "/links", { body: { fromId: b, toId: a, type: "builds_on" } });
    const edges = await prisma.link.findMany({ where: { status: { not: "removed" } }, select: { fromId: true, toId: true } });
    const [stale] = await prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM links l JOIN contributions f ON f.id = l.from_id JOIN contributions t ON t.id = l.to_id
      WHERE l.from_occurred_at <> f.occurred_at OR l.to_occurred_at <> t.occurred_at`;
    const cycles = nodesOnCycles(edges);
    recordFigure({ part: "concurrency", name: "cycles after a link raced an edit in time", value: cycles, target: "0", met: cycles === 0 && ab.status === 400 });
    expect({ waitedForTheEdit, ab: ab.status, code: ab.body.error?.code, ba: ba.status, cycles, staleLinkTimes: Number(stale.n) })
      .toEqual({ waitedForTheEdit: true, ab: 400, code: "invalid_input", ba: 201, cycles: 0, staleLinkTimes: 0 });
  });
});
