// Resolving a dispute. A disputed link carries no credit (κ = 0, METRICS.md §3) until this runs:
// - uphold, remove: the link is removed and stops counting;
// - uphold, retype: the link gets the type the maintainer chose and the status it had before the
//   dispute (the relation stands, its kind was wrong);
// - reject: the link goes back to the status it had before the dispute.
// Authorship disputes record the outcome and its note. Whoever raised a dispute does not judge it.
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { canResolveDispute, canReviewInProject } from "@/lib/permissions";
import { recordAudit } from "@/lib/audit/record";
import { enqueueRecompute } from "@/lib/jobs/queue";
import { rethrowDbError } from "@/lib/db-errors";
import { disputeResolutionSchema, type DisputeResolutionInput } from "@/lib/validation/review";
import { statusBeforeDispute } from "./status-before-dispute";

const DISPUTE_SELECT = {
  id: true, subject: true, linkId: true, contributionId: true, raisedById: true, reason: true,
  resolution: true, resolutionNote: true, resolvedById: true, resolvedAt: true,
} as const;
const LINK_SELECT = { id: true, fromId: true, toId: true, type: true, status: true, note: true, createdById: true } as const;

export interface DisputeResolved {
  disputeId: number;
  resolution: "upheld" | "rejected";
  /** the link's status and type after the decision (link disputes) */
  link?: { status: string; type: string };
}

async function targetProjectOf(tx: Tx, d: { linkId: number | null; contributionId: number | null }): Promise<number | null> {
  if (d.linkId !== null) {
    const link = await tx.link.findUnique({ where: { id: d.linkId }, select: { to: { select: { projectId: true } } } });
    return link?.to.projectId ?? null;
  }
  if (d.contributionId !== null) {
    const c = await tx.contribution.findUnique({ where: { id: d.contributionId }, select: { projectId: true } });
    return c?.projectId ?? null;
  }
  return null;
}

export async function resolveDispute(actorOrNull: Actor | null, raw: unknown): Promise<DisputeResolved> {
  const actor = requireRole(actorOrNull, "maintainer");
  const input = parseOrThrow(disputeResolutionSchema, raw);
  try {
    return await prisma.$transaction(async (tx) => {
      // Lock the dispute row: two maintainers resolving it at once must not both win.
      await tx.$queryRaw`SELECT id FROM disputes WHERE id = ${input.disputeId} FOR UPDATE`;
      const dispute = await tx.dispute.findUnique({ where: { id: input.disputeId }, select: DISPUTE_SELECT });
      if (!dispute) throw new AppError("not_found", "This dispute does not exist.");
      const projectId = await targetProjectOf(tx, dispute);
      if (projectId === null) throw new AppError("not_found", "This dispute does not exist.");
      if (!canReviewInProject(actor, projectId)) throw new AppError("forbidden", "Only the maintainers of the disputed work's project, or an admin, resolve this dispute.");
      if (!canResolveDispute(actor, dispute, projectId)) throw new AppError("forbidden", "You raised this dispute: another maintainer or an admin resolves it.");
      if (dispute.resolution !== "open") throw new AppError("conflict", `This dispute was already ${dispute.resolution}.`);

      const resolution = input.outcome === "uphold" ? "upheld" : "rejected";
      const after = await tx.dispute.update({
        where: { id: dispute.id },
        data: { resolution, resolutionNote: input.note, resolvedById: actor.id, resolvedAt: new Date() },
        select: DISPUTE_SELECT,
      });
      await recordAudit(tx, { actorId: actor.id, action: `dispute.${input.outcome}`, entityType: "dispute", entityId: dispute.id, before: dispute, after });
      const link = dispute.subject === "link" && dispute.linkId !== null ? await settleLink(tx, actor, dispute.id, dispute.linkId, input) : undefined;
      await enqueueRecompute(tx, `dispute.${input.outcome}`);
      return { disputeId: dispute.id, resolution, link };
    });
  } catch (e) {
    rethrowDbError(e);
  }
}

/** The link's side of a link dispute: removed, retyped or restored, audited with before and after. */
async function settleLink(tx: Tx, actor: Actor, disputeId: number, linkId: number, input: DisputeResolutionInput) {
  const before = await tx.link.findUnique({ where: { id: linkId }, select: LINK_SELECT });
  if (!before) throw new AppError("not_found", "The disputed link no longer exists.");
  if (before.status !== "disputed") throw new AppError("conflict", `The disputed link is ${before.status} now, not disputed: reload the queue.`);
  const removing = input.outcome === "uphold" && input.linkAction !== "retype";
  let data: { status: "removed" | "confirmed" | "unconfirmed"; type?: DisputeResolutionInput["newType"] };
  let action: string;
  if (removing) {
    data = { status: "removed" };
    action = "link.remove";
  } else {
    const status = await statusBeforeDispute(tx, disputeId, linkId);
    if (input.outcome === "uphold") {
      if (input.newType === before.type) throw new AppError("invalid_input", "Please correct the highlighted fields.", { newType: "Choose a type other than the link's current one" });
      const clash = await tx.link.findUnique({ where: { fromId_toId_type: { fromId: before.fromId, toId: before.toId, type: input.newType! } }, select: { status: true } });
      if (clash) {
        throw new AppError("conflict", clash.status === "removed"
          ? "A removed link of that type already joins these two contributions: remove this one instead."
          : "A link of that type already joins these two contributions: remove this one instead.");
      }
      data = { status, type: input.newType };
      action = "link.retype";
    } else {
      data = { status };
      action = "link.restore";
    }
  }
  const after = await tx.link.update({ where: { id: linkId }, data, select: LINK_SELECT });
  await recordAudit(tx, { actorId: actor.id, action, entityType: "link", entityId: linkId, before, after });
  return { status: after.status, type: after.type };
}
