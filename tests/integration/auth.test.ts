import { describe, test, expect } from "vitest";
import { prisma } from "../../lib/db";
import { loadActor, requireRole } from "../../lib/auth/actor";
import { accountKey, addressKey, isSignInThrottled, recordSignInAttempt, takeSignUpAttempt } from "../../lib/auth/rate-limit";
import { createAccount } from "../../lib/users/mutations";
import { verifyPassword } from "../../lib/auth/password";
import { AppError } from "../../lib/errors";
import { makeUser } from "./factories";

describe("createAccount", () => {
  test("stores an argon2id hash, never the password, and audits the sign-up", async () => {
    const { id } = await createAccount({ email: " Nia@Example.test ", handle: "Nia", name: "Nia", password: "correct horse battery" });
    const u = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect([u.email, u.handle, u.role]).toEqual(["nia@example.test", "nia", "contributor"]);
    expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(u.passwordHash!, "correct horse battery")).toBe(true);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.sign_up", entityId: String(id) } });
    expect(JSON.stringify(audit.after)).not.toContain("correct horse");
  });

  test("one message for a taken email or handle, and nothing written", async () => {
    await createAccount({ email: "omar@example.test", handle: "omar", name: "Omar", password: "a long password" });
    const before = await prisma.user.count();
    for (const input of [
      { email: "omar@example.test", handle: "other", name: "X", password: "a long password" },
      { email: "new@example.test", handle: "omar", name: "X", password: "a long password" },
    ]) {
      const e = await createAccount(input).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).message).toBe("That email address or handle is not available.");
    }
    expect(await prisma.user.count()).toBe(before);
  });

  test("refuses a short password and a malformed handle beside their fields", async () => {
    const e = (await createAccount({ email: "x@example.test", handle: "-x", name: "", password: "short" }).catch((x: unknown) => x)) as AppError;
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["handle", "name", "password"]);
  });
});

describe("sessions", () => {
  test("a bumped session version or a deactivation signs the user out", async () => {
    const u = await makeUser({ role: "maintainer" });
    expect((await loadActor(u.id, 0))?.role).toBe("maintainer");
    await prisma.user.update({ where: { id: u.id }, data: { sessionVersion: 1, role: "contributor" } });
    expect(await loadActor(u.id, 0)).toBeNull();
    expect((await loadActor(u.id, 1))?.role).toBe("contributor");
    await prisma.user.update({ where: { id: u.id }, data: { deactivatedAt: new Date() } });
    expect(await loadActor(u.id, 1)).toBeNull();
  });

  test("requireRole refuses lower roles and anonymous visitors", async () => {
    const c = await loadActor((await makeUser()).id, 0);
    expect(() => requireRole(null, "contributor")).toThrow(expect.objectContaining({ code: "unauthenticated" }));
    expect(() => requireRole(c, "maintainer")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => requireRole(c, "admin")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(requireRole(c, "contributor").id).toBe(c!.id);
  });
});

describe("sign-in throttling", () => {
  test("10 failures throttle an account; an address gets five times that; successes do not count", async () => {
    const acct = [accountKey("Victim@Example.test")];
    await recordSignInAttempt(acct, true);
    for (let i = 0; i < 9; i++) await recordSignInAttempt(acct, false);
    expect(await isSignInThrottled([accountKey("victim@example.test")])).toBe(false);
    await recordSignInAttempt(acct, false);
    expect(await isSignInThrottled([accountKey("victim@example.test")])).toBe(true);

    const ip = [addressKey("203.0.113.7")];
    for (let i = 0; i < 49; i++) await recordSignInAttempt(ip, false);
    expect(await isSignInThrottled(ip)).toBe(false);
    await recordSignInAttempt(ip, false);
    expect(await isSignInThrottled(ip)).toBe(true);
  });
});

describe("sign-up throttling", () => {
  test("20 attempts an hour per address are let through, the 21st is refused, other addresses are not affected", async () => {
    for (let i = 0; i < 20; i++) expect(await takeSignUpAttempt("198.51.100.9")).toBe(false);
    expect(await takeSignUpAttempt("198.51.100.9")).toBe(true);
    expect(await takeSignUpAttempt("198.51.100.10")).toBe(false);
    // A refused attempt is not recorded, so the count stays at the allowance.
    expect(await prisma.signInAttempt.count({ where: { key: "signup:ip:198.51.100.9" } })).toBe(20);
  });
});
