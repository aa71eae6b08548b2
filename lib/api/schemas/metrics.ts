// The stored metric results, read with the dashboards' filters from the newest succeeded run.
import { z } from "zod";
import { apiId, instant, MAX_LIMIT } from "./common";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Not a valid date");

/** The dashboards' filters: ?project=<slug>|all&unit=week|month&from&to&segment. */
const scopeQuery = {
  project: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).default("all").describe("a project's slug you maintain, or all (the ecosystem, admins)"),
  unit: z.enum(["week", "month"]).default("week"),
  from: isoDay.optional().describe("first period start, inclusive"),
  to: isoDay.optional().describe("last period start, inclusive"),
};
const segment = z.string().regex(/^(all|organic|campaign(:\d{1,9})?)$/, "all, organic, campaign or campaign:<id>").default("all");

export const seriesQuerySchema = z.strictObject({
  ...scopeQuery,
  segment,
  metric: z.string().regex(/^[a-z0-9_.:-]+(,[a-z0-9_.:-]+){0,29}$/, "one to 30 metric names, comma-separated").describe("comma-separated metric names (METRICS.md)"),
});
export const cohortsQuerySchema = z.strictObject({ ...scopeQuery, segment, variant: z.enum(["exact", "unbounded"]).default("exact") });
export const contributorsQuerySchema = z.strictObject({
  project: scopeQuery.project,
  orderBy: z.enum(["attribution", "visibility", "betweenness", "premium"]).default("attribution"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const classesQuerySchema = z.strictObject({
  project: scopeQuery.project,
  class: z.string().regex(/^[a-z_]{1,40}$/).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(25),
  cursor: z.string().max(200).optional(),
});
export const signalsQuerySchema = z.strictObject({ project: scopeQuery.project, unit: scopeQuery.unit });

export const runSchema = z.strictObject({
  id: apiId,
  asOf: instant,
  finishedAt: instant.nullable(),
  metricVersion: z.number().int(),
  paramsHash: z.string(),
}).nullable().describe("the newest succeeded run the results come from; null before the first");

const scopeView = z.strictObject({ project: z.string(), scope: z.string().describe("all or project:<id>") });
const point = z.strictObject({ period: z.string(), value: z.number().nullable(), isComplete: z.boolean() });

export const seriesResponseSchema = z.strictObject({
  run: runSchema, scope: scopeView, unit: z.enum(["week", "month"]), segment: z.string(),
  series: z.record(z.string(), z.array(point)),
});

export const cohortsResponseSchema = z.strictObject({
  run: runSchema, scope: scopeView, unit: z.enum(["week", "month"]), segment: z.string(), variant: z.enum(["exact", "unbounded"]),
  cells: z.array(z.strictObject({ cohort: z.string(), offset: z.number().int(), cohortSize: z.number().int(), retained: z.number().int(), rate: z.number() })),
});

export const contributorsResponseSchema = z.strictObject({
  run: runSchema, scope: scopeView,
  data: z.array(z.strictObject({
    userId: apiId, handle: z.string(), name: z.string(), contributions: z.number().int(), attribution: z.number(), attributionShare: z.number(),
    contributionShare: z.number(), premium: z.number(), betweenness: z.number(), isHub: z.boolean(), passThrough: z.number(),
    pagerank: z.number(), visibility: z.number(), visibilityShare: z.number(),
  })),
});

export const classesResponseSchema = z.strictObject({
  run: runSchema, scope: scopeView,
  counts: z.record(z.string(), z.number().int()).describe("contributors per class in the scope"),
  data: z.array(z.strictObject({ userId: apiId, handle: z.string(), class: z.string(), evidence: z.record(z.string(), z.unknown()) })),
  nextCursor: z.string().nullable(),
});

export const signalsResponseSchema = z.strictObject({
  run: runSchema, scope: scopeView, unit: z.enum(["week", "month"]),
  data: z.array(z.strictObject({ id: apiId, code: z.string(), severity: z.string(), period: z.string(), message: z.string(), evidence: z.record(z.string(), z.unknown()) })),
});
