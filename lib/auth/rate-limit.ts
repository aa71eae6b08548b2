// Sign-in throttling per account and per address, stored in PostgreSQL so that every replica
// shares it. Only failures count; a success clears nothing so that a guessed password cannot reset
// the counter for a victim account.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

export function accountKey(email: string): string {
  return `acct:${email.trim().toLowerCase()}`;
}
export function addressKey(address: string): string {
  return `ip:${address}`;
}

/**
 * An address gets five times an account's allowance: many people can share one address (an
 * office, a NAT), and without a proxy header every request counts as the one address "local".
 */
const ADDRESS_FACTOR = 5;

export async function isSignInThrottled(keys: string[]): Promise<boolean> {
  const { SIGNIN_MAX_ATTEMPTS, SIGNIN_WINDOW_MINUTES } = env();
  const since = new Date(Date.now() - SIGNIN_WINDOW_MINUTES * 60_000);
  const rows = await prisma.signInAttempt.groupBy({
    by: ["key"],
    where: { key: { in: keys }, succeeded: false, createdAt: { gte: since } },
    _count: { _all: true },
  });
  return rows.some((r) => r._count._all >= SIGNIN_MAX_ATTEMPTS * (r.key.startsWith("ip:") ? ADDRESS_FACTOR : 1));
}

export async function recordSignInAttempt(keys: string[], succeeded: boolean): Promise<void> {
  await prisma.signInAttempt.createMany({ data: keys.map((key) => ({ key, succeeded })) });
}

/**
 * Sign-up attempts per address in the last hour, successful or not: each one hashes a password
 * with argon2, so an unthrottled form would let one client load the server. Counted in the same
 * table as sign-in attempts, under "signup:ip:<address>".
 */
export function signUpKey(address: string): string {
  return `signup:ip:${address}`;
}

/** Records this attempt and says whether it is over the hourly allowance (then it must be refused before any hashing). */
export async function takeSignUpAttempt(address: string): Promise<boolean> {
  const key = signUpKey(address);
  const since = new Date(Date.now() - 60 * 60_000);
  const earlier = await prisma.signInAttempt.count({ where: { key, createdAt: { gte: since } } });
  if (earlier >= env().SIGNUP_MAX_PER_HOUR) return true;
  await prisma.signInAttempt.create({ data: { key, succeeded: false } });
  return false;
}

/** The client address as reported by the proxy in front of us; "local" without one. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "local";
}
