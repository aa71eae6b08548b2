// Link writes. A link says "this newer work of mine builds on / cites / reviews / fixes that older
// work". The target's authors confirm it or dispute it; a dispute stops the credit flowing along
// it (κ = 0) until a maintainer resolves it.
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { canConfirmLink, canDisputeLink, canLinkFrom, canRemoveLink, canViewContribution } from "@/lib/permissions";
import { recordAudit } from "@/lib/audit/record";
import { recordWriteEffects } from "@/lib/audit/record-write";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueRecompute } from "@/lib/jobs/queue";
import { rethrowDbError } from "@/lib/db-errors";
import { createLinkSchema, disputeLinkSchema, linkIdSchema } from "@/lib/validation/links";
import { loadContributionAccess } from "@/lib/contributions/access";

const LINK_SELECT = { id: true, fromId: true, toId: true, type: true, status: true, note: true, createdById: true } as const;

/** A link as its create wrote it: what the API answers with, without reading it back. */
export interface CreatedLink {
  id: number;
  fromId: number;
  toId: number;
  type: string;
  status: string;
  note: string;
  createdById: number | null;
  createdAt: Date;
  updatedAt: Date;
  /** whether a removed link was taken up again (it may have a history of disputes) */
  revived: boolean;
}

interface LinkEnd {
  id: number;
  projectId: number;
  createdById: number | null;
  deletedAt: Date | null;
  occurredAt: Date;
  title: string;
  authorIds: number[];
  /** the status of the same link (from, to, type) when it exists; on the "from" end only */
  existing: string | null;
}

