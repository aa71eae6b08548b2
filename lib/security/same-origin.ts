// CSRF: a request that can change something and carries the session cookie must come from our own
// pages. SameSite=Lax already keeps the cookie off cross-site POSTs; this also refuses same-site
// but cross-origin senders (a sibling subdomain, another port) and browsers that ignore SameSite.
// Browsers send Sec-Fetch-Site and Origin on every POST; a request with neither is not from a
// browser and so cannot carry a victim's cookie, and is let through (the session check decides).

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host the browser addressed: a reverse proxy passes it on in X-Forwarded-Host. */
function requestHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** True when a state-changing request was sent by a page of another origin. */
export function isCrossOriginWrite(request: { method: string; headers: Headers }): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = requestHost(request.headers);
  return !host || originHost(origin) !== host;
}

export const CROSS_ORIGIN_MESSAGE = "This request came from another site and was refused. Submit the form from Understory itself.";

/** The refusal, in the REST API's error shape so that clients read it like any other 403. */
export function crossOriginRefusal(): Response {
  return Response.json({ error: { code: "forbidden", message: CROSS_ORIGIN_MESSAGE } }, { status: 403 });
}
