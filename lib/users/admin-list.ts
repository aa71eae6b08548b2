// The admin's people list: search by handle, name or email, filter by role and state, paged.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PeopleQuery, PersonState } from "@/lib/validation/people";

export const PEOPLE_PAGE_SIZE = 25;

const STATE_WHERE: Record<PersonState, Prisma.UserWhereInput> = {
  active: { deactivatedAt: null },
  // deactivated by an admin; merged identities have their own filter
  deactivated: { deactivatedAt: { not: null }, mergedIntoId: null },
  merged: { mergedIntoId: { not: null } },
  imported: { isImported: true },
};

export function peopleWhere(query: Pick<PeopleQuery, "q" | "role" | "state">): Prisma.UserWhereInput {
  const q = query.q.replace(/^@/, "");
  return {
    ...(q ? { OR: [
      { handle: { contains: q, mode: "insensitive" as const } },
      { name: { contains: q, mode: "insensitive" as const } },
      { email: { contains: q, mode: "insensitive" as const } },
    ] } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.state ? STATE_WHERE[query.state] : {}),
  };
}

export async function listPeople(query: PeopleQuery) {
  const where = peopleWhere(query);
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: [{ handle: "asc" }],
      skip: (query.page - 1) * PEOPLE_PAGE_SIZE,
      take: PEOPLE_PAGE_SIZE,
      select: {
        id: true, handle: true, name: true, email: true, role: true, isImported: true, passwordHash: true,
        deactivatedAt: true, mergedIntoId: true, createdAt: true,
        // withdrawn work is left out, as everywhere the metrics are concerned
        _count: { select: { authorships: { where: { contribution: { deletedAt: null } } }, maintains: true } },
      },
    }),
  ]);
  const mergedIds = [...new Set(rows.flatMap((r) => (r.mergedIntoId ? [r.mergedIntoId] : [])))];
  const merged = mergedIds.length
    ? new Map((await prisma.user.findMany({ where: { id: { in: mergedIds } }, select: { id: true, handle: true } })).map((u) => [u.id, u.handle]))
    : new Map<number, string>();
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)),
    rows: rows.map(({ passwordHash, _count, ...r }) => ({
      ...r,
      hasPassword: passwordHash !== null,
      contributions: _count.authorships,
      maintains: _count.maintains,
      mergedIntoHandle: r.mergedIntoId ? (merged.get(r.mergedIntoId) ?? null) : null,
    })),
  };
}

export type PeopleListRow = Awaited<ReturnType<typeof listPeople>>["rows"][number];
