// Accepting or rejecting contributions, one or many: w_status becomes 1 (accepted) or 0 (rejected)
// from the next recompute (METRICS.md §3). A bulk decision is one transaction: every contribution
// is checked first, and one refusal (a stale version, a project the reviewer does not maintain,
// their own work) leaves every row as it was.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { canReviewContribution, canReviewInProject } from "@/lib/permissions";
import { recordAudit } from "@/lib/audit/record";
import { enqueueRecompute } from "@/lib/jobs/queue";
import { contributionSnapshot } from "@/lib/contributions/access";
import { contributionDecisionSchema } from "@/lib/validation/review";

const STATUS_OF = { accept: "accepted", reject: "rejected" } as const;

export async function decideContributions(actorOrNull: Actor | null, raw: unknown): Promise<{ ids: number[]; status: "accepted" | "rejected" }> {
  const actor = requireRole(actorOrNull, "maintainer");
  const { decision, items } = parseOrThrow(contributionDecisionSchema, raw);
  const status = STATUS_OF[decision];
  return prisma.$transaction(async (tx) => {
    const rows = await tx.contribution.findMany({
      where: { id: { in: items.map((i) => i.id) } },
      select: { id: true, projectId: true, title: true, status: true, version: true, deletedAt: true, createdById: true, authors: { select: { userId: true } } },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const item of items) {
      const c = byId.get(item.id);
      if (!c) throw new AppError("not_found", "A contribution in this decision does not exist.");
      if (!canReviewInProject(actor, c.projectId)) throw new AppError("forbidden", `“${c.title}” is not in a project you maintain.`);
      const access = { ...c, authorIds: c.authors.map((a) => a.userId) };
      if (!canReviewContribution(actor, access)) throw new AppError("forbidden", `“${c.title}” is your own work: another maintainer or an admin reviews it.`);
      if (c.version !== item.version) throw new AppError("conflict", `“${c.title}” changed after you opened this page. Reload to see its current state, then decide again.`);
      if (c.deletedAt) throw new AppError("conflict", `“${c.title}” was withdrawn by its authors.`);
      if (c.status === "quarantined") throw new AppError("conflict", `“${c.title}” is quarantined as part of a link ring: clear the ring in the rings queue first.`);
      if (c.status === status) throw new AppError("conflict", `“${c.title}” is already ${status}.`);
    }
    for (const item of items) {
      const before = await contributionSnapshot(tx, item.id);
      // The version in the where clause closes the gap between the read above and this write.
      const { count } = await tx.contribution.updateMany({
        where: { id: item.id, version: item.version, deletedAt: null },
        data: { status, version: { increment: 1 } },
      });
      if (count === 0) throw new AppError("conflict", "A contribution changed while this decision was being saved. Reload and decide again.");
      await recordAudit(tx, {
        actorId: actor.id, action: `contribution.${decision}`, entityType: "contribution", entityId: item.id,
        before, after: await contributionSnapshot(tx, item.id),
      });
    }
    await enqueueRecompute(tx, `contribution.${decision}`);
    return { ids: items.map((i) => i.id), status };
  });
}
