// Token writes: create (the secret returned once, only its hash kept) and revoke. Both audited with
// the token's name, prefix and scopes, never its hash or secret.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { canManageToken } from "@/lib/permissions";
import { recordAudit } from "@/lib/audit/record";
import { generateToken } from "./format";
import { SCOPE_INFO, scopesAllowedFor } from "./scopes";
import { MAX_ACTIVE_TOKENS, createTokenSchema, revokeTokenSchema } from "./schemas";

const AUDITED = { id: true, userId: true, name: true, prefix: true, scopes: true, createdAt: true, revokedAt: true } as const;

export async function createToken(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number; token: string; prefix: string }> {
  const actor = requireActor(actorOrNull);
  const input = parseOrThrow(createTokenSchema, raw);
  const allowed = scopesAllowedFor(actor.role);
  const beyond = input.scopes.filter((s) => !allowed.includes(s));
  if (beyond.length) {
    const message = `Your role cannot grant ${beyond.join(", ")} (it needs ${SCOPE_INFO[beyond[0]].minRole}).`;
    throw new AppError("forbidden", message, { scopes: message });
  }
  const { token, prefix, hash } = generateToken();
  return prisma.$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) throw new AppError("conflict", `You already have ${MAX_ACTIVE_TOKENS} active tokens: revoke one first.`);
    const created = await tx.apiToken.create({
      data: { userId: actor.id, name: input.name, tokenHash: hash, prefix, scopes: input.scopes },
      select: AUDITED,
    });
    await recordAudit(tx, { actorId: actor.id, action: "api_token.create", entityType: "api_token", entityId: created.id, after: created });
    return { id: created.id, token, prefix };
  });
}

export async function revokeToken(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number }> {
  const actor = requireActor(actorOrNull);
  const { tokenId } = parseOrThrow(revokeTokenSchema, raw);
  return prisma.$transaction(async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id: tokenId }, select: AUDITED });
    // Someone else's token is "not found", not "forbidden": its existence is not theirs to learn.
    if (!before || !canManageToken(actor, before)) throw new AppError("not_found", "This token does not exist.");
    if (before.revokedAt) throw new AppError("conflict", "This token is already revoked.");
    const after = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() }, select: AUDITED });
    await recordAudit(tx, { actorId: actor.id, action: "api_token.revoke", entityType: "api_token", entityId: tokenId, before, after });
    return { id: tokenId };
  });
}

/** lastUsedAt is kept to the minute: a busy client must not turn every read into a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Whether a token last marked used at `lastUsedAt` is due to be marked again (saves the round trip when not). */
export function lastUsedIsStale(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || lastUsedAt.getTime() < now.getTime() - LAST_USED_RESOLUTION_MS;
}

/**
 * Marks a token used. Bookkeeping, not a change anyone made, so it is not audited; written at most
 * once a minute per token (the WHERE keeps that true when concurrent requests both saw it stale).
 */
export async function touchTokenLastUsed(tokenId: number, now: Date): Promise<void> {
  await prisma.apiToken.updateMany({
    where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
    data: { lastUsedAt: now },
  });
}
