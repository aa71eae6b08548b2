// Metric parameter writes on a real database: the stored set, its hash, the audit event with
// before/after and the queued recompute for every change; refusals that change nothing; and the
// page's "applied" status after a real recompute that reads the stored set.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import pg from "pg";
import { prisma } from "../../lib/db";
import { resetMetricParams, saveMetricParams } from "../../lib/params/mutations";
import { getParamsView } from "../../lib/params/queries";
import { PARAM_PATHS } from "../../lib/params/catalogue";
import { getAtPath } from "../../lib/params/paths";
import { DEFAULT_PARAMS, paramsHash, parseParams, type MetricParams } from "../../lib/metrics/params";
import { recomputeMetrics } from "../../lib/jobs/recompute";
import { AppError } from "../../lib/errors";
import type { Actor } from "../../lib/auth/actor";
import { actorOf, auditCount, makeContribution, makeProject, makeUser, rowCounts } from "./factories";

let admin: Actor, maintainer: Actor, contributor: Actor, projectId: number;
let pool: pg.Pool;

beforeAll(async () => {
  const [a, m, c] = await Promise.all([makeUser({ role: "admin", handle: "root" }), makeUser({ role: "maintainer", handle: "mara" }), makeUser({ handle: "cody" })]);
  projectId = (await makeProject({ slug: "ocean", maintainerIds: [m.id] })).id;
  [admin, maintainer, contributor] = await Promise.all([actorOf(a), actorOf(m), actorOf(c)]);
  await makeContribution({ projectId, authorIds: [c.id], occurredAt: new Date("2026-01-05T00:00:00Z") });
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});

afterAll(async () => {
  await pool.end();
});

const formOf = (params: MetricParams, scope: string, over: Record<string, string> = {}) => ({
  scope, ...Object.fromEntries(PARAM_PATHS.map((p) => [p, String(getAtPath(params, p))])), ...over,
});

const WITH_RHO_04: MetricParams = { ...DEFAULT_PARAMS, passThrough: 0.4 };

