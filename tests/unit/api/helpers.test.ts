// The API's pure pieces: cursors, the token bucket, canonical JSON for idempotency fingerprints,
// the token format and the scopes a role may grant.
import { describe, test, expect } from "vitest";
import { decodeCursorOrThrow, encodeCursor, toPage } from "../../../lib/api/cursor";
import { TokenBuckets } from "../../../lib/api/rate-limit";
import { canonicalJson } from "../../../lib/api/body";
import { ApiError } from "../../../lib/api/errors";
import { generateToken, hashToken, isWellFormedToken } from "../../../lib/tokens/format";
import { scopesAllowedFor } from "../../../lib/tokens/scopes";

describe("cursors", () => {
  test("round-trip an id, read an absent cursor as the start, and refuse anything else", () => {
    expect(decodeCursorOrThrow(encodeCursor(42))).toBe(42);
    expect(decodeCursorOrThrow(undefined)).toBe(0);
    for (const bad of ["x", encodeCursor(-1), Buffer.from('{"v":2,"after":3}').toString("base64url"), Buffer.from('{"v":1,"after":1.5}').toString("base64url")]) {
      expect(() => decodeCursorOrThrow(bad)).toThrow(ApiError);
    }
  });

  test("a page of limit rows carries the cursor after its last row; a short page none", () => {
    const rows = [{ id: 3 }, { id: 5 }, { id: 9 }];
    const full = toPage(rows, 2, (r) => r.id);
    expect([full.data, decodeCursorOrThrow(full.nextCursor!)]).toEqual([[3, 5], 5]);
    expect(toPage(rows, 3, (r) => r.id)).toEqual({ data: [3, 5, 9], nextCursor: null });
  });
});

describe("TokenBuckets", () => {
  test("allows a burst, then refuses with the seconds until one request refills, per key", () => {
    let now = 0;
    const buckets = new TokenBuckets(2, 30, () => now); // one request back every 2 s
    expect([buckets.take(1), buckets.take(1)]).toEqual([{ ok: true, remaining: 1, limit: 2 }, { ok: true, remaining: 0, limit: 2 }]);
    expect(buckets.take(1)).toEqual({ ok: false, retryAfterSeconds: 2, limit: 2 });
    expect(buckets.take(2)).toEqual({ ok: true, remaining: 1, limit: 2 });
    now = 1_000;
    expect(buckets.take(1)).toEqual({ ok: false, retryAfterSeconds: 1, limit: 2 });
    now = 2_000;
    expect(buckets.take(1)).toEqual({ ok: true, remaining: 0, limit: 2 });
    now = 60_000;
    expect(buckets.take(1)).toEqual({ ok: true, remaining: 1, limit: 2 });
  });
});

describe("canonicalJson", () => {
  test("sorts keys at every depth so that equal bodies fingerprint alike", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});

describe("tokens", () => {
  test("are us_<8 hex>_<64 hex>, hashed with sha256", () => {
    const t = generateToken();
    expect([isWellFormedToken(t.token), t.token.startsWith(`${t.prefix}_`), t.hash, t.hash.length]).toEqual([true, true, hashToken(t.token), 64]);
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(["us_1234567_" + "a".repeat(64), "us_12345678_" + "A".repeat(64), `${t.token} `].map(isWellFormedToken)).toEqual([false, false, false]);
  });

  test("contributors grant read and write; metrics:read needs a maintainer", () => {
    expect(scopesAllowedFor("contributor")).toEqual(["read", "write"]);
    expect(scopesAllowedFor("maintainer")).toEqual(["read", "write", "metrics:read"]);
    expect(scopesAllowedFor("admin")).toEqual(["read", "write", "metrics:read"]);
  });
});
