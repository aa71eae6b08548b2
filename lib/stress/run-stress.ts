// One stress-lab run, end to end: who may run it, on which scope, with which scenario, then the
// graph of the latest metric run (cached per process), the stored parameters, and the pure engine
// (lib/metrics/stress.ts) on an in-memory copy. Nothing is written: no rows, no audit event, no
// recompute job; the graph is read in a READ ONLY transaction.
import type { Actor } from "@/lib/auth/actor";
import { hasRole, requireActor } from "@/lib/auth/actor";
import { runAction } from "@/lib/actions/result";
import { getCurrentRun } from "@/lib/analytics/runs";
import { resolveScopeOrThrow } from "@/lib/analytics/scope";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { MetricParams } from "@/lib/metrics/params";
import { runStressScenario } from "@/lib/metrics/stress";
import { parseScenarioForm, scopeSlugOf } from "./form";
import { getRunGraph, isGraphCached } from "./graph-cache";
import { memoForRun } from "@/lib/analytics/run-memo";
import { countScopeContributions, getClearedContributionIds, getStressParams } from "./queries";
import { prepareStressInput } from "./scope-input";
import type { StressActionResult, StressBaseParams, StressRunView } from "./types";

/** Throws AppError for anything the user can be told: 401, 403, 404, 400, 409. */
export async function runStressForActor(actorOrNull: Actor | null, values: Record<string, unknown>): Promise<StressRunView> {
  const actor = requireActor(actorOrNull);
  if (!hasRole(actor, "maintainer")) throw new AppError("forbidden", "The stress lab is for project maintainers and admins.");
  // The same scope rules as every dashboard: admins anything, maintainers their projects.
  const { selected } = await resolveScopeOrThrow(actor, scopeSlugOf(values));
  const scenario = parseScenarioForm(values);
  const run = await getCurrentRun();
  if (!run) throw new AppError("conflict", "No metrics run has finished yet. The stress lab starts from the latest run's graph: try again after the first recompute.");

  const asOfMs = run.asOf.getTime();
  const [params, graph, clearedContributionIds] = await Promise.all([getStressParams(selected.projectId), getRunGraph(run.id), getClearedContributionIds()]);
  const t0 = performance.now();
  const prepared = prepareStressInput(graph.input, { projectId: selected.projectId, ecosystemParams: params.ecosystem, asOfMs, clearedContributionIds });
  const report = runStressScenario(prepared.input, scenario, params.scope, asOfMs);
  const runMs = Math.round(performance.now() - t0);

  const present = new Set<number>();
  for (const c of prepared.input.contributions) if (c.occurredAt <= asOfMs) present.add(c.id);
  let links = 0;
  for (const l of prepared.input.links) if (present.has(l.from) && present.has(l.to)) links++;

  logger.info({ actorId: actor.id, scope: selected.scope, scenario, runId: run.id, loadMs: graph.loadMs, runMs, isCached: graph.isCached }, "stress scenario run");
  return {
    report,
    scope: { slug: selected.slug, name: selected.name },
    runId: run.id,
    asOf: run.asOf.toISOString(),
    contributions: present.size,
    links,
    quarantined: prepared.quarantined,
    timings: { isCached: graph.isCached, loadMs: graph.loadMs, runMs },
    ring: { maxSize: params.scope.ring.maxSize, minLinks: params.scope.ring.minLinks },
    base: baseParamsOf(params.scope),
  };
}

function baseParamsOf(p: MetricParams): StressBaseParams {
  return { rho: p.passThrough, d: p.visibilityDecayWeekly, typeWeights: { ...p.typeWeights } };
}

export interface StressLabSummary {
  /** live contributions of the scope up to the run's as-of instant */
  contributions: number;
  /** the next run reuses the loaded graph */
  isCached: boolean;
  base: StressBaseParams;
}

/** What the lab's page shows before a run. The caller has already checked the role and scope. */
export async function getStressLabSummary(run: { id: number; asOf: Date }, projectId: number | null): Promise<StressLabSummary> {
  // Counting a million rows per view was most of the page's time at bench size: once per run and scope.
  const [contributions, params] = await Promise.all([
    memoForRun(run.id, `stress-count:${projectId ?? "all"}`, () => countScopeContributions(projectId, run.asOf)),
    getStressParams(projectId),
  ]);
  return { contributions, isCached: isGraphCached(run.id), base: baseParamsOf(params.scope) };
}

/**
 * What the server action returns: never throws. Refusals and bad input come back as a message
 * (and one per field); anything else is logged and reported with a request id only.
 */
export async function runStress(actor: Actor | null | Promise<Actor | null>, values: Record<string, unknown>): Promise<StressActionResult> {
  let view: StressRunView | undefined;
  const result = await runAction(async () => {
    view = await runStressForActor(await actor, values);
  }, values);
  return result.ok ? { ok: true, values, run: view } : result;
}
