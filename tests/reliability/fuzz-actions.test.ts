// Property-based fuzzing of every server action the code exports (found by the authorization
// matrix's discovery, called through its drivers): each action is first called as the matrix's
// driver calls it, as a person it allows, and then with the form bent out of shape (fields
// replaced by bad values, dropped, repeated, files, prototype-pollution keys) or with arguments of
// the wrong type altogether, as a hand-written request to the action endpoint could send them.
// Every case: no thrown error and no unknown error behind the generic message, every refusal a
// message a person can read, and no table's row count changed by a refusal (fuzz-check.ts).
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "fuzz-actions-secret-fuzz-actions-secret-01";
});
vi.mock("../../lib/auth/session", async () => {
  const { sessionHolder } = await import("../integration/authz/session");
  return { getSessionActor: async () => sessionHolder.actor, requirePageActor: async () => sessionHolder.actor, requirePageRole: async () => sessionHolder.actor };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", async () => {
  const { RedirectSignal } = await import("../integration/authz/session");
  return { redirect: (url: string) => { throw new RedirectSignal(url); }, notFound: () => { throw new Error("notFound() called from an action"); } };
});
// The generic "Something went wrong" result hides an unknown error: the wrapper notes it.
vi.mock("../../lib/actions/result", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../lib/actions/result")>();
  const { unknownActionError } = await import("./fuzz-action-call");
  const { isAppError } = await import("../../lib/errors");
  return {
    ...real,
    runAction: (work: () => Promise<string | void>, values?: Record<string, unknown>) =>
      real.runAction(async () => {
        try {
          return await work();
        } catch (e) {
          if (!isAppError(e)) unknownActionError.error = e;
          throw e;
        }
      }, values),
  };
});

import path from "node:path";
import fc from "fast-check";
import { discoverEntryPoints, ROOT } from "../integration/authz/discover";
import { ACTION_DRIVERS } from "../integration/authz/drivers-actions";
import { MATRIX } from "../integration/authz/matrix";
import { PEOPLE, type Person } from "../integration/authz/actors";
import { sessionHolder } from "../integration/authz/session";
import { buildWorld, type World } from "../integration/authz/world";
import { makeContribution } from "../integration/factories";
import { callAction, captureForm, type ActionCall } from "./fuzz-action-call";
import { FuzzTally, show } from "./fuzz-check";
import { isIdField, nastyId, nastyKey, nastyString, SHARES, wrongJson } from "./fuzz-values";
import { recordFigure } from "./figures";
import { scaled } from "./scale";

/** Auth.js's own forms: no session to fuzz behind, and tests/integration/auth.test.ts covers their input. */
const NOT_DRIVEN = new Set(Object.entries(MATRIX).filter(([, r]) => r.kind === "public" && !r.drive).map(([id]) => id));
const ACTIONS = discoverEntryPoints().filter((e) => e.kind === "action" && !NOT_DRIVEN.has(e.id));
const TOTAL = scaled(90, 6_000);
const PER_ACTION = Math.max(3, Math.ceil(TOTAL / ACTIONS.length));
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** The regression's argument lists: the two that threw, then (at full size) two more shapes. */
const WRONG_ARGUMENTS: unknown[][] = [[], [-1, " 1 ", null], ...(scaled(0, 1) ? [[{ ok: false }, "form"], [{ ok: false }, { id: "1" }]] : [])];

const tallies: FuzzTally[] = [];
let w: World;
let withdrawnId: number;

beforeAll(async () => {
  w = await buildWorld();
  withdrawnId = (await makeContribution({ projectId: w.alpha.id, authorIds: [w.actors.contributor.id], deleted: true })).id;
});

/** The first person the matrix lets through, so that the cases reach validation and the rules after it. */
function allowedPerson(id: string): Person {
  const rule = MATRIX[id];
  if (rule?.kind !== "action") throw new Error(`${id}: no action rule in the matrix`);
  const who = PEOPLE.find((p) => rule.out[p] === 200) ?? PEOPLE.find((p) => rule.out[p] === 400 || rule.out[p] === 409);
  if (!who) throw new Error(`${id}: the matrix allows no one`);
  return who;
}

