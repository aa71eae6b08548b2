// Serialized answers of the metric reads, kept in process. Their results change only when a
// recompute run lands, so a key that starts with the run id is never stale: a new run makes new
// keys and the old ones age out of the LRU. The caller checks the session, role and scope before it
// asks (a cached answer is never served to someone who may not see it), and puts the scope in the
// key. Bounded by bytes, not entries: one ecosystem cohort table is ~1 MB, a project's a few KB.
import { createHash } from "node:crypto";
import { ByteLru } from "@/lib/cache/byte-lru";

/** An answer already serialized: route.ts sends `text` as it is, with `etag`, or a 304. */
export class CachedJson {
  constructor(readonly text: string, readonly etag: string) {}
}

/** Serialized answers by key (tests build small ones to check the eviction order). */
export class JsonLru extends ByteLru<CachedJson> {
  constructor(maxBytes: number) {
    // UTF-16 in memory: two bytes a character.
    super(maxBytes, (key, v) => 2 * (key.length + v.text.length + v.etag.length));
  }
}

const MAX_BYTES = 64 * 1024 * 1024;
const cache = new JsonLru(MAX_BYTES);

/**
 * The serialized answer for `key` (which must start with the run id and carry the scope and the
 * normalized query), computed once per key.
 */
export function cachedJson(key: string, compute: () => Promise<unknown>): Promise<CachedJson> {
  return cache.getOrCompute(key, async () => {
    const text = JSON.stringify(await compute());
    return new CachedJson(text, `"${createHash("sha1").update(text).digest("base64url")}"`);
  });
}

/** A key for a run's answer: the operation, the run, the scope and the query in a fixed order. */
export function runKey(operation: string, runId: string, scope: string, query: Record<string, unknown>): string {
  const normalized = Object.keys(query).sort().filter((k) => query[k] !== undefined).map((k) => `${k}=${String(query[k])}`).join("&");
  return `${runId}|${operation}|${scope}|${normalized}`;
}

/** Whether an If-None-Match header names this ETag (a list, or `*`; weak validators compare equal). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").map((t) => t.trim().replace(/^W\//, "")).some((t) => t === "*" || t === etag);
}

/** For tests: empties the cache. */
export function clearResponseCache(): void {
  cache.clear();
}
