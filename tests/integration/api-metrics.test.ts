// /api/v1/metrics/* through the route handlers: the stored results of the newest succeeded run
// (an older run and a failed newer one are written too and must not show), for the scope the
// caller may read, with the dashboards' filters.
//
// Dataset, scope project:<ocean>, weekly: retention.conversion 0.5 (Mar 2), 0.25 (Mar 9), 0.4
// (Mar 16, incomplete); cohorts Mar 2 (size 4: offset 0 → 4, 1 → 2); two contributors' summaries
// (mona 3.0 attribution, bob 1.0), their classes, one signal. The ecosystem scope has one point.
import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { GET as seriesGET } from "../../app/api/v1/metrics/series/route";
import { GET as cohortsGET } from "../../app/api/v1/metrics/cohorts/route";
import { GET as contributorsGET } from "../../app/api/v1/metrics/contributors/route";
import { GET as classesGET } from "../../app/api/v1/metrics/classes/route";
import { GET as signalsGET } from "../../app/api/v1/metrics/signals/route";
import { classesResponseSchema, cohortsResponseSchema, contributorsResponseSchema, seriesResponseSchema, signalsResponseSchema } from "../../lib/api/schemas/metrics";
import { makeProject, makeUser } from "./factories";
import { call, expectError, parsed, revokedTokenFor, tokenFor } from "./api-helpers";

let maintToken: string, adminToken: string, otherMaintToken: string, noMetricsScope: string, demotedToken: string, revoked: string;
let scope: string, runId: number, mona: { id: number; handle: string }, bob: { id: number; handle: string };
let run: { id: number; asOf: string; finishedAt: string; metricVersion: number; paramsHash: string };
const w = (d: number) => new Date(Date.UTC(2026, 2, d));

beforeAll(async () => {
  mona = await makeUser({ handle: "mona", role: "maintainer" });
  const otto = await makeUser({ handle: "otto", role: "maintainer" });
  const admin = await makeUser({ handle: "ada", role: "admin" });
  const demoted = await makeUser({ handle: "dora", role: "maintainer" });
  bob = await makeUser({ handle: "bob" });
  const ocean = await makeProject({ slug: "ocean", maintainerIds: [mona.id, demoted.id] });
  await makeProject({ slug: "reef", maintainerIds: [otto.id] });
  scope = `project:${ocean.id}`;
  const all = ["read", "metrics:read"];
  [maintToken, adminToken, otherMaintToken, noMetricsScope, demotedToken, revoked] = await Promise.all([
    tokenFor(mona, all), tokenFor(admin, all), tokenFor(otto, all), tokenFor(mona, ["read"]), tokenFor(demoted, all), revokedTokenFor(mona),
  ]);
  // A maintainer demoted after creating the token: the scope stays, the role no longer allows it.
  await prisma.user.update({ where: { id: demoted.id }, data: { role: "contributor" } });
  await prisma.projectMaintainer.deleteMany({ where: { userId: demoted.id } });

  const base = { metricVersion: 1, paramsHash: "abc123", contributions: 10, links: 5, contributors: 3 };
  const older = await prisma.metricRun.create({ data: { ...base, status: "succeeded", asOf: w(1), finishedAt: w(1) } });
  const current = await prisma.metricRun.create({ data: { ...base, status: "succeeded", asOf: w(18), finishedAt: w(18), paramsHash: "def456" } });
  await prisma.metricRun.create({ data: { ...base, status: "failed", asOf: w(19) } });
  runId = current.id;
  run = { id: current.id, asOf: w(18).toISOString(), finishedAt: w(18).toISOString(), metricVersion: 1, paramsHash: "def456" };
  const series = (r: number, s: string, d: number, value: number, isComplete = true, segment = "all") =>
    ({ runId: r, scope: s, periodUnit: "week", metric: "retention.conversion", segment, periodStart: w(d), value, isComplete });
  await prisma.metricSeries.createMany({
    data: [
      series(runId, scope, 2, 0.5), series(runId, scope, 9, 0.25), series(runId, scope, 16, 0.4, false),
      series(runId, scope, 2, 0.75, true, "organic"), series(runId, "all", 2, 0.6), series(older.id, scope, 2, 0.99),
    ],
  });
  await prisma.metricCohort.createMany({
    data: [0, 1].map((offset) => ({ runId, scope, periodUnit: "week", variant: "exact", segment: "all", cohortStart: w(2), offset, cohortSize: 4, retained: offset ? 2 : 4, rate: offset ? 0.5 : 1 })),
  });
  const summary = (userId: number, attribution: number) => ({
    runId, scope, userId, contributions: 2, attribution, attributionShare: attribution / 4, contributionShare: 0.5, premium: 0.1,
    betweenness: 0, isHub: attribution > 2, passThrough: 0, pagerank: 0.2, visibility: 1.5, visibilityShare: 0.5, sources: { sources: [], links: [] },
  });
  await prisma.metricContributorSummary.createMany({ data: [summary(bob.id, 1), summary(mona.id, 3)] });
  await prisma.metricContributorClass.createMany({
    data: [{ runId, scope, userId: bob.id, class: "transactional", evidence: { campaignShare: 0.8 } }, { runId, scope, userId: mona.id, class: "persistent", evidence: { activePeriods: 9 } }],
  });
  await prisma.metricSignal.create({ data: { runId, scope, periodUnit: "week", code: "retention_drop", severity: "warning", periodStart: w(9), message: "Conversion halved", evidence: { from: 0.5, to: 0.25 } } });
});

