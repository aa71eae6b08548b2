// Helpers for the admin tests: whole-table snapshots (so a refused call can be shown to change no
// row at all), contributions with chosen shares, and the AppError expectation.
import { expect } from "vitest";
import { prisma } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { rowCounts } from "./factories";

export async function expectAppError(p: Promise<unknown>, code: string, message?: string | RegExp) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (typeof message === "string") expect((e as AppError).message).toBe(message);
  else if (message) expect((e as AppError).message).toMatch(message);
  return e as AppError;
}

/** Every row an admin write may touch, in a stable order. */
export async function adminState() {
  const [counts, users, authors, maintainers, projects, merges, jobs] = await Promise.all([
    rowCounts(),
    prisma.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, sessionVersion: true, deactivatedAt: true, mergedIntoId: true, handle: true } }),
    authorRows(),
    prisma.projectMaintainer.findMany({ orderBy: [{ projectId: "asc" }, { userId: "asc" }], select: { projectId: true, userId: true } }),
    prisma.project.findMany({ orderBy: { id: "asc" }, select: { id: true, slug: true, name: true, kind: true, description: true, archivedAt: true } }),
    prisma.identityMerge.findMany({ orderBy: { id: "asc" }, select: { id: true, revertedAt: true } }),
    prisma.job.count(),
  ]);
  return { counts, users, authors, maintainers, projects, merges, jobs };
}

/** contribution_authors as [contributionId, userId, share] with the share as Postgres prints it. */
export async function authorRows(contributionIds?: number[]) {
  const rows = await prisma.contributionAuthor.findMany({
    where: contributionIds ? { contributionId: { in: contributionIds } } : {},
    orderBy: [{ contributionId: "asc" }, { userId: "asc" }],
    select: { contributionId: true, userId: true, share: true },
  });
  return rows.map((r) => [r.contributionId, r.userId, r.share.toString()] as [number, number, string]);
}

export async function makeSharedContribution(projectId: number, authors: [number, string][], title?: string) {
  return prisma.contribution.create({
    data: {
      projectId, title: title ?? `Shared ${authors.map((a) => a[0]).join("+")}`, kind: "data",
      occurredAt: new Date(Date.UTC(2026, 1, 1)), createdById: authors[0][0],
      authors: { create: authors.map(([userId, share]) => ({ userId, share })) },
    },
  });
}

export async function lastAudit() {
  return prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
}

export async function queuedReasons(): Promise<string[]> {
  const job = await prisma.job.findFirst({ where: { kind: "metrics.recompute", status: "queued" } });
  return (job?.payload as { reasons?: string[] } | undefined)?.reasons ?? [];
}
