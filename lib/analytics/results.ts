// Reads of stored cohorts, documents, signals and per-contributor results for the dashboards.
// A run's results never change, so each read is memoized per (run, arguments) in process
// (run-memo.ts): what they return is shared between requests and must not be mutated.
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { memoForRun } from "./run-memo";

interface Scoped {
  runId: number;
  scope: string;
  unit: "week" | "month";
}

export interface CohortCell {
  cohort: string;
  offset: number;
  cohortSize: number;
  retained: number;
  rate: number;
}

/**
 * Cohort cells of one variant and segment; cohorts born inside [from, to] when given, offsets up to
 * `maxOffset` when given (a heatmap draws only the first offsets: the rest is most of the rows).
 */
export async function listCohortCells(q: Scoped & { variant: "exact" | "unbounded"; segment: string; from?: string; to?: string; maxOffset?: number }): Promise<CohortCell[]> {
  return memoForRun(q.runId, `cohorts:${JSON.stringify(q)}`, () => readCohortCells(q));
}

async function readCohortCells(q: Scoped & { variant: "exact" | "unbounded"; segment: string; from?: string; to?: string; maxOffset?: number }): Promise<CohortCell[]> {
  const rows = await prisma.$queryRaw<{ cohort: string; offset: number; cohort_size: number; retained: number; rate: number }[]>(Prisma.sql`
    SELECT to_char(cohort_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS cohort, "offset", cohort_size, retained, rate
    FROM metric_cohorts
    WHERE run_id = ${q.runId} AND scope = ${q.scope} AND period_unit = ${q.unit} AND variant = ${q.variant} AND segment = ${q.segment}
      ${q.from ? Prisma.sql`AND cohort_start >= ${q.from}::date` : Prisma.empty}
      ${q.to ? Prisma.sql`AND cohort_start <= ${q.to}::date` : Prisma.empty}
      ${q.maxOffset !== undefined ? Prisma.sql`AND "offset" <= ${q.maxOffset}` : Prisma.empty}
    ORDER BY cohort_start, "offset"`);
  return rows.map((r) => ({ cohort: r.cohort, offset: r.offset, cohortSize: r.cohort_size, retained: r.retained, rate: r.rate }));
}

/** A stored document (curves by offset, campaigns, concentration, …), typed by the caller. */
export async function getDocument<T>(q: Scoped, key: string): Promise<T | null> {
  return memoForRun(q.runId, `document:${key}:${JSON.stringify(q)}`, () => readDocument<T>(q, key));
}

async function readDocument<T>(q: Scoped, key: string): Promise<T | null> {
  const row = await prisma.metricDocument.findUnique({
    where: { runId_scope_periodUnit_key: { runId: q.runId, scope: q.scope, periodUnit: q.unit, key } },
    select: { data: true },
  });
  return (row?.data as T | undefined) ?? null;
}

export interface SignalView {
  id: number;
  code: string;
  severity: string;
  period: string;
  message: string;
  evidence: Record<string, unknown>;
}

export async function listSignals(q: Scoped): Promise<SignalView[]> {
  return memoForRun(q.runId, `signals:${JSON.stringify(q)}`, () => readSignals(q));
}

async function readSignals(q: Scoped): Promise<SignalView[]> {
  const rows = await prisma.metricSignal.findMany({
    where: { runId: q.runId, scope: q.scope, periodUnit: q.unit },
    orderBy: [{ severity: "asc" }, { id: "asc" }],
    select: { id: true, code: true, severity: true, periodStart: true, message: true, evidence: true },
  });
  return rows.map((r) => ({ id: r.id, code: r.code, severity: r.severity, period: r.periodStart.toISOString().slice(0, 10), message: r.message, evidence: r.evidence as Record<string, unknown> }));
}

export interface ContributorSummaryView {
  userId: number;
  handle: string;
  name: string;
  contributions: number;
  attribution: number;
  attributionShare: number;
  contributionShare: number;
  premium: number;
  betweenness: number;
  isHub: boolean;
  passThrough: number;
  pagerank: number;
  visibility: number;
  visibilityShare: number;
}

const SUMMARY_ORDER = {
  attribution: Prisma.sql`s.attribution DESC`,
  visibility: Prisma.sql`s.visibility DESC`,
  betweenness: Prisma.sql`s.betweenness DESC`,
  premium: Prisma.sql`s.premium DESC`,
} as const;

/** Top contributors of a scope by one allow-listed measure. */
export async function listContributorSummaries(q: { runId: number; scope: string; orderBy: keyof typeof SUMMARY_ORDER; limit: number }): Promise<ContributorSummaryView[]> {
  return memoForRun(q.runId, `summaries:${JSON.stringify(q)}`, () => readContributorSummaries(q));
}

