// Link reads for the API: a link is visible when both of its ends are.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canViewContribution } from "@/lib/permissions";
import type { CreatedLink } from "@/lib/links/mutations";
import type { z } from "zod";
import type { LinkView, listLinksQuerySchema } from "../schemas/links";
import { visibleContributionWhere } from "./contributions";

const END = { select: { projectId: true, createdById: true, deletedAt: true, authors: { select: { userId: true } } } } as const;

const SELECT = {
  id: true, fromId: true, toId: true, type: true, status: true, note: true, createdById: true, createdAt: true, updatedAt: true,
  disputes: { where: { resolution: "open" }, orderBy: { id: "desc" }, take: 1, select: { id: true, reason: true, raisedById: true, createdAt: true } },
} as const satisfies Prisma.LinkSelect;

type Row = Prisma.LinkGetPayload<{ select: typeof SELECT }>;

export function toLinkView(l: Row): LinkView {
  const d = l.disputes[0];
  return {
    id: l.id, fromId: l.fromId, toId: l.toId, type: l.type, status: l.status, note: l.note, createdById: l.createdById,
    createdAt: l.createdAt.toISOString(), updatedAt: l.updatedAt.toISOString(),
    openDispute: d ? { id: d.id, reason: d.reason, raisedById: d.raisedById, createdAt: d.createdAt.toISOString() } : null,
  };
}

/** The view of a link just created: a new link has no dispute yet. */
export function createdLinkView(l: CreatedLink): LinkView {
  return {
    id: l.id, fromId: l.fromId, toId: l.toId, type: l.type as LinkView["type"], status: l.status as LinkView["status"], note: l.note, createdById: l.createdById,
    createdAt: l.createdAt.toISOString(), updatedAt: l.updatedAt.toISOString(), openDispute: null,
  };
}

export function listLinkRows(actor: Actor, q: z.output<typeof listLinksQuerySchema>, afterId: number): Promise<Row[]> {
  const visible = visibleContributionWhere(actor);
  return prisma.link.findMany({
    where: {
      AND: [
        { from: visible }, { to: visible },
        { id: { gt: afterId } },
        q.fromId ? { fromId: q.fromId } : {},
        q.toId ? { toId: q.toId } : {},
        q.type ? { type: q.type } : {},
        q.status ? { status: q.status } : {},
        q.projectId ? { from: { projectId: q.projectId } } : {},
        q.author ? { from: { authors: { some: { user: { handle: q.author } } } } } : {},
        q.from || q.to ? { createdAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } } : {},
      ],
    },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: SELECT,
  });
}

export async function getLinkView(actor: Actor, id: number): Promise<LinkView | null> {
  const l = await prisma.link.findUnique({ where: { id }, select: { ...SELECT, from: END, to: END } });
  if (!l) return null;
  const access = (e: typeof l.from) => ({ projectId: e.projectId, createdById: e.createdById, deletedAt: e.deletedAt, authorIds: e.authors.map((a) => a.userId) });
  if (!canViewContribution(actor, access(l.from)) || !canViewContribution(actor, access(l.to))) return null;
  return toLinkView(l);
}
