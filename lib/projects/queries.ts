// Reads for the admin's project pages.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectsQuery } from "@/lib/validation/projects";

export const PROJECTS_PAGE_SIZE = 25;

export async function listProjectsForAdmin(query: ProjectsQuery) {
  const where: Prisma.ProjectWhereInput = {
    ...(query.state === "active" ? { archivedAt: null } : query.state === "archived" ? { archivedAt: { not: null } } : {}),
    ...(query.q ? { OR: [{ slug: { contains: query.q, mode: "insensitive" as const } }, { name: { contains: query.q, mode: "insensitive" as const } }] } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.project.count({ where }),
    prisma.project.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * PROJECTS_PAGE_SIZE,
      take: PROJECTS_PAGE_SIZE,
      select: {
        id: true, slug: true, name: true, kind: true, archivedAt: true, createdAt: true,
        // withdrawn work no longer counts anywhere, so not here either
        _count: { select: { contributions: { where: { deletedAt: null } } } },
        maintainers: { select: { user: { select: { id: true, handle: true } } }, orderBy: { user: { handle: "asc" } } },
      },
    }),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / PROJECTS_PAGE_SIZE)),
    rows: rows.map(({ _count, maintainers, ...p }) => ({ ...p, contributions: _count.contributions, maintainers: maintainers.map((m) => m.user) })),
  };
}

export type ProjectListRow = Awaited<ReturnType<typeof listProjectsForAdmin>>["rows"][number];

export async function getProjectForAdmin(id: number) {
  const project = await prisma.project.findUnique({
    where: { id },
    select: {
      id: true, slug: true, name: true, kind: true, description: true, archivedAt: true, createdAt: true,
      _count: { select: { contributions: { where: { deletedAt: null } } } },
      maintainers: {
        select: { createdAt: true, user: { select: { id: true, handle: true, name: true, role: true, deactivatedAt: true } } },
        orderBy: { user: { handle: "asc" } },
      },
    },
  });
  if (!project) return null;
  const { _count, maintainers, ...rest } = project;
  return { ...rest, contributions: _count.contributions, maintainers: maintainers.map((m) => ({ ...m.user, since: m.createdAt })) };
}

export type ProjectForAdmin = NonNullable<Awaited<ReturnType<typeof getProjectForAdmin>>>;
