// How many items wait in each review queue, for the tabs.
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { canSeeAllProjects } from "@/lib/permissions";
import { countOpenDisputes } from "./dispute-queue";
import { listRingQueue } from "./ring-queue";

export async function countReviewQueues(actor: Actor): Promise<{ contributions: number; disputes: number; rings: number }> {
  const projects = canSeeAllProjects(actor) ? {} : { projectId: { in: actor.maintainedProjectIds } };
  const [contributions, disputes, rings] = await Promise.all([
    prisma.contribution.count({ where: { ...projects, status: "unreviewed", deletedAt: null } }),
    countOpenDisputes(actor),
    listRingQueue(actor).then((q) => q.rings.filter((r) => r.state === "pending" && r.canDecide).length),
  ]);
  return { contributions, disputes, rings };
}
