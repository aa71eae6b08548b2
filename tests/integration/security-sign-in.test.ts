// The credentials check behind sign-in (lib/auth/credentials.ts) on a real database: every
// refusal looks the same, and an unknown email costs what a wrong password costs (the dummy-hash
// verify), so neither the answer nor its timing tells whether an account exists.
import { describe, expect, test } from "vitest";
import { prisma } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";
import { checkCredentials } from "../../lib/auth/credentials";
import { makeUser } from "./factories";

const from = (address: string) => new Headers({ "x-forwarded-for": address });
const REFUSED = { ok: false, reason: "credentials" };

describe("checkCredentials", () => {
  test("refuses an unknown email, a wrong password, a deactivated account and a passwordless identity alike", async () => {
    const hash = await hashPassword("the-right-password");
    const active = await makeUser({ handle: "ines", passwordHash: hash });
    const gone = await makeUser({ handle: "gone", passwordHash: hash });
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    await makeUser({ handle: "imported", passwordHash: null });
    const results = [
      await checkCredentials({ email: "nobody@example.test", password: "the-right-password" }, from("10.0.0.1")),
      await checkCredentials({ email: active.email, password: "a-wrong-password" }, from("10.0.0.2")),
      await checkCredentials({ email: gone.email, password: "the-right-password" }, from("10.0.0.3")),
      await checkCredentials({ email: "imported@example.test", password: "the-right-password" }, from("10.0.0.4")),
    ];
    expect(results).toEqual([REFUSED, REFUSED, REFUSED, REFUSED]);
    expect(await checkCredentials({ email: active.email, password: "the-right-password" }, from("10.0.0.5")))
      .toEqual({ ok: true, user: { id: String(active.id), name: active.name, email: active.email, sv: 0 } });
    // Every attempt was recorded under its account and address, successes as such.
    expect(await prisma.signInAttempt.count({ where: { succeeded: false } })).toBe(8);
    expect(await prisma.signInAttempt.count({ where: { succeeded: true } })).toBe(2);
  });

  test("an unknown email takes as long as a wrong password", async () => {
    const user = await makeUser({ handle: "timed", passwordHash: await hashPassword("timed-password-1") });
    await checkCredentials({ email: "warm-up@example.test", password: "x-password" }, from("10.1.0.0"));
    const time = async (email: string, address: string) => {
      const t = performance.now();
      expect(await checkCredentials({ email, password: "not-it-at-all" }, from(address))).toEqual(REFUSED);
      return performance.now() - t;
    };
    const unknown: number[] = [], wrong: number[] = [];
    for (let i = 0; i < 7; i++) {
      // alternate which goes first; 7 failures stay under the account's allowance of 10
      if (i % 2) wrong.push(await time(user.email!, `10.1.1.${i}`)), unknown.push(await time(`ghost${i}@example.test`, `10.1.2.${i}`));
      else unknown.push(await time(`ghost${i}@example.test`, `10.1.2.${i}`)), wrong.push(await time(user.email!, `10.1.1.${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[3];
    // Without the dummy verify an unknown email is a lookup and an insert: ~0.1 of a wrong password.
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
