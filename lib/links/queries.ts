// The contributor's inbox: links waiting for their word, and disputes they are part of.
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";

const END = { select: { id: true, title: true, authors: { select: { user: { select: { handle: true } } } } } };

export async function listLinksAwaitingMe(actor: Actor) {
  return prisma.link.findMany({
    where: { status: "unconfirmed", to: { deletedAt: null, authors: { some: { userId: actor.id } } }, from: { deletedAt: null } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, type: true, note: true, createdAt: true, from: END, to: END },
  });
}

export async function listMyOpenDisputes(actor: Actor) {
  return prisma.dispute.findMany({
    where: {
      resolution: "open",
      OR: [
        { raisedById: actor.id },
        { link: { from: { authors: { some: { userId: actor.id } } } } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true, reason: true, createdAt: true, raisedById: true,
      raisedBy: { select: { handle: true } },
      link: { select: { id: true, type: true, from: END, to: END } },
    },
  });
}

export function countLinksAwaitingMe(actor: Actor) {
  return prisma.link.count({
    where: { status: "unconfirmed", to: { deletedAt: null, authors: { some: { userId: actor.id } } }, from: { deletedAt: null } },
  });
}
