// Contribution reads for the API. Visibility is the app's (canViewContribution): everything not
// withdrawn; withdrawn work for its authors and creator, its project's maintainers and admins.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canViewContribution } from "@/lib/permissions";
import type { CreatedContribution } from "@/lib/contributions/mutations";
import type { z } from "zod";
import type { ContributionView, listContributionsQuerySchema } from "../schemas/contributions";

const SELECT = {
  id: true, projectId: true, title: true, description: true, kind: true, status: true, source: true, occurredAt: true, url: true,
  version: true, createdAt: true, updatedAt: true, deletedAt: true, createdById: true,
  authors: { select: { userId: true, share: true, user: { select: { handle: true } } }, orderBy: { userId: "asc" } },
} as const satisfies Prisma.ContributionSelect;

type Row = Prisma.ContributionGetPayload<{ select: typeof SELECT }>;

/** The where fragment of contributions the actor may see (the SQL form of canViewContribution). */
export function visibleContributionWhere(actor: Actor): Prisma.ContributionWhereInput {
  if (actor.role === "admin") return {};
  return {
    OR: [
      { deletedAt: null },
      { authors: { some: { userId: actor.id } } },
      { createdById: actor.id },
      ...(actor.role === "maintainer" ? [{ projectId: { in: actor.maintainedProjectIds } }] : []),
    ],
  };
}

export function toContributionView(c: Row): ContributionView {
  return {
    id: c.id, projectId: c.projectId, title: c.title, description: c.description, kind: c.kind, status: c.status, source: c.source,
    occurredAt: c.occurredAt.toISOString(), url: c.url, version: c.version,
    authors: c.authors.map((a) => ({ userId: a.userId, handle: a.user.handle, share: Number(a.share) })),
    createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(), withdrawnAt: c.deletedAt?.toISOString() ?? null,
  };
}

/** The view of a contribution just created, from the rows its transaction wrote. */
export function createdContributionView(c: CreatedContribution): ContributionView {
  return {
    id: c.id, projectId: c.projectId, title: c.title, description: c.description, kind: c.kind as ContributionView["kind"],
    status: c.status as ContributionView["status"], source: c.source as ContributionView["source"],
    occurredAt: c.occurredAt.toISOString(), url: c.url, version: c.version,
    authors: c.authors.map((a) => ({ userId: a.userId, handle: a.handle, share: Number(a.share) })),
    createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(), withdrawnAt: null,
  };
}

export function listContributionRows(actor: Actor, q: z.output<typeof listContributionsQuerySchema>, afterId: number): Promise<Row[]> {
  return prisma.contribution.findMany({
    where: {
      AND: [
        visibleContributionWhere(actor),
        q.includeWithdrawn ? {} : { deletedAt: null },
        { id: { gt: afterId } },
        q.projectId ? { projectId: q.projectId } : {},
        q.kind ? { kind: q.kind } : {},
        q.status ? { status: q.status } : {},
        q.source ? { source: q.source } : {},
        q.author ? { authors: { some: { user: { handle: q.author } } } } : {},
        q.from || q.to ? { occurredAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } } : {},
      ],
    },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: SELECT,
  });
}

export async function getContributionView(actor: Actor, id: number): Promise<ContributionView | null> {
  const c = await prisma.contribution.findUnique({ where: { id }, select: SELECT });
  if (!c || !canViewContribution(actor, { projectId: c.projectId, authorIds: c.authors.map((a) => a.userId), createdById: c.createdById, deletedAt: c.deletedAt })) return null;
  return toContributionView(c);
}
