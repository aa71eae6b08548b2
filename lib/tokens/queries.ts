// Token reads: the owner's own list, everyone's for admins, and the lookup by hash behind every
// API request.
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { hasRole } from "@/lib/auth/actor";

const LISTED = {
  id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true,
  user: { select: { id: true, handle: true } },
} as const;

export type TokenRow = Awaited<ReturnType<typeof listMyTokens>>[number];

/** The actor's tokens, live ones first, newest first within each group. */
export function listMyTokens(actor: Actor) {
  return prisma.apiToken.findMany({
    where: { userId: actor.id },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }],
    select: LISTED,
  });
}

/** Everyone else's tokens, for admins; [] for anyone else. */
export async function listOthersTokens(actor: Actor, limit = 200) {
  if (!hasRole(actor, "admin")) return [];
  return prisma.apiToken.findMany({
    where: { userId: { not: actor.id } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }],
    take: limit,
    select: LISTED,
  });
}

export function findTokenByHash(tokenHash: string) {
  return prisma.apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, scopes: true, revokedAt: true, lastUsedAt: true, user: { select: { sessionVersion: true } } },
  });
}