type FormCase = { kind: "form"; edits: [string, string][]; extra: [string, string][]; drop: string[]; repeat: boolean; file: boolean; coAuthors: [string, string][] };
type ArgsCase = { kind: "args"; args: unknown[] };

function caseArbitrary(keys: string[], refs: number[], handles: string[]): fc.Arbitrary<FormCase | ArgsCase> {
  const value = (key: string) => (isIdField(key) ? fc.oneof(nastyId(refs), nastyString()) : nastyString());
  const edit = keys.length ? fc.constantFrom(...keys).chain((k) => value(k).map((v) => [k, v] as [string, string])) : fc.constant(["x", "y"] as [string, string]);
  const form = fc.record({
    kind: fc.constant("form" as const),
    edits: fc.array(edit, { minLength: 1, maxLength: 3 }),
    extra: fc.array(fc.tuple(nastyKey(), nastyString()), { maxLength: 2 }),
    drop: fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
    repeat: fc.boolean(),
    file: fc.boolean(),
    coAuthors: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...handles), nastyString()), fc.oneof(fc.constantFrom(...SHARES, "150", "-10", "33.333", "50"), nastyString())), { maxLength: 3 }),
  });
  const args = fc.record({ kind: fc.constant("args" as const), args: fc.array(fc.oneof(wrongJson(refs), fc.constant(undefined), fc.constant("form")), { maxLength: 3 }) });
  return keys.length ? fc.oneof({ weight: 4, arbitrary: form }, { weight: 1, arbitrary: args }) : args;
}

function buildForm(base: [string, string][], c: FormCase): FormData {
  const values = new Map(base);
  for (const k of c.drop) values.delete(k);
  for (const [k, v] of c.edits) values.set(k, v);
  const f = new FormData();
  for (const [k, v] of values) f.append(k, v);
  for (const [k, v] of c.extra) f.append(k, v);
  for (const [h, s] of c.coAuthors) {
    f.append("coAuthorHandle", h);
    f.append("coAuthorShare", s);
  }
  if (c.repeat && base.length) f.append(base[0][0], base[0][1]);
  if (c.file) f.append(base[0]?.[0] ?? "file", new Blob(["\u0000binary"]), "../../evil.sh");
  return f;
}

test("every discovered server action is fuzzed: each has a driver in the authorization matrix", () => {
  expect(ACTIONS.filter((a) => !ACTION_DRIVERS[a.id]).map((a) => `no driver for ${a.id}: add one to tests/integration/authz/drivers-actions.ts`)).toEqual([]);
  expect(ACTIONS.length).toBeGreaterThanOrEqual(30);
});

// The exact arguments that made every form action throw a TypeError (a 500) before formToObject
// and formValue refused to read a non-form: no arguments, and a number, a string and null.
test("regression: every action called without its form, or with wrong arguments, answers with a message", async () => {
  const tally = new FuzzTally("regression: wrong arguments", false);
  sessionHolder.actor = w.actors.admin;
  try {
    for (const entry of ACTIONS) {
      const fn = (await import(path.join(ROOT, entry.file)))[entry.id.split("#")[1]] as (...args: unknown[]) => Promise<unknown>;
      for (const args of WRONG_ARGUMENTS) {
        await tally.check(entry.id, () => show(args), () => callAction(() => fn(...args)));
      }
    }
  } finally {
    sessionHolder.actor = null;
  }
  tallies.push(tally);
  expect(tally.problems).toEqual([]);
  expect(tally.cases).toBe(ACTIONS.length * WRONG_ARGUMENTS.length);
});

