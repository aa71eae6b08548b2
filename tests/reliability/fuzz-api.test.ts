// Property-based fuzzing of every route handler behind a token (app/api/v1) or a session
// (app/api/admin), found by the authorization matrix's discovery and called through its drivers
// as a caller it allows: body fields of the wrong type or value, unknown and prototype-pollution
// keys, raw bodies (broken JSON, invalid UTF-8, binary, over the size limit, wrong content type),
// bad path ids, bad query parameters and Idempotency-Keys. Every case: no 5xx, every refusal a
// code and a message a person can read, no table's row count changed by a refusal. Then link
// creations fired concurrently at work with equal and unequal dates: no cycle is ever stored.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "fuzz-api-secret-fuzz-api-secret-fuzz-api-01";
  process.env.API_RATE_LIMIT_BURST = "100000";
  process.env.API_RATE_LIMIT_PER_MINUTE = "100000";
});
vi.mock("../../lib/auth/session", async () => {
  const { sessionHolder } = await import("../integration/authz/session");
  return { getSessionActor: async () => sessionHolder.actor, requirePageActor: async () => sessionHolder.actor, requirePageRole: async () => sessionHolder.actor };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import fc from "fast-check";
import { discoverEntryPoints } from "../integration/authz/discover";
import { ROUTE_DRIVERS, type HttpCall } from "../integration/authz/drivers-api";
import { MATRIX } from "../integration/authz/matrix";
import { PEOPLE, type Person } from "../integration/authz/actors";
import { sessionHolder } from "../integration/authz/session";
import { buildWorld, type World } from "../integration/authz/world";
import { makeContribution } from "../integration/factories";
import { FuzzTally, show } from "./fuzz-check";
import { sendBent, type RequestBend } from "./fuzz-api-call";
import { isIdField, MB, nastyId, nastyKey, nastyString, wrongJson } from "./fuzz-values";
import { concurrentLinkCase, type LinkRaceResult } from "./fuzz-link-race";
import { recordFigure } from "./figures";
import { scaled } from "./scale";

const NOT_DRIVEN = new Set(Object.entries(MATRIX).filter(([, r]) => r.kind === "public" && !r.drive).map(([id]) => id));
const ROUTES = discoverEntryPoints().filter((e) => e.kind === "route" && !NOT_DRIVEN.has(e.id));
const TOTAL = scaled(80, 5_000);
const PER_ROUTE = Math.max(3, Math.ceil(TOTAL / ROUTES.length));
const RACES = scaled(2, 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

const tallies: FuzzTally[] = [];
const race = new FuzzTally("POST /api/v1/links, concurrent", true);
let w: World;
let withdrawnId: number;

beforeAll(async () => {
  w = await buildWorld();
  withdrawnId = (await makeContribution({ projectId: w.alpha.id, authorIds: [w.actors.contributor.id], deleted: true })).id;
});

function allowedPerson(id: string): Person {
  const rule = MATRIX[id];
  if (rule?.kind !== "api" && rule?.kind !== "sessionRoute") throw new Error(`${id}: no route rule in the matrix`);
  const who = PEOPLE.find((p) => [200, 201, 202, 204].includes(rule.out[p])) ?? PEOPLE.find((p) => rule.out[p] === 400 || rule.out[p] === 409);
  if (!who) throw new Error(`${id}: the matrix allows no one`);
  return who;
}

const RAW_BODIES: (string | Uint8Array)[] = [
  "", " ", "{", "[]", "null", "1", "\"text\"", "{\"a\":}", "{'single':1}", "\u0000", "{\"title\":\"\\ud800\"}", "[".repeat(10_000),
  "external_id,project,title,kind,occurred_at,authors\nfz-1,alpha,Reef survey,data,2026-01-10,ada@example.org\n",
  "{\"external_id\": \"fz-2\", \"project\": \"alpha\", \"title\": \"Tide\", \"kind\": \"data\", \"occurred_at\": \"2026-01-12\", \"authors\": \"bob@example.org\"}\n",
  "from,to\nfz-1,fz-2\n",
  new Uint8Array([0xff, 0xfe, 0x00, 0x7b]), new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
];
const CONTENT_TYPES = [null, "text/plain", "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json"];
const QUERY_KEYS = ["cursor", "limit", "from", "to", "project", "status", "kind", "q", "metric", "unit", "period", "dataset", "format", "source", "filename", "segment", "variant", "__proto__"];

function bendArbitrary(c: HttpCall, refs: number[], method: string): fc.Arbitrary<RequestBend> {
  const keys = c.body && typeof c.body === "object" ? Object.keys(c.body as object) : [];
  const field = (k: string) => (isIdField(k) ? fc.oneof(wrongJson(refs), nastyId(refs).map(Number)) : wrongJson(refs));
  const setOne = keys.length ? fc.oneof(fc.constantFrom(...keys).chain((k) => field(k).map((v) => [k, v] as [string, unknown])), fc.tuple(nastyKey(), wrongJson(refs))) : fc.tuple(nastyKey(), wrongJson(refs));
  const query = fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS, ...new URL(`http://x${c.path}`).searchParams.keys()), fc.oneof(nastyString("url"), nastyId(refs))), { maxLength: 3 });
  const params = c.params && Object.keys(c.params).length ? fc.option(fc.dictionary(fc.constantFrom(...Object.keys(c.params)), nastyId(refs), { minKeys: 1 }), { nil: undefined }) : fc.constant(undefined);
  const sendsBody = method !== "GET" && method !== "HEAD";
  const body = sendsBody
    ? fc.oneof(
        { weight: 4, arbitrary: fc.record({ set: fc.array(setOne, { minLength: 1, maxLength: 3 }), drop: fc.subarray(keys, { maxLength: Math.min(2, keys.length) }) }) },
        { weight: 1, arbitrary: fc.record({ raw: fc.oneof(fc.constantFrom(...RAW_BODIES), fc.constant(`{"title":"${"x".repeat(MB + 10)}"}`)), contentType: fc.constantFrom(...CONTENT_TYPES) }) },
        { weight: 1, arbitrary: fc.record({ set: fc.constant([] as [string, unknown][]), contentType: fc.constantFrom(...CONTENT_TYPES) }) },
      )
    : fc.constant({});
  return fc.record({ body, query, params, idempotencyKey: fc.option(fc.oneof(fc.constantFrom("", " ", "k".repeat(256), "é", "a\tb", "retry-1"), fc.string({ maxLength: 20 })), { nil: undefined }) })
    .map(({ body: b, ...rest }) => ({ ...b, ...rest }));
}

