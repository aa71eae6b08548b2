// The shape of an API token: `us_<prefix>_<secret>`. The prefix (8 hex digits) is stored and shown
// so people can tell their tokens apart; the secret (256 random bits) exists only in the token
// the owner copied once. The database keeps the sha256 of the whole token, never the token.
import { createHash, randomBytes } from "node:crypto";

const TOKEN_PATTERN = /^us_([0-9a-f]{8})_([0-9a-f]{64})$/;

export interface NewToken {
  /** the full token, shown to its owner once */
  token: string;
  /** `us_<prefix>`, stored and displayed */
  prefix: string;
  /** sha256 hex of the full token, stored */
  hash: string;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function generateToken(): NewToken {
  const prefix = `us_${randomBytes(4).toString("hex")}`;
  const token = `${prefix}_${randomBytes(32).toString("hex")}`;
  return { token, prefix, hash: hashToken(token) };
}

/** Whether a string could be one of our tokens (checked before any database lookup). */
export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