describe("server actions under bad input", () => {
  for (const [index, entry] of ACTIONS.entries()) {
    test(entry.id, async () => {
      const name = entry.id.split("#")[1];
      const fn = (await import(path.join(ROOT, entry.file)))[name] as (...args: unknown[]) => Promise<unknown>;
      const who = allowedPerson(entry.id);
      const tally = new FuzzTally(entry.id, false);
      tallies.push(tally);
      let prepared: { call: ActionCall; base: [string, string][] | null } = await captureForm(ACTION_DRIVERS[entry.id], w);
      const refs = [withdrawnId, 999_999, ...(prepared.base ?? []).map(([, v]) => Number(v)).filter((n) => Number.isInteger(n) && n > 0)];
      const handles = Object.values(w.actors).map((a) => a.handle ?? "nobody");
      const keys = (prepared.base ?? []).map(([k]) => k);
      sessionHolder.actor = w.actors[who];
      try {
        // The unbent call first: the fuzzing below starts from a call that works.
        const sane = await tally.check("as the driver calls it", () => show(prepared.base), () => callAction(() => prepared.call()));
        expect(sane.kind, `${entry.id} as its driver calls it`).not.toBe("serverError");
        // Regression: an id past PostgreSQL's integer range in a merge or claim threw a ZodError out of
        // a transform (lib/validation/people.ts); every action gets that exact value in every field.
        if (prepared.base) {
          const huge: FormCase = { kind: "form", edits: keys.map((k) => [k, "2317125647"]), extra: [], drop: [], repeat: false, file: false, coAuthors: [] };
          await tally.check("every field 2317125647", () => show(huge), () => callAction(() => fn({ ok: false }, buildForm(prepared.base ?? [], huge))));
        }
        prepared = await captureForm(ACTION_DRIVERS[entry.id], w);
        tally.invalidate();
        await fc.assert(
          fc.asyncProperty(caseArbitrary(keys, refs, handles), async (c) => {
            const args = c.kind === "form" ? [{ ok: false }, buildForm(prepared.base ?? [], c)] : c.args.map((a) => (a === "form" ? new FormData() : a));
            const outcome = await tally.check(entry.id, () => show(c), () => callAction(() => fn(...args)));
            // An accepted case used its target up (a withdrawal, a merge): the next ones get a fresh one.
            if (outcome.kind === "accepted") {
              prepared = await captureForm(ACTION_DRIVERS[entry.id], w);
              tally.invalidate();
            }
            return true;
          }),
          { numRuns: PER_ACTION, seed: SEED + index },
        );
      } finally {
        sessionHolder.actor = null;
      }
      expect(tally.problems).toEqual([]);
    });
  }
});

afterAll(() => {
  const sum = (f: (t: FuzzTally) => number) => tallies.reduce((s, t) => s + f(t), 0);
  const byFile = new Map<string, number>();
  for (const t of tallies) {
    const family = t.family.startsWith("action ") ? `actions ${t.family.split(" ")[1].split("#")[0]}` : `actions, ${t.family}`;
    byFile.set(family, (byFile.get(family) ?? 0) + t.cases);
  }
  for (const [family, cases] of byFile) recordFigure({ part: "fuzzing", name: `cases: ${family}`, value: cases });
  recordFigure({ part: "fuzzing", name: "cases: server actions, total", value: sum((t) => t.cases), target: "with the API ≥ 10,000" });
  recordFigure({ part: "fuzzing", name: "server actions: unexpected errors", value: sum((t) => t.serverErrors), target: "0", met: sum((t) => t.serverErrors) === 0 });
  recordFigure({ part: "fuzzing", name: "server actions: partial writes", value: sum((t) => t.partialWrites), target: "0", met: sum((t) => t.partialWrites) === 0 });
  recordFigure({ part: "fuzzing", name: "server actions: refusals without a clear message", value: sum((t) => t.unclearRefusals), target: "0", met: sum((t) => t.unclearRefusals) === 0 });
  console.log(`fuzz actions: ${sum((t) => t.cases)} cases over ${tallies.length} actions (${sum((t) => t.accepted)} accepted, ${sum((t) => t.refused)} refused), ${sum((t) => t.serverErrors)} unexpected errors, ${sum((t) => t.partialWrites)} partial writes, ${sum((t) => t.unclearRefusals)} unclear refusals; seed ${SEED}`);
});
