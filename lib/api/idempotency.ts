// Idempotency-Key on creates. The first request with a key claims it (a row with status 0), runs,
// and stores its response; a retry with the same key and the same body gets that response again
// instead of a second record. The same key with another body is refused (422), and so is a retry
// while the first is still running (409). Failed requests release the key; keys expire after a day.
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "./errors";

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
export const IDEMPOTENCY_TTL_HOURS = 24;

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed?: boolean;
}

export function requestFingerprint(method: string, path: string, canonicalBody: string): string {
  return createHash("sha256").update(`${method} ${path}\n${canonicalBody}`).digest("hex");
}

export async function withIdempotency(tokenId: number, key: string | null, fingerprint: string, run: () => Promise<StoredResponse>): Promise<StoredResponse> {
  if (key === null) return run();
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError("invalid_idempotency_key", "Idempotency-Key must be 1–255 visible ASCII characters (a UUID is a good choice).");
  }
  await prisma.$executeRaw`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;
  const claimed = await prisma.$executeRaw`
    INSERT INTO idempotency_keys (token_id, key, request_hash, status, response)
    VALUES (${tokenId}, ${key}, ${fingerprint}, 0, 'null'::jsonb)
    ON CONFLICT (token_id, key) DO NOTHING`;
  if (claimed === 0) return replay(tokenId, key, fingerprint);
  try {
    const result = await run();
    await prisma.idempotencyKey.update({
      where: { tokenId_key: { tokenId, key } },
      data: { status: result.status, response: result.body as Prisma.InputJsonValue },
    });
    return result;
  } catch (e) {
    await prisma.idempotencyKey.deleteMany({ where: { tokenId, key, status: 0 } });
    throw e;
  }
}

async function replay(tokenId: number, key: string, fingerprint: string): Promise<StoredResponse> {
  const row = await prisma.idempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } }, select: { requestHash: true, status: true, response: true } });
  if (row && row.requestHash !== fingerprint) {
    throw new ApiError("idempotency_key_reused", "This Idempotency-Key was already used with a different request: use a new key for a new request.");
  }
  if (!row || row.status === 0) throw new ApiError("idempotency_in_progress", "A request with this Idempotency-Key is still being processed: retry in a moment.");
  return { status: row.status, body: row.response, replayed: true };
}
