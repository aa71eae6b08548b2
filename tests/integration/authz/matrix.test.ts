// The authorization matrix, run: every route handler and server action found in the code, called
// by each actor on a fresh target, gets exactly the status matrix.ts expects, and every refused
// call leaves the row count of every table (the audit log among them) as it was. Pages are
// checked statically in tests/unit/authz/page-guards.test.ts against the same table.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "authz-matrix-secret-authz-matrix-secret-01";
  // Each token makes one request per entry point; the limiter is api-rate-limit.test.ts's subject.
  process.env.API_RATE_LIMIT_BURST = "100000";
});

vi.mock("../../../lib/auth/session", async () => {
  const { sessionHolder } = await import("./session");
  return {
    getSessionActor: async () => sessionHolder.actor,
    requirePageActor: async () => sessionHolder.actor,
    requirePageRole: async () => sessionHolder.actor,
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", async () => {
  const { RedirectSignal } = await import("./session");
  return {
    redirect: (url: string) => { throw new RedirectSignal(url); },
    notFound: () => { throw new Error("notFound() called from an action"); },
  };
});
// Actions return only a message: the wrapper notes the AppError code that made it (401/403/404).
vi.mock("../../../lib/actions/result", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../lib/actions/result")>();
  const { lastRefusal } = await import("./session");
  const { isAppError } = await import("../../../lib/errors");
  return {
    ...real,
    runAction: (work: () => Promise<string | void>, values?: Record<string, unknown>) =>
      real.runAction(async () => {
        try {
          return await work();
        } catch (e) {
          if (isAppError(e)) lastRefusal.code = e.code;
          throw e;
        }
      }, values),
  };
});

import { ACTORS, REFUSED, SHORT, type ActorName, type Status } from "./actors";
import { discoverEntryPoints, inlineServerActionFiles } from "./discover";
import { MATRIX, type Rule } from "./matrix";
import { ROUTE_DRIVERS, send } from "./drivers-api";
import { ACTION_DRIVERS } from "./drivers-actions";
import { lastRefusal, RedirectSignal, sessionHolder } from "./session";
import { everyTableCount } from "./table-counts";
import { buildWorld, type World } from "./world";
import { prisma } from "../../../lib/db";

const STATUS_OF: Record<string, Status> = { unauthenticated: 401, forbidden: 403, not_found: 404, invalid_input: 400, conflict: 409 };
const entries = discoverEntryPoints();
const results = new Map<string, Partial<Record<ActorName, Status>>>();
let w: World;

beforeAll(async () => {
  w = await buildWorld();
});

/**
 * Runs one call and, when it is refused, shows that no table gained or lost a row. Counting is
 * skipped only where an allowed outcome is expected (a refusal there fails on its status anyway).
 */
async function observe(id: string, who: ActorName, expected: Status, go: () => Promise<Status>): Promise<Status> {
  const before = REFUSED.includes(expected) ? await everyTableCount() : null;
  const status = await go();
  if (before) expect({ id, who, counts: await everyTableCount() }).toEqual({ id, who, counts: before });
  const row = results.get(id) ?? {};
  row[who] = status;
  results.set(id, row);
  return status;
}

function callerOf(rule: Rule, who: ActorName, scope: string | undefined) {
  const person = who === "anonymous" || who === "revokedToken" || who === "wrongScopeToken" ? null : who;
  if (rule.kind === "api") {
    const token = person ? w.tokens[person] : who === "revokedToken" ? w.revokedToken : who === "wrongScopeToken" ? w.lacking[(scope ?? "read") as keyof World["lacking"]] : null;
    return { actor: null, token };
  }
  // Session routes: a token, even the admin's valid one, never stands in for a session.
  const token = who === "revokedToken" ? w.revokedToken : who === "wrongScopeToken" ? w.tokens.admin : null;
  return { actor: person ? w.actors[person] : null, token };
}

async function actionStatus(who: ActorName, call: () => Promise<unknown>): Promise<Status> {
  lastRefusal.code = null;
  let result: unknown;
  try {
    result = await call();
  } catch (e) {
    if (e instanceof RedirectSignal) return 200;
    throw e;
  }
  // The link picker answers with a list: empty for anyone but the work's authors.
  if (Array.isArray(result)) return result.length > 0 ? 200 : who === "anonymous" ? 401 : 403;
  const r = result as { ok: boolean; message?: string };
  if (r.ok) return 200;
  const status = lastRefusal.code ? STATUS_OF[lastRefusal.code] : undefined;
  if (!status) throw new Error(`refused without an AppError: ${r.message}`);
  return status;
}