const CREATED_COLUMNS = Prisma.sql`id, from_id AS "fromId", to_id AS "toId", type::text AS type, status::text AS status, note, created_by_id AS "createdById", created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function createLink(actorOrNull: Actor | null, raw: unknown): Promise<CreatedLink> {
  const actor = requireActor(actorOrNull);
  const input = parseOrThrow(createLinkSchema, raw);
  if (input.fromId === input.toId) throw new AppError("invalid_input", "A contribution cannot link to itself.");
  try {
    return await prisma.$transaction(async (tx) => {
      // Both ends locked FOR SHARE (in id order) before their times are read: an edit moving either
      // one in time waits for this link and its trigger then re-checks it, or this link waits for the
      // edit and reads the new time. Without it the two can pass each other and leave a cycle.
      await tx.$queryRaw`SELECT id FROM contributions WHERE id IN (${input.fromId}, ${input.toId}) ORDER BY id FOR SHARE`;
      // Then both ends, their authors and the same link if it exists, in one read (after the lock,
      // so it sees whatever an edit that held it committed).
      const ends = await tx.$queryRaw<LinkEnd[]>`
        SELECT c.id, c.project_id AS "projectId", c.created_by_id AS "createdById", c.deleted_at AS "deletedAt", c.occurred_at AS "occurredAt", c.title,
               ARRAY(SELECT a.user_id FROM contribution_authors a WHERE a.contribution_id = c.id ORDER BY a.user_id) AS "authorIds",
               CASE WHEN c.id = ${input.fromId} THEN (SELECT l.status::text FROM links l WHERE l.from_id = ${input.fromId} AND l.to_id = ${input.toId} AND l.type = ${input.type}::"LinkType") END AS existing
          FROM contributions c WHERE c.id IN (${input.fromId}, ${input.toId})`;
      const from = ends.find((e) => e.id === input.fromId);
      const to = ends.find((e) => e.id === input.toId);
      if (!from || !canViewContribution(actor, from)) throw new AppError("not_found", "This contribution does not exist.");
      if (!canLinkFrom(actor, from)) {
        throw from.deletedAt
          ? new AppError("conflict", "This contribution was withdrawn; it cannot gain links.")
          : new AppError("forbidden", "Only the authors of a contribution can say what it builds on.");
      }
      if (!to || to.deletedAt) throw new AppError("invalid_input", "The contribution you chose does not exist or was withdrawn.");
      const isBackward = to.occurredAt < from.occurredAt || (to.occurredAt.getTime() === from.occurredAt.getTime() && to.id < from.id);
      if (!isBackward) {
        throw new AppError("invalid_input", `A link must point to earlier work: “${to.title}” happened after this contribution.`);
      }
      if (from.existing !== null && from.existing !== "removed") throw new AppError("conflict", "This link already exists.");
      // Linking to one's own work needs no confirmation: the author is the one who would confirm it.
      const status = to.authorIds.includes(actor.id) ? "confirmed" : "unconfirmed";
      let link: CreatedLink;
      if (from.existing !== null) {
        const [row] = await tx.$queryRaw<Omit<CreatedLink, "revived">[]>`
          UPDATE links SET status = ${status}::"LinkStatus", note = ${input.note}, created_by_id = ${actor.id}, updated_at = now()
           WHERE from_id = ${from.id} AND to_id = ${to.id} AND type = ${input.type}::"LinkType" RETURNING ${CREATED_COLUMNS}`;
        link = { ...row, revived: true };
      } else {
        const [row] = await tx.$queryRaw<Omit<CreatedLink, "revived">[]>`
          INSERT INTO links (from_id, to_id, type, status, note, created_by_id)
          VALUES (${from.id}, ${to.id}, ${input.type}::"LinkType", ${status}::"LinkStatus", ${input.note}, ${actor.id}) RETURNING ${CREATED_COLUMNS}`;
        link = { ...row, revived: false };
      }
      const after = { id: link.id, fromId: link.fromId, toId: link.toId, type: link.type, status: link.status, note: link.note, createdById: link.createdById };
      await recordWriteEffects(tx, [{ actorId: actor.id, action: "link.create", entityType: "link", entityId: link.id, before: from.existing === null ? undefined : { status: from.existing }, after }], "link.create");
      return link;
    });
  } catch (e) {
    rethrowDbError(e);
  }
}

async function loadLinkWithTarget(tx: Tx, actor: Actor, linkId: number) {
  const link = await tx.link.findUnique({ where: { id: linkId }, select: LINK_SELECT });
  if (!link) throw new AppError("not_found", "This link does not exist.");
  const [from, target] = await Promise.all([loadContributionAccess(tx, link.fromId), loadContributionAccess(tx, link.toId)]);
  if (!from || !target || !canViewContribution(actor, target)) throw new AppError("not_found", "This link does not exist.");
  return { link, from, target };
}

export async function confirmLink(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number }> {
  const actor = requireActor(actorOrNull);
  const { linkId } = parseOrThrow(linkIdSchema, raw);
  return prisma.$transaction(async (tx) => {
    const { link, target } = await loadLinkWithTarget(tx, actor, linkId);
    if (!canConfirmLink(actor, target)) throw new AppError("forbidden", "Only the authors of the work it points to can confirm a link.");
    if (link.status !== "unconfirmed") {
      throw new AppError("conflict", link.status === "disputed"
        ? "This link is disputed: a maintainer resolves it."
        : `This link is already ${link.status}.`);
    }
    const after = await tx.link.update({ where: { id: link.id }, data: { status: "confirmed" }, select: LINK_SELECT });
    await recordAudit(tx, { actorId: actor.id, action: "link.confirm", entityType: "link", entityId: link.id, before: link, after });
    await enqueueRecompute(tx, "link.confirm");
    return { id: link.id };
  });
}

export async function disputeLink(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number; disputeId: number }> {
  const actor = requireActor(actorOrNull);
  const { linkId, reason } = parseOrThrow(disputeLinkSchema, raw);
  return prisma.$transaction(async (tx) => {
    const { link, target } = await loadLinkWithTarget(tx, actor, linkId);
    if (!canDisputeLink(actor, target)) throw new AppError("forbidden", "Only the authors of the work it points to, or its project's maintainers, can dispute a link.");
    if (link.status === "disputed") throw new AppError("conflict", "This link is already disputed.");
    if (link.status === "removed") throw new AppError("conflict", "This link was removed.");
    const dispute = await tx.dispute.create({
      data: { subject: "link", linkId: link.id, raisedById: actor.id, reason },
      select: { id: true, subject: true, linkId: true, raisedById: true, reason: true, resolution: true },
    });
    const after = await tx.link.update({ where: { id: link.id }, data: { status: "disputed" }, select: LINK_SELECT });
    await recordAudit(tx, { actorId: actor.id, action: "dispute.create", entityType: "dispute", entityId: dispute.id, after: dispute });
    await recordAudit(tx, { actorId: actor.id, action: "link.dispute", entityType: "link", entityId: link.id, before: link, after });
    await enqueueRecompute(tx, "link.dispute");
    return { id: link.id, disputeId: dispute.id };
  });
}

export async function removeLink(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number }> {
  const actor = requireActor(actorOrNull);
  const { linkId } = parseOrThrow(linkIdSchema, raw);
  return prisma.$transaction(async (tx) => {
    const { link, from } = await loadLinkWithTarget(tx, actor, linkId);
    if (!canRemoveLink(actor, link, from)) throw new AppError("forbidden", "Only the authors of the linking work can remove this link.");
    if (link.status === "removed") throw new AppError("conflict", "This link was already removed.");
    if (link.status === "disputed") throw new AppError("conflict", "This link is disputed: a maintainer resolves it.");
    const after = await tx.link.update({ where: { id: link.id }, data: { status: "removed" }, select: LINK_SELECT });
    await recordAudit(tx, { actorId: actor.id, action: "link.remove", entityType: "link", entityId: link.id, before: link, after });
    await enqueueRecompute(tx, "link.remove");
    return { id: link.id };
  });
}
