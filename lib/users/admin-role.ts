// An admin changes someone's role. The person's sessions end (sessionVersion bump), so the new
// role applies from their next sign-in and an old token cannot keep the old powers.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record";
import { changeRoleSchema } from "@/lib/validation/people";
import { ADMIN_USER_SELECT, assertAnotherActiveAdmin, loadUserForUpdate, mergedRefusal, requirePeopleManager, userSnapshot } from "./admin-guards";

const ARTICLE: Record<Role, string> = { contributor: "a contributor", maintainer: "a maintainer", admin: "an admin" };

export async function changeUserRole(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number; role: Role; removedMaintainerships: number }> {
  const actor = requirePeopleManager(actorOrNull);
  const { userId, role } = parseOrThrow(changeRoleSchema, raw);
  if (userId === actor.id) throw new AppError("forbidden", "You cannot change your own role: ask another admin.");
  return prisma.$transaction(async (tx) => {
    const user = await loadUserForUpdate(tx, userId);
    if (user.mergedIntoId !== null) throw mergedRefusal(user);
    if (user.role === role) throw new AppError("conflict", `@${user.handle} is already ${ARTICLE[role]}.`);
    if (user.role === "admin") await assertAnotherActiveAdmin(tx, user.id, user.handle);
    const maintainsBefore = (await tx.projectMaintainer.findMany({ where: { userId }, select: { projectId: true }, orderBy: { projectId: "asc" } })).map((m) => m.projectId);
    // Only maintainers and admins maintain projects: a contributor keeps none of them.
    const removed = role === "contributor" ? (await tx.projectMaintainer.deleteMany({ where: { userId } })).count : 0;
    const after = await tx.user.update({
      where: { id: userId },
      data: { role, sessionVersion: { increment: 1 } },
      select: ADMIN_USER_SELECT,
    });
    await recordAudit(tx, {
      actorId: actor.id, action: "user.role_change", entityType: "user", entityId: userId,
      before: userSnapshot(user, { maintainedProjectIds: maintainsBefore }),
      after: userSnapshot(after, { maintainedProjectIds: role === "contributor" ? [] : maintainsBefore }),
    });
    return { id: userId, role, removedMaintainerships: removed };
  });
}
