// What a token may be used for. A scope narrows what the owner's role allows, never widens it:
// every request still runs as the owner (their current role and projects), and a scope that needs
// a higher role than the owner's cannot be granted at all.
import { hasRole, type Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";

export const TOKEN_SCOPES = ["read", "write", "metrics:read"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const SCOPE_INFO: Record<TokenScope, { label: string; description: string; minRole: Role }> = {
  read: { label: "read", description: "List and read contributions, links, projects and campaigns.", minRole: "contributor" },
  write: { label: "write", description: "Create and update them, confirm and dispute links, as you could in the app.", minRole: "contributor" },
  "metrics:read": { label: "metrics:read", description: "Read the stored metrics of the projects you maintain (admins: the ecosystem).", minRole: "maintainer" },
};

export function scopesAllowedFor(role: Role): TokenScope[] {
  return TOKEN_SCOPES.filter((s) => hasRole({ role } as Actor, SCOPE_INFO[s].minRole));
}

export function hasScope(granted: readonly string[], needed: TokenScope): boolean {
  return granted.includes(needed);
}
