// Clearing or confirming a link ring that detection quarantined (METRICS.md §10). The decision is
// per contribution (ring_reviews), applied to the ring's contributions in projects the reviewer
// maintains:
// - clear: never quarantined by detection again (the recompute passes cleared ids to the engine);
//   a contribution an earlier confirmation quarantined gets back the status it had before;
// - confirm: the status becomes quarantined (w_status = 0) and stays so whatever detection says.
// Either reverses the other. The ring must be one the newest run found, named by its contributions.
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { canReviewRing } from "@/lib/permissions";
import { recordAudit } from "@/lib/audit/record";
import { enqueueRecompute } from "@/lib/jobs/queue";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { ringDecisionSchema } from "@/lib/validation/review";
import { getNewestRunId, listStoredRings, ringKey, type StoredRing } from "./stored-rings";

const DECISION = { clear: "cleared", confirm: "confirmed" } as const;

async function findRingOrThrow(contributionIds: number[]): Promise<StoredRing> {
  const runId = await getNewestRunId();
  const key = ringKey({ contributionIds });
  const found = runId === null ? undefined : (await listStoredRings(runId, ["all"])).find((r) => ringKey(r.ring) === key);
  if (!found) throw new AppError("conflict", "This ring is not in the newest results any more (its links changed and the metrics were recomputed). Reload the queue.");
  return found.ring;
}

/** What a confirmation replaced, from its audit event; unreviewed when none is on record. */
async function statusBeforeConfirm(tx: Tx, contributionId: number): Promise<ContributionStatus> {
  const event = await tx.auditEvent.findFirst({
    where: { action: "ring.confirm", entityType: "contribution", entityId: String(contributionId) },
    orderBy: { id: "desc" },
    select: { before: true },
  });
  const status = (event?.before as { status?: unknown } | null)?.status;
  return status === "accepted" || status === "rejected" ? status : "unreviewed";
}

export async function decideRing(actorOrNull: Actor | null, raw: unknown): Promise<{ decided: number[]; decision: "cleared" | "confirmed" }> {
  const actor = requireRole(actorOrNull, "maintainer");
  const input = parseOrThrow(ringDecisionSchema, raw);
  const ring = await findRingOrThrow(input.contributionIds);
  if (ring.members.includes(actor.id)) throw new AppError("forbidden", "You are one of this ring's members: another maintainer or an admin decides it.");
  const decision = DECISION[input.decision];
  return prisma.$transaction(async (tx) => {
    const contributions = await tx.contribution.findMany({
      where: { id: { in: ring.contributionIds }, deletedAt: null },
      select: { id: true, projectId: true, status: true, version: true },
      orderBy: { id: "asc" },
    });
    const mine = contributions.filter((c) => canReviewRing(actor, ring, c.projectId));
    if (mine.length === 0) throw new AppError("forbidden", "None of this ring's contributions is in a project you maintain.");
    const reviews = new Map(
      (await tx.ringReview.findMany({ where: { contributionId: { in: mine.map((c) => c.id) } }, select: { contributionId: true, decision: true, note: true, decidedById: true } }))
        .map((r) => [r.contributionId, r]),
    );
    const decided: number[] = [];
    for (const c of mine) {
      const review = reviews.get(c.id) ?? null;
      const status: ContributionStatus = decision === "confirmed" ? "quarantined" : c.status === "quarantined" ? await statusBeforeConfirm(tx, c.id) : c.status;
      if (review?.decision === decision && status === c.status) continue;
      const ringReview = { decision, note: input.note, decidedById: actor.id };
      await tx.ringReview.upsert({
        where: { contributionId: c.id },
        create: { contributionId: c.id, ...ringReview },
        update: { ...ringReview, decidedAt: new Date() },
      });
      const version = status === c.status ? c.version : c.version + 1;
      if (status !== c.status) await tx.contribution.update({ where: { id: c.id }, data: { status, version } });
      await recordAudit(tx, {
        actorId: actor.id, action: `ring.${input.decision}`, entityType: "contribution", entityId: c.id,
        before: { id: c.id, status: c.status, version: c.version, ringReview: review && { decision: review.decision, note: review.note, decidedById: review.decidedById } },
        after: { id: c.id, status, version, ringReview },
      });
      decided.push(c.id);
    }
    if (decided.length === 0) throw new AppError("conflict", `This ring is already ${decision}.`);
    await enqueueRecompute(tx, `ring.${input.decision}`);
    return { decided, decision };
  });
}
