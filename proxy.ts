// Redirects anonymous visitors to the sign-in page. It is a convenience only: every page, action
// and handler checks the session and role itself on the server (STACK.md pitfall 9).
import { NextResponse, type NextRequest } from "next/server";

const PUBLIC = ["/sign-in", "/sign-up", "/api/auth", "/_next", "/favicon.ico"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  if (pathname.startsWith("/api/")) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

// The import upload route is left out: with a proxy in the way, Next buffers a request body in
// memory and cuts it at 10 MB (proxyClientMaxBodySize); the route checks the session itself.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/admin/imports).*)"] };
