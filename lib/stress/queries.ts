// Reads the stress lab needs besides the graph itself (lib/stress/graph-cache.ts). Read-only.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseParams, type MetricParams } from "@/lib/metrics/params";

export interface StressParams {
  /** the ecosystem set: ring detection always runs on the ecosystem with it, as in the recompute */
  ecosystem: MetricParams;
  /** the set the scope's metrics use: the project's override, else the ecosystem set */
  scope: MetricParams;
}

/** The stored parameter sets, read as the recompute reads them (lib/jobs/recompute.ts). */
export async function getStressParams(projectId: number | null): Promise<StressParams> {
  const rows = await prisma.metricParamSet.findMany({
    where: projectId === null ? { projectId: null } : { OR: [{ projectId: null }, { projectId }] },
    select: { projectId: true, params: true },
  });
  try {
    const ecosystem = parseParams(rows.find((r) => r.projectId === null)?.params ?? {});
    const own = rows.find((r) => r.projectId !== null);
    return { ecosystem, scope: own ? parseParams(own.params) : ecosystem };
  } catch {
    throw new AppError("unavailable", "The stored metric parameters are not valid, so no scenario can run. An admin needs to correct them.");
  }
}

/** Live contributions of the scope up to asOf: the rows a scenario starts from. */
export async function countScopeContributions(projectId: number | null, asOf: Date): Promise<number> {
  return prisma.contribution.count({
    where: { deletedAt: null, occurredAt: { lte: asOf }, ...(projectId === null ? {} : { projectId }) },
  });
}

/** Ring members a maintainer cleared (ring_reviews): the recompute never quarantines them, nor may the lab. */
export async function getClearedContributionIds(): Promise<number[]> {
  const rows = await prisma.ringReview.findMany({ where: { decision: "cleared" }, select: { contributionId: true } });
  return rows.map((r) => r.contributionId);
}
