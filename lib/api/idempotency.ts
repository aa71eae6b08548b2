// Idempotency-Key on creates. The first request with a key claims it (a row with status 0 that
// names the request), runs, and stores its response; a retry with the same key and the same body
// gets that response again instead of a second record. The same key with another body is refused
// (422), and so is a retry while the first is still running (409). Failed requests release the
// key; keys expire after a day (a request with an expired key claims it anew; other expired rows are
// purged at most once a minute per process).
// Faults (the database restarting mid-request, a process dying): the write's own transaction marks
// the key written (idempotency-claim.ts), so a key left at status 0 by a dead request provably
// wrote nothing: it is released once the database is back, or taken over by a retry after
// IDEMPOTENCY_TAKEOVER_SECONDS if its process died. A key written but not answered gets its answer
// once the database is back: the answer itself if it was computed, else the created record read
// back (idempotency-readback.ts).
import { createHash, randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { ApiError } from "./errors";
import { runWithIdempotencyClaim, WRITTEN_NOT_ANSWERED, type IdempotencyClaim } from "./idempotency-claim";
import type { ReadBack } from "./idempotency-readback";

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
export const IDEMPOTENCY_TTL_HOURS = 24;
/** A claim this old that wrote nothing belongs to a request that died: a retry may take it over. */
export const IDEMPOTENCY_TAKEOVER_SECONDS = 20;

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed?: boolean;
}

export function requestFingerprint(method: string, path: string, canonicalBody: string): string {
  return createHash("sha256").update(`${method} ${path}\n${canonicalBody}`).digest("hex");
}

export async function withIdempotency(tokenId: number, key: string | null, fingerprint: string, run: () => Promise<StoredResponse>, requestId: string = randomUUID(), readBack?: ReadBack): Promise<StoredResponse> {
  if (key === null) return run();
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError("invalid_idempotency_key", "Idempotency-Key must be 1–255 visible ASCII characters (a UUID is a good choice).");
  }
  await purgeExpiredKeys();
  // One round trip: a new key is inserted, and this key's own row, when expired, is claimed anew
  // (as if the purge had deleted it), so expiry is exact per key whenever the purge last ran.
  const claimed = await prisma.$executeRaw`
    INSERT INTO idempotency_keys (token_id, key, request_hash, status, response)
    VALUES (${tokenId}, ${key}, ${fingerprint}, 0, jsonb_build_object('requestId', ${requestId}::text))
    ON CONFLICT (token_id, key) DO UPDATE
      SET request_hash = EXCLUDED.request_hash, status = 0, response = EXCLUDED.response, created_at = now()
      WHERE idempotency_keys.created_at < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;
  if (claimed === 0) {
    const stored = await replayOrTakeOver(tokenId, key, fingerprint, requestId, readBack);
    if (stored) return stored;
  }
  const claim: IdempotencyClaim = { tokenId, key, requestId };
  let result: StoredResponse;
  try {
    result = await runWithIdempotencyClaim(claim, run);
  } catch (e) {
    // Released only while it is still unwritten (status 0): a write that committed before the
    // error keeps its key (its transaction set status 1). A release that fails because the
    // database is down is retried in the background, so the client's retry can run once it is back.
    const release = () => prisma.$executeRaw`DELETE FROM idempotency_keys WHERE token_id = ${tokenId} AND key = ${key} AND status = 0 AND response->>'requestId' = ${requestId}`;
    await release().catch((releaseError: unknown) => {
      if (isDatabaseUnavailable(releaseError)) void retryInBackground(release);
    });
    // Written but not answered (the read-back after the commit failed): answer it once the database is back.
    if (readBack && isDatabaseUnavailable(e)) void retryInBackground(() => answerFromReadBack(claim, readBack));
    throw e;
  }
  try {
    await storeResponse(claim, result);
  } catch (e) {
    // The write committed but its answer could not be kept (the database went away in between):
    // keep trying in the background so that the client's retry replays it once the database is back.
    if (isDatabaseUnavailable(e)) void retryInBackground(() => storeResponse(claim, result));
    throw e;
  }
  return result;
}

/** How often a process deletes other expired keys: they only take room, the claim above ignores them. */
export const IDEMPOTENCY_PURGE_EVERY_MS = 60_000;
let lastPurgeAt = 0;

async function purgeExpiredKeys(now = Date.now()): Promise<void> {
  if (now - lastPurgeAt < IDEMPOTENCY_PURGE_EVERY_MS) return;
  lastPurgeAt = now;
  await prisma.$executeRaw`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;
}

