// What every admin write on people shares: the permission check, row locks, the lookups of the
// people named in a form, the last-admin rule, and the snapshot audit events store.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { canManagePeople } from "@/lib/permissions";
import type { PersonRef } from "@/lib/validation/people";

export const ADMIN_USER_SELECT = {
  id: true, handle: true, name: true, email: true, role: true, isImported: true, passwordHash: true,
  sessionVersion: true, deactivatedAt: true, mergedIntoId: true,
} as const;

export interface AdminUserRow {
  id: number;
  handle: string;
  name: string;
  email: string | null;
  role: "contributor" | "maintainer" | "admin";
  isImported: boolean;
  passwordHash: string | null;
  sessionVersion: number;
  deactivatedAt: Date | null;
  mergedIntoId: number | null;
}

export function requirePeopleManager(actorOrNull: Actor | null): Actor {
  const actor = requireActor(actorOrNull);
  if (!canManagePeople(actor)) throw new AppError("forbidden", "Only admins can manage people.");
  return actor;
}

/** Row locks in id order, so that two admin writes on the same people queue instead of deadlocking. */
export async function lockUsers(tx: Tx, ids: number[]): Promise<void> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  for (const id of sorted) await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${id} FOR UPDATE`;
}

/** A user by id, locked for the rest of the transaction; a missing one is a 404. */
export async function loadUserForUpdate(tx: Tx, id: number): Promise<AdminUserRow> {
  await lockUsers(tx, [id]);
  const user = await tx.user.findUnique({ where: { id }, select: ADMIN_USER_SELECT });
  if (!user) throw new AppError("not_found", "This person does not exist.");
  return user;
}

/**
 * The person a form names. A typed handle that matches no one is the form's fault (400 beside the
 * field); an id comes from a button, so a missing one is a 404.
 */
export async function resolvePerson(tx: Tx, ref: PersonRef, field: string): Promise<AdminUserRow> {
  const user = await tx.user.findUnique({ where: "id" in ref ? { id: ref.id } : { handle: ref.handle }, select: ADMIN_USER_SELECT });
  if (user) return user;
  if ("id" in ref) throw new AppError("not_found", "This person does not exist.");
  throw new AppError("invalid_input", "Please correct the highlighted fields.", { [field]: `No one has the handle @${ref.handle}` });
}

/**
 * Refuses to leave the ecosystem without an active admin. Locks every active admin's row so two
 * admins demoting each other at the same moment cannot both succeed.
 */
export async function assertAnotherActiveAdmin(tx: Tx, userId: number, what: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM users WHERE role = 'admin' AND deactivated_at IS NULL ORDER BY id FOR UPDATE`;
  if (!admins.some((a) => a.id !== userId)) {
    throw new AppError("conflict", `@${what} is the last active admin: make someone else an admin first.`);
  }
}

/** What audit events keep of a person: never the password hash, only whether there is one. */
export function userSnapshot(u: AdminUserRow, extra: Record<string, unknown> = {}) {
  return {
    id: u.id, handle: u.handle, name: u.name, email: u.email, role: u.role, isImported: u.isImported,
    hasPassword: u.passwordHash !== null, sessionVersion: u.sessionVersion,
    deactivatedAt: u.deactivatedAt, mergedIntoId: u.mergedIntoId, ...extra,
  };
}

export function mergedRefusal(u: AdminUserRow): AppError {
  return new AppError("conflict", `@${u.handle} is merged into another identity: undo that merge first.`);
}
