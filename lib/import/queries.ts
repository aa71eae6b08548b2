// Reads for the imports pages: the history, one import with its report and the audit events of
// its batches. Abandoned imports are marked failed first, so a page never shows a dead one running.
import { prisma } from "@/lib/db";
import { ABANDONED_MESSAGE } from "./abandoned";
import { IMPORT_LOCK_NAMESPACE } from "./batch-row";

const BATCH_SELECT = {
  id: true, kind: true, format: true, filename: true, source: true, status: true, phase: true, progress: true,
  totalRows: true, insertedRows: true, skippedRows: true, errorRows: true, error: true,
  createdAt: true, finishedAt: true,
} as const;

/**
 * abandoned.ts's sweep through Prisma (a transaction-level try-lock per row), so that pages never
 * wait for the import pool, whose connections running imports hold.
 */
export async function sweepAbandonedImports(): Promise<void> {
  const running = await prisma.importBatch.findMany({ where: { status: { in: ["queued", "running"] } }, select: { id: true } });
  for (const { id } of running) {
    await prisma.$transaction(async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(${IMPORT_LOCK_NAMESPACE}::int, ${id}::int) AS ok`;
      if (!lock.ok) return;
      await tx.importBatch.updateMany({
        where: { id, status: { in: ["queued", "running"] } },
        data: { status: "failed", phase: "failed", error: ABANDONED_MESSAGE, finishedAt: new Date() },
      });
    });
  }
}

export async function listImportBatches(limit = 50) {
  await sweepAbandonedImports();
  const rows = await prisma.importBatch.findMany({ select: { ...BATCH_SELECT, createdById: true }, orderBy: { id: "desc" }, take: limit });
  return attachCreators(rows);
}

async function attachCreators<T extends { createdById: number | null }>(rows: T[]) {
  const ids = [...new Set(rows.map((r) => r.createdById).filter((id): id is number => id !== null))];
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, handle: true } });
  const handle = new Map(users.map((u) => [u.id, u.handle]));
  return rows.map((r) => ({ ...r, createdBy: r.createdById === null ? null : (handle.get(r.createdById) ?? null) }));
}

export type ImportBatchListItem = Awaited<ReturnType<typeof listImportBatches>>[number];

export async function getImportBatch(id: number) {
  await sweepAbandonedImports();
  const row = await prisma.importBatch.findUnique({ where: { id }, select: { ...BATCH_SELECT, createdById: true, errors: true } });
  if (!row) return null;
  const [withCreator] = await attachCreators([row]);
  const audit = await prisma.auditEvent.findMany({
    where: { entityType: "import_batch", entityId: String(id) },
    select: { id: true, createdAt: true, after: true },
    orderBy: { id: "asc" },
  });
  const errors = Array.isArray(row.errors) ? (row.errors as { line: number; reason: string }[]) : [];
  // Batches from before import_batches.source existed: the name is in their audit events.
  const source = row.source ?? audit.map((a) => (a.after as { source?: string } | null)?.source).find(Boolean) ?? null;
  return { ...withCreator, errors, source, batches: audit.map((a) => ({ id: Number(a.id), createdAt: a.createdAt, after: a.after as Record<string, unknown> })) };
}

export type ImportBatchDetail = NonNullable<Awaited<ReturnType<typeof getImportBatch>>>;
