// The bookkeeping a create shares with every write, in one round trip instead of three: the
// Idempotency-Key claim confirmed (idempotency-claim.ts), the audit events inserted, and whether the
// queued recompute already covers this write (lib/jobs/queue.ts), all in one statement inside the
// write's transaction. Only when it is not covered does a second statement queue the recompute.
// Same rows and the same guarantees as recordAudit + enqueueRecompute: if the key is owned by
// another request now, the write is refused and its transaction (audit included) rolls back.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";
import { currentIdempotencyClaim, WRITTEN_NOT_ANSWERED } from "@/lib/api/idempotency-claim";
import { recomputeCoveredSql, upsertRecomputeJob } from "@/lib/jobs/queue";
import { snapshot, type AuditInput } from "./record";

/** JSON-safe copy exactly as recordAudit stores it; SQL NULL when there is none. */
const jsonSafe = (value: unknown): unknown => snapshot(value) ?? null;

/**
 * Audits `events` (in order; the claim names the first one, the record the create made) and asks
 * for a recompute with `reason`.
 */
export async function recordWriteEffects(tx: Tx, events: AuditInput[], reason: string): Promise<void> {
  if (events.length === 0) throw new Error("recordWriteEffects needs at least one audit event");
  const claim = currentIdempotencyClaim();
  const first = events[0];
  const rows = JSON.stringify(events.map((e) => ({
    actor_id: e.actorId, action: e.action, entity_type: e.entityType, entity_id: String(e.entityId), before: jsonSafe(e.before), after: jsonSafe(e.after),
  })));
  const claimCte = claim
    ? Prisma.sql`claim AS (
        UPDATE idempotency_keys SET status = ${WRITTEN_NOT_ANSWERED},
          response = CASE WHEN response ? 'entityId' THEN response ELSE response || jsonb_build_object('entityType', ${first.entityType}::text, 'entityId', ${String(first.entityId)}::text) END
        WHERE token_id = ${claim.tokenId} AND key = ${claim.key} AND status IN (0, ${WRITTEN_NOT_ANSWERED}) AND response->>'requestId' = ${claim.requestId}
        RETURNING 1),`
    : Prisma.empty;
  const covered = recomputeCoveredSql(reason) ?? Prisma.sql`false`;
  const [result] = await tx.$queryRaw<{ claimed: boolean; covered: boolean }[]>`
    WITH ${claimCte}
    events AS (
      INSERT INTO audit_events (actor_id, action, entity_type, entity_id, before, after, request_id)
      SELECT e.actor_id, e.action, e.entity_type, e.entity_id, e.before, e.after, ${claim?.requestId ?? null}::text
        FROM jsonb_to_recordset(${rows}::jsonb) AS e(actor_id int, action text, entity_type text, entity_id text, before jsonb, after jsonb)
      RETURNING 1)
    SELECT ${claim ? Prisma.sql`EXISTS (SELECT 1 FROM claim)` : Prisma.sql`true`} AS claimed,
           (SELECT count(*) FROM events) > 0 AND ${covered} AS covered`;
  if (!result.claimed) throw new ApiError("idempotency_in_progress", "A request with this Idempotency-Key is still being processed: retry in a moment.");
  if (!result.covered) await upsertRecomputeJob(tx, reason);
}
