import { describe, expect, test } from "vitest";
import { CachedJson, JsonLru, matchesEtag, runKey } from "@/lib/api/response-cache";

describe("JsonLru", () => {
  // size of an entry: 2 bytes a character of key + text + etag; "a" + "x"*9 + "" = 10 chars = 20 bytes
  const entry = () => new CachedJson("x".repeat(9), "");

  test("evicts the least recently used entries once over its byte budget", () => {
    const lru = new JsonLru(60);
    lru.set("a", entry());
    lru.set("b", entry());
    lru.set("c", entry());
    expect([lru.size, lru.totalBytes]).toEqual([3, 60]);
    expect(lru.get("a")).toBeDefined(); // a is now the newest
    lru.set("d", entry()); // 80 bytes: b goes
    expect([lru.get("b"), lru.size, lru.totalBytes]).toEqual([undefined, 3, 60]);
    expect(["a", "c", "d"].map((k) => lru.get(k) !== undefined)).toEqual([true, true, true]);
  });

  test("never keeps an answer larger than the whole budget, and replaces a key in place", () => {
    const lru = new JsonLru(30);
    lru.set("big", new CachedJson("y".repeat(20), ""));
    expect(lru.size).toBe(0);
    lru.set("a", entry());
    lru.set("a", new CachedJson("z", ""));
    expect([lru.size, lru.totalBytes, lru.get("a")?.text]).toEqual([1, 4, "z"]);
  });
});

describe("matchesEtag and runKey", () => {
  test("If-None-Match: a list, weak validators and * match; others do not", () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag("*", '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(null, '"abc"')).toBe(false);
  });

  test("the query in a fixed order, undefined filters left out", () => {
    expect(runKey("cohorts", "7@1", "all:all", { unit: "week", from: undefined, segment: "all" })).toBe("7@1|cohorts|all:all|segment=all&unit=week");
    expect(runKey("cohorts", "7@1", "all:all", { segment: "all", unit: "week" })).toBe("7@1|cohorts|all:all|segment=all&unit=week");
  });
});
