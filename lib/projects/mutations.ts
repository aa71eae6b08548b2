// Project writes: create, edit, archive and unarchive. Each validates, checks canManageProjects,
// writes and records an audit event with the project before and after, in one transaction.
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { createProjectSchema, projectIdSchema, updateProjectSchema } from "@/lib/validation/projects";
import { loadProjectForUpdate, PROJECT_SELECT, requireProjectManager } from "./snapshot";

const INVALID = "Please correct the highlighted fields.";

async function assertSlugFree(tx: Tx, slug: string, exceptId?: number) {
  const taken = await tx.project.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (taken && taken.id !== exceptId) throw new AppError("invalid_input", INVALID, { slug: `“${slug}” is already the slug of ${taken.name}` });
}

/** A unique-slug race lost to a concurrent write still answers beside the field. */
function rethrowSlugRace(e: unknown, slug: string): never {
  if ((e as { code?: string })?.code === "P2002") throw new AppError("invalid_input", INVALID, { slug: `“${slug}” is already the slug of another project` });
  throw e;
}

export async function createProject(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number }> {
  const actor = requireProjectManager(actorOrNull);
  const input = parseOrThrow(createProjectSchema, raw);
  try {
    return await prisma.$transaction(async (tx) => {
      await assertSlugFree(tx, input.slug);
      const project = await tx.project.create({ data: input, select: PROJECT_SELECT });
      await recordAudit(tx, { actorId: actor.id, action: "project.create", entityType: "project", entityId: project.id, after: project });
      return { id: project.id };
    });
  } catch (e) {
    rethrowSlugRace(e, input.slug);
  }
}

export async function updateProject(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number }> {
  const actor = requireProjectManager(actorOrNull);
  const { id, ...fields } = parseOrThrow(updateProjectSchema, raw);
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await loadProjectForUpdate(tx, id);
      await assertSlugFree(tx, fields.slug, id);
      const after = await tx.project.update({ where: { id }, data: fields, select: PROJECT_SELECT });
      await recordAudit(tx, { actorId: actor.id, action: "project.update", entityType: "project", entityId: id, before, after });
      return { id };
    });
  } catch (e) {
    rethrowSlugRace(e, fields.slug);
  }
}

/** Archived projects take no new contributions; their history and metrics stay. */
export async function archiveProject(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number }> {
  return setArchived(actorOrNull, raw, true);
}

export async function unarchiveProject(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number }> {
  return setArchived(actorOrNull, raw, false);
}

async function setArchived(actorOrNull: Actor | null, raw: unknown, archive: boolean): Promise<{ id: number }> {
  const actor = requireProjectManager(actorOrNull);
  const { projectId } = parseOrThrow(projectIdSchema, raw);
  return prisma.$transaction(async (tx) => {
    const before = await loadProjectForUpdate(tx, projectId);
    if (archive && before.archivedAt) throw new AppError("conflict", `${before.name} is already archived.`);
    if (!archive && !before.archivedAt) throw new AppError("conflict", `${before.name} is not archived.`);
    const after = await tx.project.update({ where: { id: projectId }, data: { archivedAt: archive ? new Date() : null }, select: PROJECT_SELECT });
    await recordAudit(tx, { actorId: actor.id, action: archive ? "project.archive" : "project.unarchive", entityType: "project", entityId: projectId, before, after });
    return { id: projectId };
  });
}
