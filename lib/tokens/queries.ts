// Token reads: the owner's own list, everyone's for admins, and the lookup by hash behind every
// API request.
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
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

export interface TokenCallerRow {
  id: number;
  scopes: string[];
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  userId: number;
  role: Role;
  handle: string;
  name: string;
  deactivatedAt: Date | null;
  maintainedProjectIds: number[];
}

/**
 * The token, its owner and the projects the owner maintains in one round trip (every API request
 * runs it: three lookups here were three round trips). The owner is read fresh, like loadActor.
 */
export async function findTokenCallerByHash(tokenHash: string): Promise<TokenCallerRow | null> {
  const rows = await prisma.$queryRaw<TokenCallerRow[]>`
    SELECT t.id, t.scopes, t.revoked_at AS "revokedAt", t.last_used_at AS "lastUsedAt",
           u.id AS "userId", u.role::text AS role, u.handle, u.name, u.deactivated_at AS "deactivatedAt",
           ARRAY(SELECT m.project_id FROM project_maintainers m WHERE m.user_id = u.id ORDER BY m.project_id) AS "maintainedProjectIds"
      FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = ${tokenHash}`;
  return rows[0] ?? null;
}
