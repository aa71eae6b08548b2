// Rows for tests, written straight through Prisma (bypassing the write path on purpose: the
// write path is what the tests exercise). Every factory takes overrides.
import { prisma } from "../../lib/db";
import { loadActor, type Actor } from "../../lib/auth/actor";
import type { Role } from "../../lib/generated/prisma/enums";

let seq = 0;
const next = () => ++seq;

export async function makeUser(opts: { role?: Role; handle?: string; passwordHash?: string | null } = {}) {
  const n = next();
  const handle = opts.handle ?? `user${n}`;
  return prisma.user.create({
    data: { email: `${handle}@example.test`, handle, name: `User ${n}`, role: opts.role ?? "contributor", passwordHash: opts.passwordHash ?? null },
  });
}

export async function actorOf(user: { id: number; sessionVersion?: number }): Promise<Actor> {
  const actor = await loadActor(user.id, user.sessionVersion ?? 0);
  if (!actor) throw new Error("user is not active");
  return actor;
}

export async function makeProject(opts: { slug?: string; maintainerIds?: number[]; archived?: boolean } = {}) {
  const n = next();
  return prisma.project.create({
    data: {
      slug: opts.slug ?? `project-${n}`,
      name: `Project ${n}`,
      kind: "datanet",
      archivedAt: opts.archived ? new Date() : null,
      maintainers: { create: (opts.maintainerIds ?? []).map((userId) => ({ userId })) },
    },
  });
}

export async function makeContribution(opts: {
  projectId: number;
  authorIds: number[];
  occurredAt?: Date;
  title?: string;
  deleted?: boolean;
}) {
  const n = next();
  const share = (1 / opts.authorIds.length).toFixed(4);
  return prisma.contribution.create({
    data: {
      projectId: opts.projectId,
      title: opts.title ?? `Contribution ${n}`,
      kind: "data",
      occurredAt: opts.occurredAt ?? new Date(Date.UTC(2026, 0, 1) + n * 3_600_000),
      createdById: opts.authorIds[0],
      deletedAt: opts.deleted ? new Date() : null,
      authors: { create: opts.authorIds.map((userId) => ({ userId, share })) },
    },
  });
}

export async function auditCount() {
  return prisma.auditEvent.count();
}

export async function rowCounts() {
  const [contributions, authors, links, disputes, audit] = await Promise.all([
    prisma.contribution.count(), prisma.contributionAuthor.count(), prisma.link.count(), prisma.dispute.count(), prisma.auditEvent.count(),
  ]);
  return { contributions, authors, links, disputes, audit };
}