async function readContributorSummaries(q: { runId: number; scope: string; orderBy: keyof typeof SUMMARY_ORDER; limit: number }): Promise<ContributorSummaryView[]> {
  const rows = await prisma.$queryRaw<(Omit<ContributorSummaryView, "userId" | "attributionShare" | "contributionShare" | "isHub" | "passThrough" | "visibilityShare"> & {
    user_id: number; attribution_share: number; contribution_share: number; is_hub: boolean; pass_through: number; visibility_share: number;
  })[]>(Prisma.sql`
    SELECT s.user_id, u.handle, u.name, s.contributions, s.attribution, s.attribution_share, s.contribution_share, s.premium,
           s.betweenness, s.is_hub, s.pass_through, s.pagerank, s.visibility, s.visibility_share
    FROM metric_contributor_summaries s JOIN users u ON u.id = s.user_id
    WHERE s.run_id = ${q.runId} AND s.scope = ${q.scope}
    ORDER BY ${SUMMARY_ORDER[q.orderBy]}, s.user_id
    LIMIT ${q.limit}`);
  return rows.map((r) => ({
    userId: r.user_id, handle: r.handle, name: r.name, contributions: r.contributions, attribution: r.attribution,
    attributionShare: r.attribution_share, contributionShare: r.contribution_share, premium: r.premium, betweenness: r.betweenness,
    isHub: r.is_hub, passThrough: r.pass_through, pagerank: r.pagerank, visibility: r.visibility, visibilityShare: r.visibility_share,
  }));
}

export interface ClassView {
  userId: number;
  handle: string;
  class: string;
  evidence: Record<string, unknown>;
}

export async function listClasses(q: { runId: number; scope: string; class?: string; limit: number; offset: number }): Promise<{ rows: ClassView[]; total: number; counts: Record<string, number> }> {
  return memoForRun(q.runId, `classes:${JSON.stringify(q)}`, () => readClasses(q));
}

async function readClasses(q: { runId: number; scope: string; class?: string; limit: number; offset: number }): Promise<{ rows: ClassView[]; total: number; counts: Record<string, number> }> {
  const where = { runId: q.runId, scope: q.scope, ...(q.class ? { class: q.class } : {}) };
  const [rows, total, grouped] = await Promise.all([
    prisma.$queryRaw<{ user_id: number; handle: string; class: string; evidence: Record<string, unknown> }[]>(Prisma.sql`
      SELECT c.user_id, u.handle, c.class, c.evidence FROM metric_contributor_classes c JOIN users u ON u.id = c.user_id
      WHERE c.run_id = ${q.runId} AND c.scope = ${q.scope} ${q.class ? Prisma.sql`AND c.class = ${q.class}` : Prisma.empty}
      ORDER BY c.class, u.handle LIMIT ${q.limit} OFFSET ${q.offset}`),
    prisma.metricContributorClass.count({ where }),
    prisma.metricContributorClass.groupBy({ by: ["class"], where: { runId: q.runId, scope: q.scope }, _count: { _all: true } }),
  ]);
  return {
    rows: rows.map((r) => ({ userId: r.user_id, handle: r.handle, class: r.class, evidence: r.evidence })),
    total,
    counts: Object.fromEntries(grouped.map((g) => [g.class, g._count._all])),
  };
}

export interface ContributorPeriodView {
  userId: number;
  period: string;
  state: string;
  flow: number;
  visibility: number;
}

/** Stored contributor-period rows (only periods where something happened; see run-contributors.ts). */
export async function listContributorPeriods(q: Scoped & { userIds: number[]; from?: string; to?: string }): Promise<ContributorPeriodView[]> {
  if (q.userIds.length === 0) return [];
  return memoForRun(q.runId, `periods:${JSON.stringify(q)}`, () => readContributorPeriods(q));
}

async function readContributorPeriods(q: Scoped & { userIds: number[]; from?: string; to?: string }): Promise<ContributorPeriodView[]> {
  const rows = await prisma.$queryRaw<{ user_id: number; period: string; state: string; flow: number; visibility: number }[]>(Prisma.sql`
    SELECT user_id, to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS period, state, flow, visibility
    FROM metric_contributor_periods
    WHERE run_id = ${q.runId} AND scope = ${q.scope} AND period_unit = ${q.unit} AND user_id = ANY(${q.userIds}::int[])
      ${q.to ? Prisma.sql`AND period_start <= ${q.to}::date` : Prisma.empty}
    ORDER BY user_id, period_start`);
  // Rows before `from` are still read: visibility at `from` decays from them.
  return rows.map((r) => ({ userId: r.user_id, period: r.period, state: r.state, flow: r.flow, visibility: r.visibility }));
}
