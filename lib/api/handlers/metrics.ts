// Metric endpoints: the stored results of the newest succeeded run, read with lib/analytics as the
// dashboards read them, for the scope the caller may see (fails closed like the dashboards). With a
// run, the answer is cached serialized per (run, scope, query) after the caller's checks passed.
import { hasRole, type Actor } from "@/lib/auth/actor";
import { canViewEcosystemMetrics } from "@/lib/permissions";
import { getCurrentRun, type RunInfo } from "@/lib/analytics/runs";
import { resolveScopeOrThrow } from "@/lib/analytics/scope";
import { listSeries } from "@/lib/analytics/series";
import { listClasses, listCohortCells, listContributorSummaries, listSignals } from "@/lib/analytics/results";
import { ApiError } from "../errors";
import { cachedJson, runKey } from "../response-cache";
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

/** A run's identity for the cache: its id, and when it finished (a restored backup may reuse an id). */
function runId(run: RunInfo): string {
  return `${run.id}@${run.finishedAt?.getTime() ?? 0}`;
}

function runView(run: RunInfo | null) {
  return run && { id: run.id, asOf: run.asOf.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null, metricVersion: run.metricVersion, paramsHash: run.paramsHash };
}

export const getMetricSeries: EndpointHandler<typeof metricSeriesEndpoint> = async ({ actor, query }) => {
  const [scope, run] = await Promise.all([scopeOrThrow(actor, query.project), getCurrentRun()]);
  const metrics = [...new Set(query.metric.split(","))];
  if (!run) return { run: null, scope, unit: query.unit, segment: query.segment, series: Object.fromEntries(metrics.map((m) => [m, []])) };
  return cachedJson(runKey("series", runId(run), `${scope.scope}:${scope.project}`, { ...query, metric: metrics.join(",") }), async () => ({
    run: runView(run), scope, unit: query.unit, segment: query.segment,
    series: await listSeries({ runId: run.id, scope: scope.scope, unit: query.unit, segment: query.segment, from: query.from, to: query.to }, metrics),
  }));
};

export const getMetricCohorts: EndpointHandler<typeof metricCohortsEndpoint> = async ({ actor, query }) => {
  const [scope, run] = await Promise.all([scopeOrThrow(actor, query.project), getCurrentRun()]);
  if (!run) return { run: null, scope, unit: query.unit, segment: query.segment, variant: query.variant, cells: [] };
  return cachedJson(runKey("cohorts", runId(run), `${scope.scope}:${scope.project}`, query), async () => ({
    run: runView(run), scope, unit: query.unit, segment: query.segment, variant: query.variant,
    cells: await listCohortCells({ runId: run.id, scope: scope.scope, unit: query.unit, variant: query.variant, segment: query.segment, from: query.from, to: query.to }),
  }));
};

export const getMetricContributors: EndpointHandler<typeof metricContributorsEndpoint> = async ({ actor, query }) => {
  const [scope, run] = await Promise.all([scopeOrThrow(actor, query.project), getCurrentRun()]);
  if (!run) return { run: null, scope, data: [] };
  return cachedJson(runKey("contributors", runId(run), `${scope.scope}:${scope.project}`, query), async () => ({
    run: runView(run), scope, data: await listContributorSummaries({ runId: run.id, scope: scope.scope, orderBy: query.orderBy, limit: query.limit }),
  }));
};

/** Classes are ordered by class then handle; the cursor carries the offset of the next page. */
export const getMetricClasses: EndpointHandler<typeof metricClassesEndpoint> = async ({ actor, query }) => {
  const offset = decodeCursorOrThrow(query.cursor);
  const [scope, run] = await Promise.all([scopeOrThrow(actor, query.project), getCurrentRun()]);
  if (!run) return { run: null, scope, counts: {}, data: [], nextCursor: null };
  return cachedJson(runKey("classes", runId(run), `${scope.scope}:${scope.project}`, { class: query.class, limit: query.limit, offset }), async () => {
    const { rows, total, counts } = await listClasses({ runId: run.id, scope: scope.scope, class: query.class, limit: query.limit, offset });
    return { run: runView(run), scope, counts, data: rows, nextCursor: offset + rows.length < total ? encodeCursor(offset + rows.length) : null };
  });
};

export const getMetricSignals: EndpointHandler<typeof metricSignalsEndpoint> = async ({ actor, query }) => {
  const [scope, run] = await Promise.all([scopeOrThrow(actor, query.project), getCurrentRun()]);
  if (!run) return { run: null, scope, unit: query.unit, data: [] };
  return cachedJson(runKey("signals", runId(run), `${scope.scope}:${scope.project}`, query), async () => ({
    run: runView(run), scope, unit: query.unit, data: await listSignals({ runId: run.id, scope: scope.scope, unit: query.unit }),
  }));
};
