// Reads for the contributor's pages. The owner or visibility filter sits inside each `where`.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canConfirmLink, canDisputeLink, canEditContribution, canLinkFrom, canRemoveLink, canViewContribution } from "@/lib/permissions";
import type { MyContributionsQuery } from "@/lib/validation/contributions";

export const PAGE_SIZE = 20;

export function listOpenProjects() {
  return prisma.project.findMany({ where: { archivedAt: null }, select: { id: true, name: true, slug: true, kind: true }, orderBy: { name: "asc" } });
}

const ORDER: Record<MyContributionsQuery["sort"], Prisma.ContributionOrderByWithRelationInput[]> = {
  newest: [{ occurredAt: "desc" }, { id: "desc" }],
  oldest: [{ occurredAt: "asc" }, { id: "asc" }],
  title: [{ title: "asc" }, { id: "asc" }],
  links: [{ linksIn: { _count: "desc" } }, { occurredAt: "desc" }],
};

export async function listMyContributions(actor: Actor, query: MyContributionsQuery) {
  const where: Prisma.ContributionWhereInput = {
    authors: { some: { userId: actor.id } },
    ...(query.withdrawn === "hide" ? { deletedAt: null } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.project ? { projectId: query.project } : {}),
    ...(query.q ? { title: { contains: query.q, mode: "insensitive" as const } } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.contribution.count({ where }),
    prisma.contribution.findMany({
      where,
      orderBy: ORDER[query.sort],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, title: true, kind: true, status: true, occurredAt: true, deletedAt: true,
        project: { select: { name: true } },
        authors: { select: { share: true, user: { select: { handle: true } } } },
        _count: { select: { linksIn: { where: { status: { not: "removed" } } }, linksOut: { where: { status: { not: "removed" } } } } },
      },
    }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), rows };
}

const LINK_VIEW = {
  id: true, type: true, status: true, note: true, createdAt: true, createdById: true,
  createdBy: { select: { handle: true } },
  disputes: { where: { resolution: "open" as const }, select: { reason: true, raisedBy: { select: { handle: true } } }, take: 1 },
};
const END_VIEW = {
  id: true, title: true, occurredAt: true, projectId: true, deletedAt: true, createdById: true,
  authors: { select: { userId: true, user: { select: { handle: true } } } },
};

export async function getContributionDetail(actor: Actor, id: number) {
  const c = await prisma.contribution.findUnique({
    where: { id },
    select: {
      id: true, title: true, description: true, kind: true, status: true, occurredAt: true, url: true, version: true,
      createdAt: true, updatedAt: true, deletedAt: true, createdById: true, projectId: true, source: true,
      project: { select: { id: true, name: true, slug: true } },
      authors: { select: { userId: true, share: true, user: { select: { handle: true, name: true } } }, orderBy: { share: "desc" } },
      linksOut: { where: { status: { not: "removed" } }, select: { ...LINK_VIEW, to: { select: END_VIEW } }, orderBy: { createdAt: "desc" } },
      linksIn: { where: { status: { not: "removed" } }, select: { ...LINK_VIEW, from: { select: END_VIEW } }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!c) return null;
  const access = { projectId: c.projectId, authorIds: c.authors.map((a) => a.userId), createdById: c.createdById, deletedAt: c.deletedAt };
  if (!canViewContribution(actor, access)) return null;
  const accessOf = (e: { projectId: number; authors: { userId: number }[]; createdById: number | null; deletedAt: Date | null }) => ({
    projectId: e.projectId, authorIds: e.authors.map((a) => a.userId), createdById: e.createdById, deletedAt: e.deletedAt,
  });
  return {
    ...c,
    canEdit: canEditContribution(actor, access),
    canLink: canLinkFrom(actor, access),
    linksOut: c.linksOut.map((l) => ({ ...l, canRemove: l.status !== "disputed" && canRemoveLink(actor, l, access) })),
    linksIn: c.linksIn.map((l) => ({
      ...l,
      canConfirm: l.status === "unconfirmed" && canConfirmLink(actor, access),
      canDispute: l.status !== "disputed" && canDisputeLink(actor, access),
      fromVisible: canViewContribution(actor, accessOf(l.from)),
    })),
  };
}

/**
 * Candidates for "this builds on …": visible, not withdrawn, strictly earlier in the link order
 * (earlier time, or same time and logged before), by title words or by #id.
 */
export async function searchLinkTargets(actor: Actor, fromId: number, q: string) {
  const from = await prisma.contribution.findUnique({ where: { id: fromId }, select: { occurredAt: true, authors: { select: { userId: true } } } });
  if (!from || !from.authors.some((a) => a.userId === actor.id)) return [];
  const idMatch = /^#?(\d{1,9})$/.exec(q.trim());
  const rows = await prisma.contribution.findMany({
    where: {
      deletedAt: null,
      AND: [
        { id: { not: fromId } },
        { OR: [{ occurredAt: { lt: from.occurredAt } }, { occurredAt: from.occurredAt, id: { lt: fromId } }] },
        idMatch ? { id: Number(idMatch[1]) } : q ? { title: { contains: q, mode: "insensitive" as const } } : {},
      ],
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: 10,
    select: { id: true, title: true, occurredAt: true, kind: true, project: { select: { name: true } }, authors: { select: { user: { select: { handle: true } } } } },
  });
  return rows.map((r) => ({
    id: r.id, title: r.title, occurredAt: r.occurredAt.toISOString(), kind: r.kind, project: r.project.name,
    authors: r.authors.map((a) => a.user.handle),
  }));
}
