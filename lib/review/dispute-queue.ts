// Disputes a reviewer resolves: those on links whose target is in a project they maintain, and
// authorship disputes on their projects' contributions (admins: all). Open ones oldest first;
// resolved ones newest first.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canResolveDispute, canSeeAllProjects } from "@/lib/permissions";
import type { DisputeQueueQuery } from "@/lib/validation/review";
import { statusBeforeDispute } from "./status-before-dispute";

export const DISPUTE_PAGE_SIZE = 20;

const END = {
  id: true, title: true, kind: true, occurredAt: true, status: true, projectId: true,
  project: { select: { name: true } },
  authors: { select: { user: { select: { handle: true } } }, orderBy: { userId: "asc" as const } },
} as const;

function disputeScope(actor: Actor): Prisma.DisputeWhereInput {
  if (canSeeAllProjects(actor)) return {};
  const mine = { in: actor.maintainedProjectIds };
  return { OR: [{ link: { to: { projectId: mine } } }, { contribution: { projectId: mine } }] };
}

export async function countOpenDisputes(actor: Actor): Promise<number> {
  return prisma.dispute.count({ where: { ...disputeScope(actor), resolution: "open" } });
}

export async function listDisputeQueue(actor: Actor, query: DisputeQueueQuery) {
  const where: Prisma.DisputeWhereInput = { ...disputeScope(actor), resolution: query.state === "open" ? "open" : { not: "open" } };
  const [total, rows] = await Promise.all([
    prisma.dispute.count({ where }),
    prisma.dispute.findMany({
      where,
      orderBy: query.state === "open" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ resolvedAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * DISPUTE_PAGE_SIZE,
      take: DISPUTE_PAGE_SIZE,
      select: {
        id: true, subject: true, reason: true, resolution: true, resolutionNote: true, createdAt: true, resolvedAt: true, raisedById: true,
        raisedBy: { select: { handle: true, name: true } },
        resolvedBy: { select: { handle: true } },
        link: { select: { id: true, type: true, status: true, note: true, from: { select: END }, to: { select: END } } },
        contribution: { select: END },
      },
    }),
  ]);
  const enriched = await Promise.all(rows.map(async (d) => {
    const projectId = d.link?.to.projectId ?? d.contribution?.projectId ?? 0;
    const isOpenLinkDispute = d.resolution === "open" && d.link !== null && d.link.status === "disputed";
    return {
      ...d,
      canResolve: d.resolution === "open" && canResolveDispute(actor, d, projectId),
      isRaiser: d.raisedById === actor.id,
      // What a rejection would restore, so the reviewer knows before deciding.
      restores: isOpenLinkDispute ? await statusBeforeDispute(prisma, d.id, d.link!.id) : null,
    };
  }));
  return { total, pageCount: Math.max(1, Math.ceil(total / DISPUTE_PAGE_SIZE)), rows: enriched };
}
export type DisputeQueueRow = Awaited<ReturnType<typeof listDisputeQueue>>["rows"][number];
