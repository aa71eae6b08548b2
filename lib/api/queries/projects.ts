// Project reads for the API: every signed-in user may list projects (the contribution form does).
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { z } from "zod";
import type { ProjectView, listProjectsQuerySchema } from "../schemas/projects";

export const PROJECT_SELECT = {
  id: true, slug: true, name: true, kind: true, description: true, createdAt: true, archivedAt: true,
  maintainers: { select: { userId: true, user: { select: { handle: true } } }, orderBy: { userId: "asc" } },
} as const satisfies Prisma.ProjectSelect;

type Row = Prisma.ProjectGetPayload<{ select: typeof PROJECT_SELECT }>;

export function toProjectView(p: Row): ProjectView {
  return {
    id: p.id, slug: p.slug, name: p.name, kind: p.kind, description: p.description, createdAt: p.createdAt.toISOString(),
    archivedAt: p.archivedAt?.toISOString() ?? null, maintainers: p.maintainers.map((m) => ({ userId: m.userId, handle: m.user.handle })),
  };
}

export function listProjectRows(q: z.output<typeof listProjectsQuerySchema>, afterId: number): Promise<Row[]> {
  return prisma.project.findMany({
    where: {
      id: { gt: afterId },
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.archived === undefined ? {} : { archivedAt: q.archived ? { not: null } : null }),
    },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: PROJECT_SELECT,
  });
}

export async function getProjectView(id: number): Promise<ProjectView | null> {
  const p = await prisma.project.findUnique({ where: { id }, select: PROJECT_SELECT });
  return p && toProjectView(p);
}
