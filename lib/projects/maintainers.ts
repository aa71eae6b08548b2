// Who maintains a project. Only maintainers and admins can: adding a contributor promotes them to
// maintainer, but only when the admin ticks the box that says so (a role change is never a side
// effect nobody asked for), and the promotion is audited as a role change of its own.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import type { Actor } from "@/lib/auth/actor";
import { canManagePeople } from "@/lib/permissions";
import { recordAudit } from "@/lib/audit/record";
import { addMaintainerSchema, removeMaintainerSchema } from "@/lib/validation/projects";
import { ADMIN_USER_SELECT, lockUsers, userSnapshot } from "@/lib/users/admin-guards";
import { loadProjectForUpdate, maintainerIdsOf, requireProjectManager } from "./snapshot";

const INVALID = "Please correct the highlighted fields.";

export async function addMaintainer(actorOrNull: Actor | null, raw: unknown): Promise<{ userId: number; promoted: boolean }> {
  const actor = requireProjectManager(actorOrNull);
  const { projectId, handle, promote } = parseOrThrow(addMaintainerSchema, raw);
  return prisma.$transaction(async (tx) => {
    const project = await loadProjectForUpdate(tx, projectId);
    const found = await tx.user.findUnique({ where: { handle }, select: { id: true } });
    if (!found) throw new AppError("invalid_input", INVALID, { handle: `No one has the handle @${handle}` });
    await lockUsers(tx, [found.id]);
    const user = await tx.user.findUniqueOrThrow({ where: { id: found.id }, select: ADMIN_USER_SELECT });
    if (user.mergedIntoId !== null) throw new AppError("invalid_input", INVALID, { handle: `@${handle} is merged into another identity` });
    if (user.deactivatedAt) throw new AppError("invalid_input", INVALID, { handle: `@${handle} is deactivated` });
    const before = await maintainerIdsOf(tx, projectId);
    if (before.includes(user.id)) throw new AppError("conflict", `@${handle} already maintains ${project.name}.`, { handle: `@${handle} already maintains ${project.name}` });
    const promoted = user.role === "contributor";
    if (promoted) {
      if (!promote) {
        throw new AppError("invalid_input", INVALID, { handle: `@${handle} is a contributor: tick “Promote to maintainer” to make them one` });
      }
      if (!canManagePeople(actor)) throw new AppError("forbidden", "Only admins can change someone's role.");
      const after = await tx.user.update({ where: { id: user.id }, data: { role: "maintainer", sessionVersion: { increment: 1 } }, select: ADMIN_USER_SELECT });
      await recordAudit(tx, {
        actorId: actor.id, action: "user.role_change", entityType: "user", entityId: user.id,
        before: userSnapshot(user, { maintainedProjectIds: [] }), after: userSnapshot(after, { maintainedProjectIds: [projectId], reason: `maintainer of ${project.slug}` }),
      });
    }
    await tx.projectMaintainer.create({ data: { projectId, userId: user.id } });
    await recordAudit(tx, {
      actorId: actor.id, action: "project.maintainer_add", entityType: "project", entityId: projectId,
      before: { maintainerIds: before }, after: { maintainerIds: [...before, user.id].sort((a, b) => a - b), added: { id: user.id, handle } },
    });
    return { userId: user.id, promoted };
  });
}

/** Removing a maintainer keeps their role: they may maintain other projects, or be given one later. */
export async function removeMaintainer(actorOrNull: Actor | null, raw: unknown): Promise<{ userId: number }> {
  const actor = requireProjectManager(actorOrNull);
  const { projectId, userId } = parseOrThrow(removeMaintainerSchema, raw);
  return prisma.$transaction(async (tx) => {
    const project = await loadProjectForUpdate(tx, projectId);
    const before = await maintainerIdsOf(tx, projectId);
    if (!before.includes(userId)) throw new AppError("not_found", `This person does not maintain ${project.name}.`);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { handle: true } });
    await tx.projectMaintainer.delete({ where: { projectId_userId: { projectId, userId } } });
    await recordAudit(tx, {
      actorId: actor.id, action: "project.maintainer_remove", entityType: "project", entityId: projectId,
      before: { maintainerIds: before }, after: { maintainerIds: before.filter((id) => id !== userId), removed: { id: userId, handle: user.handle } },
    });
    return { userId };
  });
}
