// The status a disputed link had before its dispute, read from the audit trail: disputeLink
// (lib/links/mutations.ts) records `link.dispute` with the link as it was, right after the
// dispute's own `dispute.create` event, in one transaction.
import type { Tx } from "@/lib/db";

export type RestorableLinkStatus = "confirmed" | "unconfirmed";

/**
 * The `before.status` of the first `link.dispute` event on the link written after the dispute was
 * raised (or the newest one when the dispute has no creation event, e.g. imported history). A link
 * with no such record goes back to unconfirmed: nobody's confirmation is on record, so it gets the
 * neutral half weight, never more credit than it had.
 */
export async function statusBeforeDispute(tx: Pick<Tx, "auditEvent">, disputeId: number, linkId: number): Promise<RestorableLinkStatus> {
  const created = await tx.auditEvent.findFirst({
    where: { action: "dispute.create", entityType: "dispute", entityId: String(disputeId) },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const event = await tx.auditEvent.findFirst({
    where: { action: "link.dispute", entityType: "link", entityId: String(linkId), ...(created ? { id: { gt: created.id } } : {}) },
    orderBy: { id: created ? "asc" : "desc" },
    select: { before: true },
  });
  const status = (event?.before as { status?: unknown } | null)?.status;
  return status === "confirmed" ? "confirmed" : "unconfirmed";
}
