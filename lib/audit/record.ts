// Every write records who did what, with the record before and after, in the write's own
// transaction: if the write rolls back, so does its audit event, and vice versa.
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { confirmIdempotencyClaim, currentIdempotencyClaim } from "@/lib/api/idempotency-claim";

export interface AuditInput {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy: Dates to ISO strings, Decimals and bigints to strings/numbers. */
export function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? Number(v) : v)),
  ) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  // An API create with an Idempotency-Key: its key is marked written in this same transaction.
  const claim = currentIdempotencyClaim();
  if (claim) await confirmIdempotencyClaim(tx, claim, { type: event.entityType, id: String(event.entityId) });
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: String(event.entityId),
      before: snapshot(event.before),
      after: snapshot(event.after),
      requestId: claim?.requestId ?? null,
    },
  });
}