describe("GET /metrics/*", () => {
  test("a maintainer reads their project's series, cohorts, contributors, classes and signals from the newest succeeded run", async () => {
    const scopeView = { project: "ocean", scope };
    expect(parsed(seriesResponseSchema, await call(seriesGET, { path: "/metrics/series?project=ocean&metric=retention.conversion,hubs.icr&from=2026-03-02&to=2026-03-16", token: maintToken }))).toEqual({
      run, scope: scopeView, unit: "week", segment: "all",
      series: {
        "retention.conversion": [{ period: "2026-03-02", value: 0.5, isComplete: true }, { period: "2026-03-09", value: 0.25, isComplete: true }, { period: "2026-03-16", value: 0.4, isComplete: false }],
        "hubs.icr": [],
      },
    });
    expect(parsed(seriesResponseSchema, await call(seriesGET, { path: "/metrics/series?project=ocean&metric=retention.conversion&segment=organic&to=2026-03-08", token: maintToken })).series)
      .toEqual({ "retention.conversion": [{ period: "2026-03-02", value: 0.75, isComplete: true }] });
    expect(parsed(cohortsResponseSchema, await call(cohortsGET, { path: "/metrics/cohorts?project=ocean", token: maintToken }))).toEqual({
      run, scope: scopeView, unit: "week", segment: "all", variant: "exact",
      cells: [{ cohort: "2026-03-02", offset: 0, cohortSize: 4, retained: 4, rate: 1 }, { cohort: "2026-03-02", offset: 1, cohortSize: 4, retained: 2, rate: 0.5 }],
    });
    const contributors = parsed(contributorsResponseSchema, await call(contributorsGET, { path: "/metrics/contributors?project=ocean&limit=1", token: maintToken }));
    expect(contributors).toEqual({
      run, scope: scopeView,
      data: [{ userId: mona.id, handle: "mona", name: expect.any(String), contributions: 2, attribution: 3, attributionShare: 0.75, contributionShare: 0.5, premium: 0.1, betweenness: 0, isHub: true, passThrough: 0, pagerank: 0.2, visibility: 1.5, visibilityShare: 0.5 }],
    });
    const first = parsed(classesResponseSchema, await call(classesGET, { path: "/metrics/classes?project=ocean&limit=1", token: maintToken }));
    expect(first).toEqual({ run, scope: scopeView, counts: { persistent: 1, transactional: 1 }, data: [{ userId: mona.id, handle: "mona", class: "persistent", evidence: { activePeriods: 9 } }], nextCursor: expect.any(String) });
    const second = parsed(classesResponseSchema, await call(classesGET, { path: `/metrics/classes?project=ocean&limit=1&cursor=${first.nextCursor}`, token: maintToken }));
    expect([second.data.map((c) => c.handle), second.nextCursor]).toEqual([["bob"], null]);
    expect(parsed(signalsResponseSchema, await call(signalsGET, { path: "/metrics/signals?project=ocean", token: maintToken }))).toEqual({
      run, scope: scopeView, unit: "week",
      data: [{ id: expect.any(Number), code: "retention_drop", severity: "warning", period: "2026-03-09", message: "Conversion halved", evidence: { from: 0.5, to: 0.25 } }],
    });
  });

  test("an admin reads the ecosystem; a maintainer asking for it is told to name a project", async () => {
    expect(parsed(seriesResponseSchema, await call(seriesGET, { path: "/metrics/series?metric=retention.conversion", token: adminToken })).series)
      .toEqual({ "retention.conversion": [{ period: "2026-03-02", value: 0.6, isComplete: true }] });
    expectError(await call(seriesGET, { path: "/metrics/series?metric=retention.conversion", token: maintToken }), 403, "forbidden", "The ecosystem's metrics are for admins: pass ?project=<slug> of a project you maintain.");
  });

  test("refuses another project's maintainer (404), a demoted owner, a token without metrics:read, revoked and anonymous callers", async () => {
    const path = "/metrics/signals?project=ocean";
    expectError(await call(signalsGET, { path, token: otherMaintToken }), 404, "not_found", "No such project, or not one you maintain.");
    expectError(await call(signalsGET, { path, token: demotedToken }), 403, "forbidden", "Metrics are for the maintainers of a project and for admins.");
    expectError(await call(signalsGET, { path, token: noMetricsScope }), 403, "insufficient_scope");
    expectError(await call(signalsGET, { path, token: revoked }), 401, "invalid_token");
    expectError(await call(signalsGET, { path }), 401, "unauthenticated");
    expectError(await call(seriesGET, { path: "/metrics/series?project=ocean", token: maintToken }), 400, "invalid_input");
    expectError(await call(seriesGET, { path: "/metrics/series?project=ocean&metric=x&unit=day", token: maintToken }), 400, "invalid_input");
    expectError(await call(classesGET, { path: "/metrics/classes?project=ocean&cursor=zzz", token: maintToken }), 400, "invalid_cursor");
  });

  test("before any run, answers run: null and empty results", async () => {
    await prisma.metricRun.updateMany({ data: { status: "failed" } });
    expect(parsed(seriesResponseSchema, await call(seriesGET, { path: "/metrics/series?project=ocean&metric=retention.conversion", token: maintToken }))).toEqual({
      run: null, scope: { project: "ocean", scope }, unit: "week", segment: "all", series: { "retention.conversion": [] },
    });
    expect(parsed(classesResponseSchema, await call(classesGET, { path: "/metrics/classes?project=ocean", token: maintToken }))).toEqual({ run: null, scope: { project: "ocean", scope }, counts: {}, data: [], nextCursor: null });
    await prisma.metricRun.update({ where: { id: runId }, data: { status: "succeeded" } });
  });
});
