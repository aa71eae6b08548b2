// The email + password check behind Auth.js's Credentials provider (config.ts), on its own so that
// it can be tested without Auth.js. Every refusal costs one argon2 verify, whether the account
// exists or not, and looks the same: no account enumeration by answer or by timing.
import { prisma } from "@/lib/db";
import { signInSchema } from "@/lib/validation/auth";
import { dummyPasswordHash, verifyPassword } from "./password";
import { accountKey, addressKey, clientAddress, isSignInThrottled, recordSignInAttempt } from "./rate-limit";

export interface SignedInUser {
  id: string;
  name: string;
  email: string | null;
  /** the user's session version, carried in the JWT (actor.ts) */
  sv: number;
}

export type CredentialsCheck = { ok: true; user: SignedInUser } | { ok: false; reason: "credentials" | "rate_limited" };

export async function checkCredentials(raw: unknown, headers: Headers): Promise<CredentialsCheck> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "credentials" };
  const { email, password } = parsed.data;
  const keys = [accountKey(email), addressKey(clientAddress(headers))];
  if (await isSignInThrottled(keys)) return { ok: false, reason: "rate_limited" };
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, deactivatedAt: true, sessionVersion: true, name: true, email: true },
  });
  // Verify against a dummy hash when there is no usable account: same cost, same answer.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const usable = ok && !!user?.passwordHash && !user.deactivatedAt;
  await recordSignInAttempt(keys, usable);
  if (!usable || !user) return { ok: false, reason: "credentials" };
  return { ok: true, user: { id: String(user.id), name: user.name, email: user.email, sv: user.sessionVersion } };
}
