// One person as an admin sees them: role, state, what they maintain and author, their merges, and
// other identities that may be the same person.
import { prisma } from "@/lib/db";

export async function getPersonForAdmin(id: number) {
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true, handle: true, name: true, email: true, role: true, isImported: true, passwordHash: true,
      createdAt: true, deactivatedAt: true, mergedIntoId: true,
      maintains: { select: { project: { select: { id: true, slug: true, name: true, archivedAt: true } } }, orderBy: { project: { name: "asc" } } },
    },
  });
  if (!user) return null;
  const [contributions, withdrawn, merges, duplicates] = await Promise.all([
    prisma.contributionAuthor.count({ where: { userId: id, contribution: { deletedAt: null } } }),
    prisma.contributionAuthor.count({ where: { userId: id, contribution: { deletedAt: { not: null } } } }),
    prisma.identityMerge.findMany({
      where: { OR: [{ sourceId: id }, { targetId: id }] },
      orderBy: { id: "desc" },
      take: 50,
      select: { id: true, sourceId: true, targetId: true, moved: true, createdAt: true, createdById: true, revertedAt: true, revertedById: true },
    }),
    // Same name, other identity: the usual sign of one person imported twice or signed up again.
    prisma.user.findMany({
      where: { id: { not: id }, mergedIntoId: null, name: { equals: user.name, mode: "insensitive" } },
      orderBy: { id: "asc" },
      take: 10,
      select: { id: true, handle: true, name: true, isImported: true, passwordHash: true, deactivatedAt: true, _count: { select: { authorships: true } } },
    }),
  ]);
  const ids = new Set<number>();
  for (const m of merges) [m.sourceId, m.targetId, m.createdById, m.revertedById].forEach((x) => x && ids.add(x));
  if (user.mergedIntoId) ids.add(user.mergedIntoId);
  const handles = new Map((await prisma.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, handle: true } })).map((u) => [u.id, u.handle]));
  const handle = (x: number | null) => (x ? (handles.get(x) ?? `#${x}`) : null);
  const { passwordHash, ...rest } = user;
  return {
    ...rest,
    hasPassword: passwordHash !== null,
    maintains: user.maintains.map((m) => m.project),
    contributions,
    withdrawn,
    mergedIntoHandle: handle(user.mergedIntoId),
    merges: merges.map((m) => {
      const moved = m.moved as { targetShareBefore: string | null }[];
      return {
        id: m.id, createdAt: m.createdAt, revertedAt: m.revertedAt,
        sourceId: m.sourceId, targetId: m.targetId,
        source: handle(m.sourceId)!, target: handle(m.targetId)!,
        by: handle(m.createdById), revertedBy: handle(m.revertedById),
        moved: moved.length, coAuthored: moved.filter((x) => x.targetShareBefore !== null).length,
      };
    }),
    duplicates: duplicates.map(({ passwordHash: ph, _count, ...d }) => ({ ...d, hasPassword: ph !== null, contributions: _count.authorships })),
  };
}

export type PersonForAdmin = NonNullable<Awaited<ReturnType<typeof getPersonForAdmin>>>;