test("every discovered route is fuzzed: each has a driver in the authorization matrix", () => {
  expect(ROUTES.filter((r) => !ROUTE_DRIVERS[r.id]).map((r) => `no driver for ${r.id}: add one to tests/integration/authz/drivers-api.ts`)).toEqual([]);
  expect(ROUTES.length).toBeGreaterThanOrEqual(25);
});

describe("route handlers under bad input", () => {
  for (const [index, entry] of ROUTES.entries()) {
    test(entry.id, async () => {
      const method = entry.id.split(" ")[0];
      const rule = MATRIX[entry.id];
      const who = allowedPerson(entry.id);
      const caller = { token: rule.kind === "api" ? w.tokens[who] : null };
      const tally = new FuzzTally(entry.id, true);
      tallies.push(tally);
      let call = await ROUTE_DRIVERS[entry.id].prepare(w);
      const refs = [withdrawnId, 999_999, ...Object.values(call.params ?? {}).map(Number), ...Object.values((call.body ?? {}) as Record<string, unknown>).filter((v): v is number => typeof v === "number")];
      sessionHolder.actor = rule.kind === "sessionRoute" ? w.actors[who] : null;
      try {
        const sane = await tally.check("as the driver calls it", () => show(call.body), () => sendBent(method, call, caller, {}));
        expect(sane.kind, `${entry.id} as its driver calls it`).not.toBe("serverError");
        call = await ROUTE_DRIVERS[entry.id].prepare(w);
        tally.invalidate();
        await fc.assert(
          fc.asyncProperty(bendArbitrary(call, refs, method), async (bend) => {
            const outcome = await tally.check(entry.id, () => show(bend), () => sendBent(method, call, caller, bend));
            if (outcome.kind === "accepted" && method !== "GET") {
              call = await ROUTE_DRIVERS[entry.id].prepare(w);
              tally.invalidate();
            }
            return true;
          }),
          { numRuns: PER_ROUTE, seed: SEED + index },
        );
      } finally {
        sessionHolder.actor = null;
      }
      expect(tally.problems).toEqual([]);
    });
  }
});

test("link creations raced at work of equal and unequal dates never store a cycle", async () => {
  const results: LinkRaceResult[] = [];
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom("2026-03-01", "2026-03-02", "2026-03-03"), { minLength: 2, maxLength: 5 }),
      fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { minLength: 2, maxLength: 12 }),
      async (dates, pairs) => {
        results.push(await concurrentLinkCase(w, race, dates, pairs));
        return true;
      },
    ),
    { numRuns: RACES, seed: SEED },
  );
  expect(race.problems).toEqual([]);
  expect(results.filter((r) => r.cycle).map((r) => r.cycle)).toEqual([]);
  // The race is real: some attempts were accepted and some refused.
  expect([results.some((r) => r.accepted > 0), results.some((r) => r.refused > 0)]).toEqual([true, true]);
});

afterAll(() => {
  const all = [...tallies, race];
  const sum = (f: (t: FuzzTally) => number) => all.reduce((s, t) => s + f(t), 0);
  const families = new Map<string, number>();
  for (const t of all) {
    const family = t === race ? "api/v1 links, raced" : t.family.includes("/api/admin/") ? "api/admin (session)" : `api/v1 ${t.family.split(" ")[1].split("/")[3]}`;
    families.set(family, (families.get(family) ?? 0) + t.cases);
  }
  for (const [family, cases] of [...families].sort()) recordFigure({ part: "fuzzing", name: `cases: ${family}`, value: cases });
  recordFigure({ part: "fuzzing", name: "cases: routes, total", value: sum((t) => t.cases), target: "with the actions ≥ 10,000" });
  recordFigure({ part: "fuzzing", name: "routes: 5xx responses", value: sum((t) => t.serverErrors), target: "0", met: sum((t) => t.serverErrors) === 0 });
  recordFigure({ part: "fuzzing", name: "routes: partial writes", value: sum((t) => t.partialWrites), target: "0", met: sum((t) => t.partialWrites) === 0 });
  recordFigure({ part: "fuzzing", name: "routes: refusals without a code and a clear message", value: sum((t) => t.unclearRefusals), target: "0", met: sum((t) => t.unclearRefusals) === 0 });
  console.log(`fuzz api: ${sum((t) => t.cases)} cases over ${tallies.length} routes and a link race (${sum((t) => t.accepted)} accepted, ${sum((t) => t.refused)} refused), ${sum((t) => t.serverErrors)} 5xx, ${sum((t) => t.partialWrites)} partial writes, ${sum((t) => t.unclearRefusals)} unclear refusals; seed ${SEED}`);
});