function storeResponse(claim: IdempotencyClaim, result: StoredResponse) {
  return prisma.$executeRaw`
    UPDATE idempotency_keys SET status = ${result.status}, response = ${JSON.stringify(result.body)}::jsonb
    WHERE token_id = ${claim.tokenId} AND key = ${claim.key} AND response->>'requestId' = ${claim.requestId}`;
}

const RETRY_EVERY_MS = 1_000;
const RETRY_FOR_MS = 10 * 60_000;

/** Bookkeeping on the key that must not be dropped: retried while the database is unavailable. */
async function retryInBackground(op: () => Promise<unknown>): Promise<void> {
  for (const deadline = Date.now() + RETRY_FOR_MS; Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, RETRY_EVERY_MS));
    try {
      await op();
      return;
    } catch (e) {
      if (!isDatabaseUnavailable(e)) return;
    }
  }
}

/** For a key written but not answered: the created record read back, stored as the answer. */
async function answerFromReadBack(claim: IdempotencyClaim, readBack: ReadBack): Promise<StoredResponse | null> {
  const row = await prisma.idempotencyKey.findUnique({ where: { tokenId_key: { tokenId: claim.tokenId, key: claim.key } }, select: { status: true, response: true } });
  const written = row?.response as { requestId?: string; entityType?: string; entityId?: string } | undefined;
  if (row?.status !== WRITTEN_NOT_ANSWERED || written?.requestId !== claim.requestId || written.entityType !== readBack.entityType) return null;
  const body = await readBack.read(Number(written.entityId));
  if (body === null) return null;
  const result = { status: readBack.status, body };
  await storeResponse(claim, result);
  return result;
}

/** The stored answer to replay, or null when this request took over an abandoned, unwritten claim. */
async function replayOrTakeOver(tokenId: number, key: string, fingerprint: string, requestId: string, readBack?: ReadBack): Promise<StoredResponse | null> {
  const row = await prisma.idempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } }, select: { requestHash: true, status: true, response: true, createdAt: true } });
  if (row && row.requestHash !== fingerprint) {
    throw new ApiError("idempotency_key_reused", "This Idempotency-Key was already used with a different request: use a new key for a new request.");
  }
  if (row && row.status >= 100) return { status: row.status, body: row.response as Prisma.JsonValue, replayed: true };
  if (row && row.status === 0 && Date.now() - row.createdAt.getTime() > IDEMPOTENCY_TAKEOVER_SECONDS * 1000) {
    const previous = (row.response as { requestId?: string } | null)?.requestId ?? "";
    const taken = await prisma.$executeRaw`
      UPDATE idempotency_keys SET response = jsonb_build_object('requestId', ${requestId}::text), created_at = now()
      WHERE token_id = ${tokenId} AND key = ${key} AND status = 0 AND coalesce(response->>'requestId', '') = ${previous}`;
    if (taken === 1) return null;
  }
  if (row && row.status === WRITTEN_NOT_ANSWERED && readBack && Date.now() - row.createdAt.getTime() > IDEMPOTENCY_TAKEOVER_SECONDS * 1000) {
    const previous = (row.response as { requestId?: string } | null)?.requestId ?? "";
    const answered = await answerFromReadBack({ tokenId, key, requestId: previous }, readBack);
    if (answered) return { ...answered, replayed: true };
  }
  throw new ApiError("idempotency_in_progress", "A request with this Idempotency-Key is still being processed: retry in a moment.");
}
