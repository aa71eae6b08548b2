// Reads for the parameters page: the saved set of a scope, what applies to it, and whether the
// stored metrics were computed with it.
import { prisma } from "@/lib/db";
import { DEFAULT_PARAMS, metricParamsSchema, paramsHash, type MetricParams } from "@/lib/metrics/params";
import { RECOMPUTE_JOB } from "@/lib/jobs/queue";
import { applyStatus, type ApplyStatus } from "./apply-status";
import { PARAMS_ENTITY, paramsEntityId } from "./scope";

export interface ParamsView {
  projectId: number | null;
  projectName: string | null;
  /** this scope's own saved set, if any */
  saved: { params: MetricParams; hash: string; updatedAt: Date } | null;
  /** a stored set the current schema refuses (the recompute would fail on it) */
  savedInvalid: boolean;
  /** what the next recompute uses for this scope, and where it comes from */
  effective: MetricParams;
  effectiveHash: string;
  source: "own" | "ecosystem" | "defaults";
  ecosystemHash: string;
  lastRun: { id: number; paramsHash: string; startedAt: Date | null; finishedAt: Date | null } | null;
  status: ApplyStatus;
}

async function loadSet(projectId: number | null) {
  const row = await prisma.metricParamSet.findFirst({ where: { projectId }, select: { params: true, hash: true, updatedAt: true }, orderBy: { id: "asc" } });
  if (!row) return { set: null, invalid: false };
  const parsed = metricParamsSchema.safeParse(row.params);
  if (!parsed.success) return { set: null, invalid: true };
  return { set: { params: parsed.data, hash: paramsHash(parsed.data), updatedAt: row.updatedAt }, invalid: false };
}

/** When the scope's parameters last changed: its newest audit event (a reset removes the row, so the row alone cannot say). */
async function lastChangedAt(projectId: number | null, rowUpdatedAt: Date | null): Promise<Date | null> {
  const event = await prisma.auditEvent.findFirst({
    where: { entityType: PARAMS_ENTITY, entityId: paramsEntityId(projectId) },
    orderBy: { id: "desc" },
    select: { createdAt: true },
  });
  const times = [event?.createdAt, rowUpdatedAt].filter((d): d is Date => d instanceof Date);
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}

export async function getParamsView(projectId: number | null): Promise<ParamsView | null> {
  const project = projectId === null ? null : await prisma.project.findUnique({ where: { id: projectId }, select: { name: true } });
  if (projectId !== null && !project) return null;
  const [own, ecosystem, lastRun, running, queued] = await Promise.all([
    loadSet(projectId),
    projectId === null ? null : loadSet(null),
    prisma.metricRun.findFirst({ where: { status: "succeeded" }, orderBy: { id: "desc" }, select: { id: true, paramsHash: true, startedAt: true, finishedAt: true } }),
    prisma.metricRun.findFirst({ where: { status: "running" }, orderBy: { id: "desc" }, select: { startedAt: true } }),
    prisma.job.count({ where: { kind: RECOMPUTE_JOB, status: "queued" } }),
  ]);
  const ecosystemSet = projectId === null ? own.set : ecosystem!.set;
  const ecosystemParams = ecosystemSet?.params ?? DEFAULT_PARAMS;
  const effective = own.set?.params ?? ecosystemParams;
  const source = own.set ? "own" : projectId !== null && ecosystemSet ? "ecosystem" : "defaults";
  const changedAt = await lastChangedAt(projectId, own.set?.updatedAt ?? null);
  const ecosystemHash = paramsHash(ecosystemParams);
  return {
    projectId,
    projectName: project?.name ?? null,
    saved: own.set,
    savedInvalid: own.invalid,
    effective,
    effectiveHash: paramsHash(effective),
    source,
    ecosystemHash,
    lastRun,
    status: applyStatus({ changedAt, ecosystemHash: projectId === null ? ecosystemHash : null, lastRun, running, queued: queued > 0 }),
  };
}

/** Every project, with whether it has a parameter set of its own, for the scope picker. */
export async function listParamScopes(): Promise<{ id: number; name: string; hasOwn: boolean; archived: boolean }[]> {
  const [projects, sets] = await Promise.all([
    prisma.project.findMany({ select: { id: true, name: true, archivedAt: true }, orderBy: { name: "asc" } }),
    prisma.metricParamSet.findMany({ where: { projectId: { not: null } }, select: { projectId: true } }),
  ]);
  const own = new Set(sets.map((s) => s.projectId));
  return projects.map((p) => ({ id: p.id, name: p.name, hasOwn: own.has(p.id), archived: p.archivedAt !== null }));
}
