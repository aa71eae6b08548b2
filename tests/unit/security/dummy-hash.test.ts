// Sign-in verifies an unknown email's password against a dummy hash (lib/auth/config.ts): that
// only hides the account if the dummy costs what a real hash costs.
import { describe, expect, test } from "vitest";
import { dummyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";

const paramsOf = (h: string) => h.split("$").slice(1, 4).join("$");

async function medianMs(run: () => Promise<unknown>, n = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
}

describe("dummyPasswordHash", () => {
  test("has a real account's argon2id parameters and matches no password", async () => {
    const dummy = await dummyPasswordHash();
    expect(paramsOf(dummy)).toBe("argon2id$v=19$m=19456,t=2,p=1");
    expect(paramsOf(dummy)).toBe(paramsOf(await hashPassword("some password")));
    expect(await verifyPassword(dummy, "")).toBe(false);
    expect(await verifyPassword(dummy, "no-such-account-0.5")).toBe(false);
    expect(await dummyPasswordHash()).toBe(dummy);
  });

  test("a verify against it takes about as long as against a real hash", async () => {
    const real = await hashPassword("the real password");
    const dummy = await dummyPasswordHash();
    const ratio = (await medianMs(() => verifyPassword(dummy, "a guess"))) / (await medianMs(() => verifyPassword(real, "a guess")));
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });
});
