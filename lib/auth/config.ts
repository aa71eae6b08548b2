// Auth.js (next-auth v5): email + password, JWT sessions. The token carries the user id and the
// session version; the role is re-read from the database on each request (see actor.ts).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { checkCredentials } from "./credentials";

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
        const check = await checkCredentials(raw, request.headers);
        if (check.ok) return check.user;
        if (check.reason === "rate_limited") throw new RateLimitedSignIn();
        return null;
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
