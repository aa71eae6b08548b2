// Faults: PostgreSQL stopped and started again in the middle of a write load. While it is down the
// API answers 503 with a clear JSON message (never another 5xx, never a hang) and a page says
// plainly that the app is unavailable; when it is back the app recovers by itself (no restart of
// the app), and every write the API acknowledged, before, during or after, is stored exactly once.
// The database is the test's own embedded server (app-under-load.ts), never the suite's.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { mkdirSync } from "node:fs";
import { encode } from "next-auth/jwt";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPathOrThrow } from "../e2e/server";
import { prisma } from "../../lib/db";
import { DATABASE_BUSY_MESSAGE, DATABASE_UNAVAILABLE_MESSAGE } from "../../lib/db-unavailable";
import { startLoadApp, type LoadApp } from "./app-under-load";
import { recordFigure } from "./figures";
import { call, createWithRetries, makePeople, type Person, type Reply } from "./load-clients";
import { scaled } from "./scale";

const CLIENTS = scaled(5, 20);
/** writes in all (RELIABILITY_RESTART_WRITES overrides it, for a machine too busy for the full size) */
const WRITES = Number(process.env.RELIABILITY_RESTART_WRITES) || scaled(100, 3_000);
/** acknowledged writes before the database is stopped */
const BEFORE_STOP = Math.min(scaled(30, 1_000), Math.floor(WRITES / 3));
const DOWN_MS = scaled(1_500, 5_000);
/** how long a client keeps retrying one write with its key */
const RETRY_FOR_MS = 120_000;

let app: LoadApp;
let projectId: number;
let people: Person[];

