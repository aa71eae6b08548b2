// Metric parameter writes. A set is stored whole (every parameter), for the ecosystem and for a
// project alike: the recompute (lib/jobs/recompute.ts) fills a project set's missing keys from
// METRICS.md's defaults, not from the ecosystem's values, so an overrides-only project set would
// silently mix in defaults. Every change is audited with before/after and queues a recompute in
// the same transaction.
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { canEditMetricParams } from "@/lib/permissions";
import { recordAudit } from "@/lib/audit/record";
import { enqueueRecompute } from "@/lib/jobs/queue";
import { DEFAULT_PARAMS, metricParamsSchema, paramsHash, type MetricParams } from "@/lib/metrics/params";
import { PARAMS_ENTITY, paramScopeInputSchema, paramsEntityId } from "./scope";
import { parseParamsForm } from "./validate";

/** pg_advisory_xact_lock key for parameter writes ("US" "PS"): project_id NULL is not unique in
 * PostgreSQL, so two first saves of the ecosystem set must queue up rather than insert twice. */
const PARAMS_LOCK = 0x55_53_50_53;

export interface SaveResult {
  changed: boolean;
  hash: string;
}

function assertMayEdit(actorOrNull: Actor | null): Actor {
  const actor = requireActor(actorOrNull);
  if (!canEditMetricParams(actor)) throw new AppError("forbidden", "Only admins change metric parameters.");
  return actor;
}

async function lockedScope(tx: Tx, projectId: number | null) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PARAMS_LOCK}::int)`;
  if (projectId !== null) {
    const project = await tx.project.findUnique({ where: { id: projectId }, select: { id: true } });
    if (!project) throw new AppError("not_found", "This project does not exist.");
  }
  return tx.metricParamSet.findFirst({ where: { projectId }, select: { id: true, params: true, hash: true }, orderBy: { id: "asc" } });
}

type Source = "own" | "ecosystem" | "defaults";

/** What applies to a scope without a set of its own: the ecosystem set for a project, else the defaults. */
async function inherited(tx: Tx, projectId: number | null): Promise<{ params: MetricParams; source: Source }> {
  if (projectId !== null) {
    const eco = await tx.metricParamSet.findFirst({ where: { projectId: null }, select: { params: true }, orderBy: { id: "asc" } });
    const parsed = eco ? metricParamsSchema.safeParse(eco.params) : null;
    if (parsed?.success) return { params: parsed.data, source: "ecosystem" };
  }
  return { params: DEFAULT_PARAMS, source: "defaults" };
}

/** An audit snapshot: the parameters in force for the scope, their hash, and where they come from. */
const snapshot = (params: unknown, hash: string, source: Source) => ({ params, hash, source });

async function write(tx: Tx, actor: Actor, projectId: number | null, existing: { id: number; params: unknown; hash: string } | null, params: MetricParams, action: string): Promise<SaveResult> {
  const hash = paramsHash(params);
  if (existing?.hash === hash) return { changed: false, hash };
  // "before" is what was in force, so a first save's diff shows only the values it changed.
  const prior = existing ? null : await inherited(tx, projectId);
  const json = JSON.parse(JSON.stringify(params));
  if (existing) await tx.metricParamSet.update({ where: { id: existing.id }, data: { params: json, hash } });
  else await tx.metricParamSet.create({ data: { projectId, params: json, hash } });
  await recordAudit(tx, {
    actorId: actor.id, action, entityType: PARAMS_ENTITY, entityId: paramsEntityId(projectId),
    before: existing ? snapshot(existing.params, existing.hash, "own") : snapshot(prior!.params, paramsHash(prior!.params), prior!.source),
    after: snapshot(params, hash, "own"),
  });
  await enqueueRecompute(tx, action);
  return { changed: true, hash };
}

/** Saves a whole parameter set from the form: `scope` ("ecosystem" or a project id) and one value per parameter path. */
export async function saveMetricParams(actorOrNull: Actor | null, raw: Record<string, unknown>): Promise<SaveResult> {
  const actor = assertMayEdit(actorOrNull);
  const projectId = parseOrThrow(paramScopeInputSchema, raw.scope);
  const parsed = parseParamsForm(raw);
  if (!parsed.ok) throw new AppError("invalid_input", "Please correct the highlighted parameters.", parsed.fieldErrors);
  return prisma.$transaction(async (tx) => write(tx, actor, projectId, await lockedScope(tx, projectId), parsed.params, "metric_params.update"));
}

/**
 * Back to the defaults: the ecosystem set becomes METRICS.md's defaults; a project's own set is
 * removed, so the project follows the ecosystem's parameters again.
 */
export async function resetMetricParams(actorOrNull: Actor | null, rawScope: unknown): Promise<SaveResult> {
  const actor = assertMayEdit(actorOrNull);
  const projectId = parseOrThrow(paramScopeInputSchema, rawScope);
  return prisma.$transaction(async (tx) => {
    const existing = await lockedScope(tx, projectId);
    if (projectId === null) {
      if (!existing) return { changed: false, hash: paramsHash(DEFAULT_PARAMS) };
      return write(tx, actor, null, existing, DEFAULT_PARAMS, "metric_params.reset");
    }
    if (!existing) return { changed: false, hash: "" };
    await tx.metricParamSet.delete({ where: { id: existing.id } });
    const now = await inherited(tx, projectId);
    await recordAudit(tx, {
      actorId: actor.id, action: "metric_params.reset", entityType: PARAMS_ENTITY, entityId: paramsEntityId(projectId),
      before: snapshot(existing.params, existing.hash, "own"),
      after: snapshot(now.params, paramsHash(now.params), now.source),
    });
    await enqueueRecompute(tx, "metric_params.reset");
    return { changed: true, hash: "" };
  });
}
