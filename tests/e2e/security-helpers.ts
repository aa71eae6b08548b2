// Helpers for tests/e2e/security.test.ts: a browser context that reports every CSP violation and
// console error, the Set-Cookie attributes of a response, and a sign-in through Auth.js's own
// HTTP endpoints (the path a script would take), timed.
import type { Browser, BrowserContext, Response as PwResponse } from "playwright-core";

export interface WatchedContext {
  context: BrowserContext;
  /** `violated-directive blocked-uri` of every securitypolicyviolation event, in every document */
  violations: string[];
  /** console errors, uncaught page errors, and responses of 400 or more (but the missing favicon) */
  errors: string[];
}

export async function watchedContext(browser: Browser, extraHTTPHeaders?: Record<string, string>): Promise<WatchedContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders });
  const violations: string[] = [];
  const errors: string[] = [];
  await context.exposeBinding("__reportCspViolation", (_source, v: string) => void violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation(v: string): void }).__reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${location.pathname}`);
    });
  });
  context.on("page", (page) => {
    // A failed load is logged without its address: the response listener records it with one.
    page.on("console", (m) => void (m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(`${page.url()}: ${m.text()}`)));
    page.on("response", (r) => void (r.status() >= 400 && !r.url().endsWith("/favicon.ico") && errors.push(`${r.status()} ${r.url()}`)));
    page.on("pageerror", (e) => void errors.push(`${page.url()}: ${e.message}`));
  });
  return { context, violations, errors };
}

export interface SetCookie {
  name: string;
  value: string;
  /** lower-cased attribute names, with their values ("" for flags) */
  attributes: Record<string, string>;
}

export function parseSetCookie(line: string): SetCookie {
  const [pair, ...attrs] = line.split(";").map((s) => s.trim());
  const eq = pair.indexOf("=");
  const attributes: Record<string, string> = {};
  for (const a of attrs) {
    const i = a.indexOf("=");
    attributes[(i < 0 ? a : a.slice(0, i)).toLowerCase()] = i < 0 ? "" : a.slice(i + 1);
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}

export async function setCookiesOf(response: PwResponse): Promise<SetCookie[]> {
  return (await response.headerValues("set-cookie")).flatMap((v) => v.split("\n")).filter(Boolean).map(parseSetCookie);
}

export interface TimedSignIn {
  status: number;
  location: string | null;
  ms: number;
}

/**
 * POST /api/auth/callback/credentials with Auth.js's CSRF token, from its own client address (the
 * throttle's address bucket would otherwise fill up and answer early, without hashing).
 */
export async function timedAuthJsSignIn(baseUrl: string, email: string, password: string, address: string): Promise<TimedSignIn> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { "x-forwarded-for": address } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/contributions" }),
  });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get("location"), ms: performance.now() - started };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
