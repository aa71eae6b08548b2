// Who is acting. Loaded fresh from the database on every request (a JWT alone would keep a
// deactivated or demoted user in for the life of the token): a session whose version no longer
// matches the user's `sessionVersion` is treated as signed out.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export interface Actor {
  id: number;
  role: Role;
  handle: string;
  name: string;
  /** projects this user maintains (empty unless maintainer) */
  maintainedProjectIds: number[];
}

const RANK: Record<Role, number> = { contributor: 0, maintainer: 1, admin: 2 };

export function hasRole(actor: Actor, role: Role): boolean {
  return RANK[actor.role] >= RANK[role];
}

export async function loadActor(userId: number, sessionVersion: number): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true, role: true, handle: true, name: true, deactivatedAt: true, sessionVersion: true,
      maintains: { select: { projectId: true } },
    },
  });
  if (!user || user.deactivatedAt || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    role: user.role,
    handle: user.handle,
    name: user.name,
    maintainedProjectIds: user.maintains.map((m) => m.projectId),
  };
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Please sign in.");
  return actor;
}

export function requireRole(actor: Actor | null, role: Role): Actor {
  const a = requireActor(actor);
  if (!hasRole(a, role)) throw new AppError("forbidden", "You do not have permission to do this.");
  return a;
}
