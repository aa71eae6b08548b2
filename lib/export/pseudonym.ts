// Pseudonymized identities for exports: a contributor's id and handle are replaced by
// "p_" + the first 16 hex digits of HMAC-SHA256(key, "user:<id>"). The key is derived from the
// deployment's AUTH_SECRET with HKDF-SHA256 (salt and info below), so:
// - the same person gets the same pseudonym in every export of this deployment (datasets join);
// - without the secret a pseudonym cannot be recomputed from a guessed id or handle (a plain hash
//   of a small integer id would be reversed by trying them all);
// - rotating AUTH_SECRET changes every pseudonym (and signs everyone out).
// 64 bits keep collisions out of reach for any realistic community (birthday bound ~4·10⁹ people).
import { createHmac, hkdfSync } from "node:crypto";
import { AppError } from "@/lib/errors";

const SALT = "understory-export-pseudonyms";
const INFO = "v1";
/** bounded so a huge export cannot grow the cache without limit */
const CACHE_MAX = 200_000;

export const PSEUDONYM_METHOD =
  "HMAC-SHA256 over \"user:<id>\" with a key derived by HKDF-SHA256 from the deployment's AUTH_SECRET (salt \"understory-export-pseudonyms\", info \"v1\"); first 16 hex digits, prefixed \"p_\". Stable across this deployment's exports, not reversible without the secret.";

export function derivePseudonymKey(secret: string | undefined): Buffer {
  if (!secret || secret.length < 32) {
    throw new AppError("unavailable", "Pseudonymized exports need AUTH_SECRET (at least 32 characters) to be set on the server.");
  }
  return Buffer.from(hkdfSync("sha256", secret, SALT, INFO, 32));
}

export function createPseudonymizer(key: Buffer): (userId: number) => string {
  const cache = new Map<number, string>();
  return (userId) => {
    let p = cache.get(userId);
    if (p === undefined) {
      p = `p_${createHmac("sha256", key).update(`user:${userId}`).digest("hex").slice(0, 16)}`;
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(userId, p);
    }
    return p;
  };
}
