// Every page's server component, called as Next calls it (no rendering) by each actor: the guard
// and the page's own data check decide, and the outcome must be the matrix's pageRow. The session
// module is replaced by one that reads a chosen actor but keeps lib/auth/session.ts's rules (no
// session: redirect to /sign-in; a role too low: notFound()). Refused calls change no table.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import path from "node:path";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "authz-pages-secret-authz-pages-secret-0123";
});
vi.mock("server-only", () => ({}));
// The sign-in and sign-up forms' actions pull in Auth.js, which needs Next's server runtime; the
// pages only hand them to their forms (the actions are public, see matrix.ts).
vi.mock("../../../lib/auth/actions", () => ({ signInAction: async () => ({ ok: false }), signUpAction: async () => ({ ok: false }), signOutAction: async () => {} }));
vi.mock("next/navigation", async (importOriginal) => {
  const real = await importOriginal<typeof import("next/navigation")>();
  const { RedirectSignal, NotFoundSignal } = await import("./session");
  return {
    ...real,
    redirect: (url: string) => { throw new RedirectSignal(url); },
    notFound: () => { throw new NotFoundSignal(); },
  };
});
vi.mock("../../../lib/auth/session", async () => {
  const { sessionHolder } = await import("./session");
  const { hasRole } = await import("../../../lib/auth/actor");
  const { redirect, notFound } = await import("next/navigation");
  const requirePageActor = async () => {
    if (!sessionHolder.actor) redirect("/sign-in");
    return sessionHolder.actor!;
  };
  return {
    getSessionActor: async () => sessionHolder.actor,
    requirePageActor,
    requirePageRole: async (role: "contributor" | "maintainer" | "admin") => {
      const actor = await requirePageActor();
      if (!hasRole(actor, role)) notFound();
      return actor;
    },
  };
});

import { prisma } from "../../../lib/db";
import { makeContribution } from "../factories";
import { PEOPLE, REFUSED, SHORT, type Person, type Status } from "./actors";
import { discoverEntryPoints, ROOT } from "./discover";
import { MATRIX, pageRow } from "./matrix";
import { NotFoundSignal, RedirectSignal, sessionHolder } from "./session";
import { everyTableCount } from "./table-counts";
import { alphaCampaign, buildWorld, workOf, type World } from "./world";

type Props = { params?: Record<string, string>; searchParams?: Record<string, string> };
const ALPHA = { searchParams: { project: "alpha" } };

/** The URL each page is opened at, where it needs one; the rest open with no params. */
const TARGETS: Record<string, (w: World) => Promise<Props>> = {
  "page /contributions/[id]": async (w) => ({ params: { id: String((await makeContribution({ projectId: w.alpha.id, authorIds: [w.actors.contributor.id], deleted: true })).id) } }),
  "page /contributions/[id]/edit": async (w) => ({ params: { id: String((await workOf(w, "contributor")).id) } }),
  "page /people/[handle]": async (w) => ({ params: { handle: w.actors.contributor.handle } }),
  "page /campaigns/[id]/edit": async (w) => ({ params: { id: String((await alphaCampaign(w)).id) } }),
  "page /admin/imports/[id]": async (w) => ({
    params: { id: String((await prisma.importBatch.create({ data: { kind: "contributions", format: "csv", filename: "a.csv", createdById: w.actors.admin.id } })).id) },
  }),
  "page /admin/people/[id]": async (w) => ({ params: { id: String(w.actors.contributor.id) } }),
  "page /admin/projects/[id]": async (w) => ({ params: { id: String(w.alpha.id) } }),
};
for (const id of Object.keys(MATRIX)) if (id.startsWith("page /dashboards")) TARGETS[id] = async () => ALPHA;

const pages = discoverEntryPoints().filter((e) => e.kind === "page");
const printed: string[] = [];
let w: World;
let refusedCalls = 0;

beforeAll(async () => {
  w = await buildWorld();
});

async function open(file: string, props: Props): Promise<Status> {
  const mod = (await import(path.join(ROOT, file))) as { default: (p: unknown) => Promise<unknown> | unknown };
  try {
    await mod.default({ params: Promise.resolve(props.params ?? {}), searchParams: Promise.resolve(props.searchParams ?? {}) });
    return 200;
  } catch (e) {
    if (e instanceof NotFoundSignal) return 404;
    // Sent to sign in: not signed in. Any other redirect is the page's own answer to a permitted visitor.
    if (e instanceof RedirectSignal) return e.url.startsWith("/sign-in") ? 401 : 200;
    throw e;
  }
}

describe("pages, called as server components", () => {
  test("TARGETS names only pages that exist", () => {
    expect(Object.keys(TARGETS).filter((id) => !pages.some((p) => p.id === id))).toEqual([]);
  });

  for (const page of pages) {
    test(page.id, async () => {
      const rule = MATRIX[page.id];
      if (rule?.kind !== "page") throw new Error(`no page rule for ${page.id}`);
      const expected = pageRow(rule);
      const actual = {} as typeof expected;
      // Pages only read: one target serves every actor.
      const props = (await TARGETS[page.id]?.(w)) ?? {};
      for (const who of ["anonymous", ...PEOPLE] as const) {
        const before = REFUSED.includes(expected[who]) ? await everyTableCount() : null;
        sessionHolder.actor = who === "anonymous" ? null : w.actors[who as Person];
        try {
          actual[who] = await open(page.file, props);
        } finally {
          sessionHolder.actor = null;
        }
        if (before) {
          refusedCalls++;
          expect({ page: page.id, who, counts: await everyTableCount() }).toEqual({ page: page.id, who, counts: before });
        }
      }
      expect(actual).toEqual(expected);
      printed.push(`${page.id.padEnd(34)} ${(["anonymous", ...PEOPLE] as const).map((a) => String(actual[a]).padStart(7)).join(" ")}`);
    });
  }
});

afterAll(() => {
  const header = `${"page".padEnd(34)} ${(["anonymous", ...PEOPLE] as const).map((a) => SHORT[a].padStart(7)).join(" ")}`;
  console.log([header, ...printed.sort(), `authz pages: ${printed.length} pages × 6 actors = ${printed.length * 6} calls, ${refusedCalls} refused, each with every table's row count unchanged`].join("\n"));
});