async function everything() {
  const [rows, sets, jobs] = await Promise.all([
    rowCounts(),
    prisma.metricParamSet.findMany({ orderBy: { id: "asc" } }),
    prisma.job.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { rows, sets, jobs };
}

async function expectRefused(run: () => Promise<unknown>, code: string, fieldErrors?: Record<string, string>) {
  const before = await everything();
  const e = await run().then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (fieldErrors) expect((e as AppError).fieldErrors).toEqual(fieldErrors);
  expect(await everything()).toEqual(before);
}

async function lastAudit() {
  const e = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
  return { actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, before: e.before, after: e.after };
}

const queued = async () => (await prisma.job.findMany({ where: { kind: "metrics.recompute", status: "queued" }, select: { payload: true } })).map((j) => j.payload);

describe("saveMetricParams", () => {
  test("refuses anonymous visitors, contributors and maintainers (even of the project), changing nothing", async () => {
    await expectRefused(() => saveMetricParams(null, formOf(WITH_RHO_04, "ecosystem")), "unauthenticated");
    await expectRefused(() => saveMetricParams(contributor, formOf(WITH_RHO_04, "ecosystem")), "forbidden");
    await expectRefused(() => saveMetricParams(maintainer, formOf(WITH_RHO_04, "ecosystem")), "forbidden");
    await expectRefused(() => saveMetricParams(maintainer, formOf(WITH_RHO_04, String(projectId))), "forbidden");
    await expectRefused(() => resetMetricParams(maintainer, "ecosystem"), "forbidden");
  });

  test("refuses bad values beside each field and unknown projects, changing nothing", async () => {
    await expectRefused(() => saveMetricParams(admin, formOf(DEFAULT_PARAMS, "ecosystem", { passThrough: "1.2", "pagerank.maxIterations": "2.5", "kindWeights.code": "" })), "invalid_input", {
      passThrough: "At most 1", "pagerank.maxIterations": "Must be a whole number", "kindWeights.code": "Enter a number",
    });
    await expectRefused(() => saveMetricParams(admin, formOf(DEFAULT_PARAMS, "999999")), "not_found");
    await expectRefused(() => saveMetricParams(admin, formOf(DEFAULT_PARAMS, "nope")), "invalid_input", { form: "Choose the ecosystem or a project" });
    await expectRefused(() => saveMetricParams(admin, formOf(DEFAULT_PARAMS, "")), "invalid_input", { form: "Choose the ecosystem or a project" });
    await expectRefused(() => resetMetricParams(admin, undefined), "invalid_input", { form: "Choose the ecosystem or a project" });
  });

  test("the first ecosystem save stores the whole set with its hash, audits it and queues a recompute", async () => {
    const audits = await auditCount();
    const result = await saveMetricParams(admin, formOf(WITH_RHO_04, "ecosystem"));
    expect(result).toEqual({ changed: true, hash: paramsHash(WITH_RHO_04) });
    const sets = await prisma.metricParamSet.findMany({ select: { projectId: true, params: true, hash: true } });
    expect(sets).toEqual([{ projectId: null, params: WITH_RHO_04, hash: paramsHash(WITH_RHO_04) }]);
    expect(paramsHash(WITH_RHO_04)).not.toBe(paramsHash(DEFAULT_PARAMS));
    expect(await auditCount()).toBe(audits + 1);
    expect(await lastAudit()).toEqual({
      actorId: admin.id, action: "metric_params.update", entityType: "metric_params", entityId: "ecosystem",
      before: { params: DEFAULT_PARAMS, hash: paramsHash(DEFAULT_PARAMS), source: "defaults" },
      after: { params: WITH_RHO_04, hash: paramsHash(WITH_RHO_04), source: "own" },
    });
    expect(await queued()).toEqual([{ reasons: ["metric_params.update"] }]);
  });

  test("saving the same values again writes nothing", async () => {
    const before = await everything();
    expect(await saveMetricParams(admin, formOf(WITH_RHO_04, "ecosystem"))).toEqual({ changed: false, hash: paramsHash(WITH_RHO_04) });
    expect(await everything()).toEqual(before);
  });

  test("a change records the set before and after", async () => {
    const next: MetricParams = { ...WITH_RHO_04, typeWeights: { ...WITH_RHO_04.typeWeights, cites: 0.25 } };
    await saveMetricParams(admin, formOf(next, "ecosystem"));
    expect(await lastAudit()).toEqual({
      actorId: admin.id, action: "metric_params.update", entityType: "metric_params", entityId: "ecosystem",
      before: { params: WITH_RHO_04, hash: paramsHash(WITH_RHO_04), source: "own" }, after: { params: next, hash: paramsHash(next), source: "own" },
    });
    expect(await prisma.metricParamSet.count({ where: { projectId: null } })).toBe(1);
  });

  test("a project set is stored whole, beside the ecosystem's", async () => {
    const ecosystem = (await prisma.metricParamSet.findFirstOrThrow({ where: { projectId: null } })).params as MetricParams;
    const own: MetricParams = { ...ecosystem, windowDays: 14 };
    await saveMetricParams(admin, formOf(own, String(projectId)));
    const row = await prisma.metricParamSet.findFirstOrThrow({ where: { projectId }, select: { params: true, hash: true } });
    expect(row).toEqual({ params: own, hash: paramsHash(own) });
    // The recompute reads it back unchanged (parseParams fills nothing in).
    expect(parseParams(row.params)).toEqual(own);
    expect(await lastAudit()).toEqual({
      actorId: admin.id, action: "metric_params.update", entityType: "metric_params", entityId: String(projectId),
      before: { params: ecosystem, hash: paramsHash(ecosystem), source: "ecosystem" },
      after: { params: own, hash: paramsHash(own), source: "own" },
    });
  });
});

describe("resetMetricParams", () => {
  test("a project's reset removes its set so it follows the ecosystem again", async () => {
    const own = (await prisma.metricParamSet.findFirstOrThrow({ where: { projectId } })).params;
    const ecosystem = (await prisma.metricParamSet.findFirstOrThrow({ where: { projectId: null } })).params as MetricParams;
    await prisma.job.deleteMany({});
    expect(await resetMetricParams(admin, String(projectId))).toEqual({ changed: true, hash: "" });
    expect(await prisma.metricParamSet.count({ where: { projectId } })).toBe(0);
    expect(await lastAudit()).toEqual({
      actorId: admin.id, action: "metric_params.reset", entityType: "metric_params", entityId: String(projectId),
      before: { params: own, hash: paramsHash(own as MetricParams), source: "own" },
      after: { params: ecosystem, hash: paramsHash(ecosystem), source: "ecosystem" },
    });
    expect(await queued()).toEqual([{ reasons: ["metric_params.reset"] }]);
    const view = await getParamsView(projectId);
    expect(view?.source).toBe("ecosystem");
    expect(view?.effectiveHash).toBe((await prisma.metricParamSet.findFirstOrThrow({ where: { projectId: null } })).hash);
  });

  test("resetting a project without a set changes nothing", async () => {
    const before = await everything();
    expect(await resetMetricParams(admin, String(projectId))).toEqual({ changed: false, hash: "" });
    expect(await everything()).toEqual(before);
  });
});

describe("apply status", () => {
  test("queued after a save, applied once a real recompute has read the saved set", async () => {
    const view = await getParamsView(null);
    expect(view?.status).toBe("queued");
    expect(view?.lastRun).toBeNull();
    await recomputeMetrics(pool, { asOfMs: Date.parse("2026-03-01T00:00:00Z"), threads: 1 });
    await prisma.job.deleteMany({});
    const after = await getParamsView(null);
    expect(after?.status).toBe("applied");
    expect(after?.lastRun?.paramsHash).toBe(after?.effectiveHash);
    // The ecosystem reset goes back to the defaults, and the old run no longer matches.
    await resetMetricParams(admin, "ecosystem");
    const reset = await getParamsView(null);
    expect(reset?.effective).toEqual(DEFAULT_PARAMS);
    expect(reset?.effectiveHash).toBe(paramsHash(DEFAULT_PARAMS));
    expect(reset?.status).toBe("queued");
    expect((await lastAudit()).action).toBe("metric_params.reset");
  });
});