test("every page, route method and server action in the code has a rule, and every rule names one", () => {
  const found = entries.map((e) => e.id);
  expect(found.filter((id) => !(id in MATRIX)).map((id) => `no rule for ${id}`)).toEqual([]);
  expect(Object.keys(MATRIX).filter((id) => !found.includes(id)).map((id) => `rule for ${id}, which the code no longer has`)).toEqual([]);
  expect(inlineServerActionFiles().map((f) => `inline "use server" in ${f}: move the action to a "use server" file`)).toEqual([]);
  // Sanity: discovery really reads the code (a broken glob would pass the two lines above vacuously).
  expect([entries.filter((e) => e.kind === "page").length >= 30, entries.filter((e) => e.kind === "route").length >= 25, entries.filter((e) => e.kind === "action").length >= 30]).toEqual([true, true, true]);
});

test("every rule that is called has a driver, and no driver is left without a rule", () => {
  const called = Object.entries(MATRIX).filter(([, r]) => r.kind === "api" || r.kind === "sessionRoute" || r.kind === "action" || (r.kind === "public" && r.drive)).map(([id]) => id);
  const drivers = [...Object.keys(ROUTE_DRIVERS), ...Object.keys(ACTION_DRIVERS)];
  expect(called.filter((id) => !drivers.includes(id)).map((id) => `no driver for ${id}`)).toEqual([]);
  expect(drivers.filter((id) => !called.includes(id)).map((id) => `driver without a rule: ${id}`)).toEqual([]);
});

test("the database check catches a refused call that writes anyway", async () => {
  const sneaky = async () => {
    await prisma.auditEvent.create({ data: { action: "authz.probe", entityType: "probe", entityId: "1" } });
    return 403 as const;
  };
  const caught = await observe("probe", "contributor", 403, sneaky).then(() => null, (e: { actual?: { counts: Record<string, number> }; expected?: { counts: Record<string, number> } }) => e);
  results.delete("probe");
  const changed = Object.keys(caught?.expected?.counts ?? {}).filter((t) => caught!.actual!.counts[t] !== caught!.expected!.counts[t]);
  expect(changed).toEqual(["audit_events"]);
});

describe("route handlers", () => {
  for (const [id, driver] of Object.entries(ROUTE_DRIVERS)) {
    test(id, async () => {
      const rule = MATRIX[id];
      if (rule.kind !== "api" && rule.kind !== "sessionRoute") throw new Error(`${id} is not a route rule`);
      const method = id.split(" ")[0];
      const actual: Partial<Record<ActorName, Status>> = {};
      for (const who of ACTORS) {
        const call = await driver.prepare(w);
        const caller = callerOf(rule, who, driver.scope);
        actual[who] = await observe(id, who, rule.out[who], async () => {
          sessionHolder.actor = caller.actor;
          try {
            return (await send(method, call, caller.token)) as Status;
          } finally {
            sessionHolder.actor = null;
          }
        });
      }
      expect(actual).toEqual(rule.out);
    });
  }
});

describe("server actions", () => {
  for (const [id, driver] of Object.entries(ACTION_DRIVERS)) {
    test(id, async () => {
      const rule = MATRIX[id];
      if (rule.kind !== "action") throw new Error(`${id} is not an action rule`);
      const actual: Partial<Record<ActorName, Status>> = {};
      for (const who of Object.keys(rule.out) as (keyof typeof rule.out)[]) {
        const call = await driver(w);
        actual[who] = await observe(id, who, rule.out[who], async () => {
          sessionHolder.actor = who === "anonymous" ? null : w.actors[who];
          try {
            return await actionStatus(who, call);
          } finally {
            sessionHolder.actor = null;
          }
        });
      }
      expect(actual).toEqual(rule.out);
    });
  }
});

afterAll(() => {
  const width = Math.max(...[...results.keys()].map((k) => k.length));
  const lines = [`${"entry point".padEnd(width)}  ${ACTORS.map((a) => SHORT[a].padStart(7)).join(" ")}`];
  let cells = 0;
  for (const [id, row] of [...results.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${id.padEnd(width)}  ${ACTORS.map((a) => String(row[a] ?? "–").padStart(7)).join(" ")}`);
    cells += Object.keys(row).length;
  }
  const refused = [...results.values()].reduce((s, row) => s + Object.values(row).filter((v) => REFUSED.includes(v)).length, 0);
  lines.push(`authz matrix: ${results.size} route methods and actions × actors = ${cells} calls, ${refused} refused, each refused call with every table's row count unchanged`);
  console.log(lines.join("\n"));
});
