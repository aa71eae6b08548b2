// Auth.js (next-auth v5): email + password, JWT sessions. The token carries the user id and the
// session version; the role is re-read from the database on each request (see actor.ts).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { prisma } from "@/lib/db";
import { signInSchema } from "@/lib/validation/auth";
import { dummyPasswordHash, verifyPassword } from "./password";
import { accountKey, addressKey, clientAddress, isSignInThrottled, recordSignInAttempt } from "./rate-limit";

export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const keys = [accountKey(email), addressKey(clientAddress(request.headers))];
        if (await isSignInThrottled(keys)) throw new RateLimitedSignIn();
        const user = await prisma.user.findUnique({
          where: { email },
          select: { id: true, passwordHash: true, deactivatedAt: true, sessionVersion: true, name: true, email: true },
        });
        // Verify against a dummy hash when there is no usable account: same cost, same answer.
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
        const usable = ok && !!user?.passwordHash && !user.deactivatedAt;
        await recordSignInAttempt(keys, usable);
        if (!usable || !user) return null;
        return { id: String(user.id), name: user.name, email: user.email, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sv?: number }).sv ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as number, sv: token.sv as number };
    },
  },
});
