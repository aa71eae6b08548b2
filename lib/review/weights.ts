// The weights the review queues explain (w_status of a contribution, κ of a link, w_type), read
// from the stored ecosystem parameters so the page states what the engine will actually use.
import { prisma } from "@/lib/db";
import { parseParams, type MetricParams } from "@/lib/metrics/params";

export type ReviewWeights = Pick<MetricParams, "statusWeights" | "statusFactors" | "typeWeights" | "passThrough">;

export async function getReviewWeights(): Promise<ReviewWeights> {
  const row = await prisma.metricParamSet.findFirst({ where: { projectId: null }, select: { params: true } });
  // A stored set that no longer validates fails the recompute loudly; here the defaults explain enough.
  let params: MetricParams;
  try {
    params = parseParams(row?.params ?? {});
  } catch {
    params = parseParams({});
  }
  return { statusWeights: params.statusWeights, statusFactors: params.statusFactors, typeWeights: params.typeWeights, passThrough: params.passThrough };
}
