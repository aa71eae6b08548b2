// Metric endpoints: the stored results of the newest succeeded run, read with lib/analytics as the
// dashboards read them, for the scope the caller may see (fails closed like the dashboards).
import { hasRole, type Actor } from "@/lib/auth/actor";
import { canViewEcosystemMetrics } from "@/lib/permissions";
import { getCurrentRun, type RunInfo } from "@/lib/analytics/runs";
import { resolveScopeOrThrow } from "@/lib/analytics/scope";
import { listSeries } from "@/lib/analytics/series";
import { listClasses, listCohortCells, listContributorSummaries, listSignals } from "@/lib/analytics/results";
import { ApiError } from "../errors";
import { decodeCursorOrThrow, encodeCursor } from "../cursor";
import type { EndpointHandler } from "../endpoint";
import type { metricClassesEndpoint, metricCohortsEndpoint, metricContributorsEndpoint, metricSeriesEndpoint, metricSignalsEndpoint } from "../endpoints/metrics";

async function scopeOrThrow(actor: Actor, project: string) {
  if (!hasRole(actor, "maintainer")) throw new ApiError("forbidden", "Metrics are for the maintainers of a project and for admins.");
  // The dashboards fall back to a maintainer's first project; an API caller is told instead.
  if (project === "all" && !canViewEcosystemMetrics(actor)) {
    throw new ApiError("forbidden", "The ecosystem's metrics are for admins: pass ?project=<slug> of a project you maintain.");
  }
  const { selected } = await resolveScopeOrThrow(actor, project);
  return { project: selected.slug, scope: selected.scope };
}

function runView(run: RunInfo | null) {
  return run && { id: run.id, asOf: run.asOf.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null, metricVersion: run.metricVersion, paramsHash: run.paramsHash };
}

export const getMetricSeries: EndpointHandler<typeof metricSeriesEndpoint> = async ({ actor, query }) => {
  const [scope, run] = await Promise.all([scopeOrThrow(actor, query.project), getCurrentRun()]);
  const metrics = [...new Set(query.metric.split(","))];
  const series = run
    ? await listSeries({ runId: run.id, scope: scope.scope, unit: query.unit, segment: query.segment, from: query.from, to: query.to }, metrics)
    : Object.fromEntries(metrics.map((m) => [m, []]));
  return { run: runView(run), scope, unit: query.unit, segment: query.segment, series };
};

export const getMetricCohorts: EndpointHandler<typeof metricCohortsEndpoint> = async ({ actor, query }) => {
  const [scope, run] = await Promise.all([scopeOrThrow(actor, query.project), getCurrentRun()]);
  const cells = run
    ? await listCohortCells({ runId: run.id, scope: scope.scope, unit: query.unit, variant: query.variant, segment: query.segment, from: query.from, to: query.to })
    : [];
  return { run: runView(run), scope, unit: query.unit, segment: query.segment, variant: query.variant, cells };
};

export const getMetricContributors: EndpointHandler<typeof metricContributorsEndpoint> = async ({ actor, query }) => {
  const [scope, run] = await Promise.all([scopeOrThrow(actor, query.project), getCurrentRun()]);
  const data = run ? await listContributorSummaries({ runId: run.id, scope: scope.scope, orderBy: query.orderBy, limit: query.limit }) : [];
  return { run: runView(run), scope, data };
};

/** Classes are ordered by class then handle; the cursor carries the offset of the next page. */
export const getMetricClasses: EndpointHandler<typeof metricClassesEndpoint> = async ({ actor, query }) => {
  const offset = decodeCursorOrThrow(query.cursor);
  const [scope, run] = await Promise.all([scopeOrThrow(actor, query.project), getCurrentRun()]);
  if (!run) return { run: null, scope, counts: {}, data: [], nextCursor: null };
  const { rows, total, counts } = await listClasses({ runId: run.id, scope: scope.scope, class: query.class, limit: query.limit, offset });
  return { run: runView(run), scope, counts, data: rows, nextCursor: offset + rows.length < total ? encodeCursor(offset + rows.length) : null };
};

export const getMetricSignals: EndpointHandler<typeof metricSignalsEndpoint> = async ({ actor, query }) => {
  const [scope, run] = await Promise.all([scopeOrThrow(actor, query.project), getCurrentRun()]);
  const data = run ? await listSignals({ runId: run.id, scope: scope.scope, unit: query.unit }) : [];
  return { run: runView(run), scope, unit: query.unit, data };
};