beforeAll(async () => {
  app = await startLoadApp("rel_restart");
  ({ projectId, people } = await makePeople(CLIENTS, "fault"));
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

describe("PostgreSQL restarted under load", () => {
  test("503 with a clear message while it is down, recovery by itself, no acknowledged write lost", async () => {
    const statuses = new Map<number, number>();
    const unavailableBodies = new Set<string>();
    const sent: { title: string; final: Reply }[] = [];
    let issued = 0;
    let acknowledged = 0;
    let slowest = 0;
    const note = (r: Reply) => {
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      slowest = Math.max(slowest, r.ms);
      if (r.status === 503) unavailableBodies.add(`${r.body.error?.code}: ${r.body.error?.message}`);
    };

    async function runClient(ci: number) {
      while (issued < WRITES) {
        const title = `f${ci}-${issued++}`;
        const out = await createWithRetries(app.baseUrl, people[ci].token, "/contributions", { projectId, title, kind: "data", occurredAt: "2026-03-01" }, { retryForMs: RETRY_FOR_MS });
        out.replies.forEach(note);
        sent.push({ title, final: out.final });
        if (out.final.status === 201) acknowledged++;
      }
    }

    // A reader polling the API throughout: when the outage shows, and when the app is back.
    let polling = true;
    const polls: { at: number; status: number; code?: string }[] = [];
    const poller = (async () => {
      while (polling) {
        const r = await call(app.baseUrl, people[0].token, "GET", "/contributions?limit=1", { timeoutMs: 10_000 });
        polls.push({ at: Date.now(), status: r.status, code: r.body.error?.code });
        await new Promise((res) => setTimeout(res, 100));
      }
    })();

    const load = Promise.all(people.map((_, ci) => runClient(ci)));
    while (acknowledged < BEFORE_STOP) await new Promise((r) => setTimeout(r, 50));
    await app.stopDatabase();
    const stoppedAt = Date.now();
    await new Promise((r) => setTimeout(r, DOWN_MS / 2));
    const page = await pageWhileDown();
    await new Promise((r) => setTimeout(r, DOWN_MS / 2));
    const downPolls = polls.filter((p) => p.at > stoppedAt + 500);
    await app.startDatabase();
    const backAt = Date.now();
    while (!polls.some((p) => p.at > backAt && p.status === 200) && Date.now() - backAt < 60_000) await new Promise((r) => setTimeout(r, 50));
    const recoveredAt = polls.find((p) => p.at > backAt && p.status === 200)?.at ?? NaN;
    await load;
    polling = false;
    await poller;

    // Every acknowledged create is one row with its title and the acknowledged id.
    const rows = await prisma.contribution.findMany({ where: { title: { in: sent.map((s) => s.title) } }, select: { id: true, title: true } });
    const idsByTitle = new Map<string, number[]>();
    for (const r of rows) idsByTitle.set(r.title, [...(idsByTitle.get(r.title) ?? []), r.id]);
    const acked = sent.filter((s) => s.final.status === 201);
    const lost = acked.filter((s) => !(idsByTitle.get(s.title)?.length === 1 && idsByTitle.get(s.title)![0] === s.final.body.id)).length;
    const duplicates = [...idsByTitle.values()].reduce((n, ids) => n + ids.length - 1, 0);
    const unresolved = sent.filter((s) => s.final.status !== 201).map((s) => `${s.final.status} ${s.final.body.error?.code}`);
    const count503 = statuses.get(503) ?? 0;
    const other5xx = [...statuses].filter(([s]) => s >= 500 && s !== 503).reduce((n, [, c]) => n + c, 0) + polls.filter((p) => p.status >= 500 && p.status !== 503).length;
    const noAnswer = (statuses.get(0) ?? 0) + polls.filter((p) => p.status === 0).length;
    const secondsToRecover = (recoveredAt - backAt) / 1000;

    recordFigure({ part: "faults", name: "503 answers while PostgreSQL was down", value: count503 + downPolls.filter((p) => p.status === 503).length, target: "> 0", met: count503 > 0 });
    recordFigure({ part: "faults", name: "5xx other than 503", value: other5xx, target: "0", met: other5xx === 0 });
    recordFigure({ part: "faults", name: "requests left without an answer (hangs)", value: noAnswer, target: "0", met: noAnswer === 0 });
    recordFigure({ part: "faults", name: "seconds to recover once PostgreSQL was back", value: Number(secondsToRecover.toFixed(1)), unit: "s", target: "< 10 s, no app restart", met: secondsToRecover < 10 });
    recordFigure({ part: "faults", name: "writes acknowledged across the restart", value: acked.length, unit: `of ${sent.length}` });
    recordFigure({ part: "faults", name: "acknowledged writes lost", value: lost, target: "0", met: lost === 0 });
    recordFigure({ part: "faults", name: "duplicate records after retries", value: duplicates, target: "0", met: duplicates === 0 });
    if (page) recordFigure({ part: "faults", name: "page while down says the app is unavailable", value: page.clear ? "yes" : "no", unit: `(HTTP ${page.status})`, target: "yes", met: page.clear });
    console.log(`${sent.length} writes (${app.mode}), statuses ${JSON.stringify(Object.fromEntries(statuses))}, slowest ${slowest.toFixed(0)} ms, recovered in ${secondsToRecover.toFixed(1)} s; 503 said: ${[...unavailableBodies].join(" | ")}`);

    if (other5xx) console.log(`server errors:\n${app.logs.join("\n")}`);
    expect(downPolls.length).toBeGreaterThan(0);
    expect(new Set(downPolls.map((p) => `${p.status} ${p.code}`))).toEqual(new Set(["503 database_unavailable"]));
    // Every 503 says why; "busy" (no connection free in time) may show up on a loaded machine.
    expect(unavailableBodies).toContain(`database_unavailable: ${DATABASE_UNAVAILABLE_MESSAGE}`);
    expect([...unavailableBodies].filter((b) => b !== `database_unavailable: ${DATABASE_UNAVAILABLE_MESSAGE}` && b !== `database_busy: ${DATABASE_BUSY_MESSAGE}`)).toEqual([]);
    expect(DATABASE_UNAVAILABLE_MESSAGE).toBe("The database is unavailable right now (it may be restarting): retry in a few seconds, with the same Idempotency-Key if you sent one.");
    expect({ other5xx, noAnswer, lost, duplicates, unresolved }).toEqual({ other5xx: 0, noAnswer: 0, lost: 0, duplicates: 0, unresolved: [] });
    expect(count503).toBeGreaterThan(0);
    expect(secondsToRecover).toBeLessThan(10);
    expect(acked.length).toBe(WRITES);
    if (page) expect(page).toEqual({ status: page.status, clear: true });
  });
});

/**
 * Under `next start` only: a signed-in visitor's page in Chromium while the database is down. The
 * server answers 500 with Next's error shell; the error boundary (app/error.tsx) renders in the browser.
 */
async function pageWhileDown(): Promise<{ status: number; clear: boolean } | null> {
  if (app.mode !== "next") return null;
  const secret = "reliability-secret-reliability-secret-0123";
  const cookie = await encode({ token: { uid: people[0].id, sv: 0, sub: String(people[0].id) }, secret, salt: "authjs.session-token", maxAge: 3600 });
  const browser = await chromium.launch({ executablePath: chromiumPathOrThrow(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 600 } });
    await context.addCookies([{ name: "authjs.session-token", value: cookie, url: app.baseUrl, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    const res = await page.goto(`${app.baseUrl}/contributions`);
    const heading = page.getByRole("heading", { name: "Understory is unavailable for a moment" });
    const clear = await heading.waitFor({ timeout: 20_000 }).then(() => true, () => false);
    mkdirSync("tests/e2e/screenshots", { recursive: true });
    await page.screenshot({ path: "tests/e2e/screenshots/reliability-database-down.png" });
    return { status: res?.status() ?? 0, clear: clear && (await page.getByText("the database is restarting").count()) === 1 };
  } finally {
    await browser.close();
  }
}
