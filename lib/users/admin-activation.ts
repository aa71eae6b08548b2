// Deactivation signs a person out for good and stops new sign-ins; their contributions stay and
// keep counting (the history is theirs, not the account's). Reactivation reverses it.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { userIdSchema } from "@/lib/validation/people";
import { ADMIN_USER_SELECT, assertAnotherActiveAdmin, loadUserForUpdate, mergedRefusal, requirePeopleManager, userSnapshot } from "./admin-guards";

export async function deactivateUser(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number }> {
  const actor = requirePeopleManager(actorOrNull);
  const { userId } = parseOrThrow(userIdSchema, raw);
  if (userId === actor.id) throw new AppError("forbidden", "You cannot deactivate your own account: ask another admin.");
  return prisma.$transaction(async (tx) => {
    const user = await loadUserForUpdate(tx, userId);
    if (user.mergedIntoId !== null) throw mergedRefusal(user);
    if (user.deactivatedAt) throw new AppError("conflict", `@${user.handle} is already deactivated.`);
    if (user.role === "admin") await assertAnotherActiveAdmin(tx, user.id, user.handle);
    const after = await tx.user.update({
      where: { id: userId },
      data: { deactivatedAt: new Date(), sessionVersion: { increment: 1 } },
      select: ADMIN_USER_SELECT,
    });
    await recordAudit(tx, { actorId: actor.id, action: "user.deactivate", entityType: "user", entityId: userId, before: userSnapshot(user), after: userSnapshot(after) });
    return { id: userId };
  });
}

export async function reactivateUser(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number }> {
  const actor = requirePeopleManager(actorOrNull);
  const { userId } = parseOrThrow(userIdSchema, raw);
  return prisma.$transaction(async (tx) => {
    const user = await loadUserForUpdate(tx, userId);
    // A merged identity is deactivated by its merge; only undoing the merge brings it back.
    if (user.mergedIntoId !== null) throw mergedRefusal(user);
    if (!user.deactivatedAt) throw new AppError("conflict", `@${user.handle} is already active.`);
    const after = await tx.user.update({
      where: { id: userId },
      data: { deactivatedAt: null, sessionVersion: { increment: 1 } },
      select: ADMIN_USER_SELECT,
    });
    await recordAudit(tx, { actorId: actor.id, action: "user.reactivate", entityType: "user", entityId: userId, before: userSnapshot(user), after: userSnapshot(after) });
    return { id: userId };
  });
}
