// Runs before every page, action and API route (but the import upload, see the matcher):
// 1. refuses state-changing requests sent by another origin's pages (CSRF, lib/security/same-origin);
// 2. sets the per-request CSP nonce (lib/security/content-security-policy) on the request, where
//    Next reads it to mark its own scripts, and on the response, with HSTS behind TLS;
// 3. redirects anonymous visitors to the sign-in page. That part is a convenience only: every page,
//    action and handler checks the session and role itself on the server (STACK.md pitfall 9).
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";
import { crossOriginRefusal, isCrossOriginWrite } from "@/lib/security/same-origin";
import { HSTS_VALUE, isTlsRequest } from "@/lib/security/transport";

const PUBLIC = ["/sign-in", "/sign-up", "/api/auth", "/_next", "/favicon.ico"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
/** The REST API authenticates by bearer token only and ignores cookies: no CSRF to defend. */
const BEARER_API = "/api/v1/";

function needsSignIn(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return false;
  if (pathname.startsWith("/api/")) return false;
  return !SESSION_COOKIES.some((name) => request.cookies.has(name));
}

function signInRedirect(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export function proxy(request: NextRequest) {
  const { AUTH_URL, NODE_ENV } = env();
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { isDevelopment: NODE_ENV === "development" });
  let response: NextResponse;
  if (!request.nextUrl.pathname.startsWith(BEARER_API) && isCrossOriginWrite(request)) {
    response = new NextResponse(crossOriginRefusal().body, { status: 403, headers: { "content-type": "application/json" } });
  } else if (needsSignIn(request)) {
    response = signInRedirect(request);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("content-security-policy", policy);
  if (isTlsRequest(request.headers, AUTH_URL)) response.headers.set("strict-transport-security", HSTS_VALUE);
  return response;
}

// The import upload route is left out: with a proxy in the way, Next buffers a request body in
// memory and cuts it at 10 MB (proxyClientMaxBodySize); the route checks the origin and the session
// itself, and next.config.js gives it a CSP.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/admin/imports).*)"] };
