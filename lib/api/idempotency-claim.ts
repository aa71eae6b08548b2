// The link between an idempotent request and the write it makes. While a create runs, its claim
// (token, key, and the request id written into the claim row) is in async context; recordAudit,
// which every write calls inside its own transaction, confirms the claim there: status 0 → 1
// ("written, answer not stored yet"), and only if this request still owns the key. So whether the
// write committed is always known from the key row, also when the database went away before the
// answer could be stored, and a retry that took over an abandoned key makes the old attempt roll back.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Tx } from "@/lib/db";
import { ApiError } from "./errors";

export interface IdempotencyClaim {
  tokenId: number;
  key: string;
  requestId: string;
}

/** The key row's status while its write is committed but its answer not yet stored. */
export const WRITTEN_NOT_ANSWERED = 1;

const storage = new AsyncLocalStorage<IdempotencyClaim>();

export function runWithIdempotencyClaim<T>(claim: IdempotencyClaim, run: () => Promise<T>): Promise<T> {
  return storage.run(claim, run);
}

export function currentIdempotencyClaim(): IdempotencyClaim | null {
  return storage.getStore() ?? null;
}

/**
 * Inside the write's transaction: marks the key written, naming the first record the write audits
 * (the created one, for a create), or refuses if another request owns the key now.
 */
export async function confirmIdempotencyClaim(tx: Tx, claim: IdempotencyClaim, entity: { type: string; id: string }): Promise<void> {
  const owned = await tx.$executeRaw`
    UPDATE idempotency_keys SET status = ${WRITTEN_NOT_ANSWERED},
      response = CASE WHEN response ? 'entityId' THEN response ELSE response || jsonb_build_object('entityType', ${entity.type}::text, 'entityId', ${entity.id}::text) END
    WHERE token_id = ${claim.tokenId} AND key = ${claim.key} AND status IN (0, ${WRITTEN_NOT_ANSWERED}) AND response->>'requestId' = ${claim.requestId}`;
  if (owned === 0) throw new ApiError("idempotency_in_progress", "A request with this Idempotency-Key is still being processed: retry in a moment.");
}
