// What the mocked lib/auth/session hands out, and the refusal code the wrapped runAction saw last
// (an action returns only a message; the code is what says 401, 403 or 404).
import type { Actor } from "../../../lib/auth/actor";

export const sessionHolder = { actor: null as Actor | null };
export const lastRefusal = { code: null as string | null };

/** Thrown by the mocked redirect(): an action that redirects has succeeded. */
export class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

/** Thrown by the mocked notFound(). */
export class NotFoundSignal extends Error {
  constructor() {
    super("notFound()");
  }
}
