// The metric reads' in-process answer cache (lib/api/response-cache.ts): a repeated read is the
// same answer with an ETag (If-None-Match → 304), a new run replaces it, and the caller's role and
// scope are checked before any cached answer is served.
//
// Dataset: project ocean (maintainer mona), project reef (maintainer otto). Run 1: ocean's weekly
// cohort Mar 2 (size 4: offset 0 → 4), bob "transactional". Run 2 (added mid-test): size 5, offset
// 0 → 5, bob "persistent".
import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { GET as cohortsGET } from "../../app/api/v1/metrics/cohorts/route";
import { GET as classesGET } from "../../app/api/v1/metrics/classes/route";
import { makeProject, makeUser } from "./factories";
import { call, expectError, tokenFor } from "./api-helpers";

let mona: { id: number }, bob: { id: number }, dora: { id: number };
let monaToken: string, ottoToken: string, doraToken: string, adminToken: string, scope: string;
const w = (d: number) => new Date(Date.UTC(2026, 2, d));
const base = { metricVersion: 1, paramsHash: "abc123", contributions: 10, links: 5, contributors: 3, status: "succeeded" as const };

async function writeRun(day: number, size: number, cls: string): Promise<number> {
  const run = await prisma.metricRun.create({ data: { ...base, asOf: w(day), finishedAt: w(day) } });
  await prisma.metricCohort.create({ data: { runId: run.id, scope, periodUnit: "week", variant: "exact", segment: "all", cohortStart: w(2), offset: 0, cohortSize: size, retained: size, rate: 1 } });
  await prisma.metricContributorClass.create({ data: { runId: run.id, scope, userId: bob.id, class: cls, evidence: {} } });
  return run.id;
}

beforeAll(async () => {
  mona = await makeUser({ handle: "mona", role: "maintainer" });
  const otto = await makeUser({ handle: "otto", role: "maintainer" });
  dora = await makeUser({ handle: "dora", role: "maintainer" });
  const admin = await makeUser({ handle: "ada", role: "admin" });
  bob = await makeUser({ handle: "bob" });
  const ocean = await makeProject({ slug: "ocean", maintainerIds: [mona.id, dora.id] });
  await makeProject({ slug: "reef", maintainerIds: [otto.id] });
  scope = `project:${ocean.id}`;
  const scopes = ["read", "metrics:read"];
  [monaToken, ottoToken, doraToken, adminToken] = await Promise.all([tokenFor(mona, scopes), tokenFor(otto, scopes), tokenFor(dora, scopes), tokenFor(admin, scopes)]);
  await writeRun(16, 4, "transactional");
});

interface Answer { run: { id: number }; cells: unknown[]; data: { class: string }[] }
const answer = (r: { body: unknown }) => r.body as Answer;
const cohorts = "/metrics/cohorts?project=ocean";
const classes = "/metrics/classes?project=ocean";

describe("metric reads served from the answer cache", () => {
  test("the same answer twice with one ETag, 304 on If-None-Match; a new run replaces it", async () => {
    const first = await call(cohortsGET, { path: cohorts, token: monaToken });
    const again = await call(cohortsGET, { path: cohorts, token: monaToken });
    expect(first.status).toBe(200);
    expect(answer(first).cells).toEqual([{ cohort: "2026-03-02", offset: 0, cohortSize: 4, retained: 4, rate: 1 }]);
    expect(again.body).toEqual(first.body);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(again.headers.get("etag")).toBe(etag);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const notModified = await call(cohortsGET, { path: cohorts, token: monaToken, headers: { "if-none-match": etag } });
    expect([notModified.status, notModified.body, notModified.headers.get("etag")]).toEqual([304, null, etag]);
    expect(answer(await call(classesGET, { path: classes, token: monaToken })).data.map((c) => c.class)).toEqual(["transactional"]);

    const run2 = await writeRun(17, 5, "persistent");
    const fresh = await call(cohortsGET, { path: cohorts, token: monaToken, headers: { "if-none-match": etag } });
    expect(fresh.status).toBe(200);
    expect(answer(fresh).run.id).toBe(run2);
    expect(answer(fresh).cells).toEqual([{ cohort: "2026-03-02", offset: 0, cohortSize: 5, retained: 5, rate: 1 }]);
    expect(fresh.headers.get("etag")).not.toBe(etag);
    expect(answer(await call(classesGET, { path: classes, token: monaToken })).data.map((c) => c.class)).toEqual(["persistent"]);
  });

  test("a cached answer is not served to a caller who may not see it", async () => {
    const ok = await call(cohortsGET, { path: cohorts, token: doraToken });
    expect(ok.status).toBe(200);
    const etag = ok.headers.get("etag")!;
    // another project's maintainer: 404, with or without the ETag
    expectError(await call(cohortsGET, { path: cohorts, token: ottoToken }), 404, "not_found", "No such project, or not one you maintain.");
    expectError(await call(cohortsGET, { path: cohorts, token: ottoToken, headers: { "if-none-match": etag } }), 404, "not_found", "No such project, or not one you maintain.");
    // dora loses the role after her answer was cached
    await prisma.projectMaintainer.deleteMany({ where: { userId: dora.id } });
    await prisma.user.update({ where: { id: dora.id }, data: { role: "contributor" } });
    expectError(await call(cohortsGET, { path: cohorts, token: doraToken, headers: { "if-none-match": etag } }), 403, "forbidden", "Metrics are for the maintainers of a project and for admins.");
    expectError(await call(classesGET, { path: classes, token: doraToken }), 403, "forbidden", "Metrics are for the maintainers of a project and for admins.");
    // the admin reads the same cached answer; the ecosystem stays the admin's
    expect((await call(cohortsGET, { path: cohorts, token: adminToken })).headers.get("etag")).toBe(etag);
    expectError(await call(cohortsGET, { path: "/metrics/cohorts", token: monaToken }), 403, "forbidden", "The ecosystem's metrics are for admins: pass ?project=<slug> of a project you maintain.");
  });
});
