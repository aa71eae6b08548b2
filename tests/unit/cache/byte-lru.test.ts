// ByteLru.getOrCompute: concurrent callers share one computation, a failed one is not kept, and
// values over the per-entry limit are returned but not stored.
import { expect, test } from "vitest";
import { ByteLru } from "@/lib/cache/byte-lru";

const sized = (max: number, entryMax?: number) => new ByteLru<string | undefined>(max, (k, v) => k.length + (v?.length ?? 0), entryMax);

test("callers arriving together share one computation; later ones hit the stored value", async () => {
  const lru = sized(100);
  let calls = 0;
  const compute = async () => {
    calls++;
    await new Promise((r) => setTimeout(r, 5));
    return "value";
  };
  const answers = await Promise.all([1, 2, 3].map(() => lru.getOrCompute("k", compute)));
  expect([answers, calls, lru.totalBytes]).toEqual([["value", "value", "value"], 1, 6]);
  expect([await lru.getOrCompute("k", compute), calls]).toEqual(["value", 1]);
});

test("a failed computation is not stored; a stored undefined is a hit; oversized values are not kept", async () => {
  const lru = sized(100, 10);
  await expect(lru.getOrCompute("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
  expect(lru.size).toBe(0);
  let calls = 0;
  await lru.getOrCompute("u", async () => (calls++, undefined));
  await lru.getOrCompute("u", async () => (calls++, undefined));
  expect(calls).toBe(1);
  expect(await lru.getOrCompute("big", async () => "x".repeat(20))).toBe("x".repeat(20));
  expect([lru.size, lru.get("big")]).toEqual([1, undefined]);
});
