// Who is calling: the bearer token's owner, loaded as an Actor exactly as a session is (current
// role and projects, refused when deactivated). Unknown, revoked and orphaned tokens are 401.
import type { Actor } from "@/lib/auth/actor";
import { hashToken, isWellFormedToken } from "@/lib/tokens/format";
import { findTokenCallerByHash } from "@/lib/tokens/queries";
import { lastUsedIsStale, touchTokenLastUsed } from "@/lib/tokens/mutations";
import { hasScope, type TokenScope } from "@/lib/tokens/scopes";
import { ApiError } from "./errors";

export interface ApiCaller {
  tokenId: number;
  scopes: string[];
  actor: Actor;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export async function authenticateRequest(req: Request, now = new Date()): Promise<ApiCaller> {
  const header = req.headers.get("authorization");
  if (!header) throw new ApiError("unauthenticated", "Send an API token: Authorization: Bearer <token>. Create one at /tokens.");
  const token = BEARER.exec(header)?.[1];
  if (!token || !isWellFormedToken(token)) throw new ApiError("invalid_token", "This is not a valid API token.");
  // Token, owner and maintained projects in one query, read fresh on every request: a revocation,
  // a deactivation or a role change applies to the very next request.
  const row = await findTokenCallerByHash(hashToken(token));
  if (!row) throw new ApiError("invalid_token", "This is not a valid API token.");
  if (row.revokedAt) throw new ApiError("invalid_token", "This API token was revoked.");
  // A token outlives sign-outs (the session version), not deactivation.
  if (row.deactivatedAt) throw new ApiError("invalid_token", "The owner of this API token is deactivated.");
  const actor: Actor = { id: row.userId, role: row.role, handle: row.handle, name: row.name, maintainedProjectIds: row.maintainedProjectIds };
  if (lastUsedIsStale(row.lastUsedAt, now)) await touchTokenLastUsed(row.id, now);
  return { tokenId: row.id, scopes: row.scopes, actor };
}

export function requireScope(caller: ApiCaller, scope: TokenScope): void {
  if (!hasScope(caller.scopes, scope)) {
    throw new ApiError("insufficient_scope", `This token lacks the ${scope} scope: create one that has it at /tokens.`);
  }
}
