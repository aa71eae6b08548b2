// What audit events keep of a project, and the guard every project write starts with.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { canManageProjects } from "@/lib/permissions";

export const PROJECT_SELECT = { id: true, slug: true, name: true, kind: true, description: true, archivedAt: true } as const;

export function requireProjectManager(actorOrNull: Actor | null): Actor {
  const actor = requireActor(actorOrNull);
  if (!canManageProjects(actor)) throw new AppError("forbidden", "Only admins can manage projects.");
  return actor;
}

/** The project locked for the rest of the transaction; a missing one is a 404. */
export async function loadProjectForUpdate(tx: Tx, id: number) {
  await tx.$queryRaw`SELECT id FROM projects WHERE id = ${id} FOR UPDATE`;
  const project = await tx.project.findUnique({ where: { id }, select: PROJECT_SELECT });
  if (!project) throw new AppError("not_found", "This project does not exist.");
  return project;
}

export async function maintainerIdsOf(tx: Tx, projectId: number): Promise<number[]> {
  const rows = await tx.projectMaintainer.findMany({ where: { projectId }, select: { userId: true }, orderBy: { userId: "asc" } });
  return rows.map((r) => r.userId);
}
