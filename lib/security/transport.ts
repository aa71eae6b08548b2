// Strict-Transport-Security only makes sense on a response that reached the browser over TLS:
// sent over plain http it is ignored, and sent by a development server on localhost it would pin
// the browser to https for every local app on that host. TLS usually ends at a reverse proxy, which
// says so in X-Forwarded-Proto; AUTH_URL with https says the deployment is served over TLS.

/** Two years, the value hstspreload.org asks for; no preload: that is an operator's decision. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

export function isTlsRequest(headers: Headers, authUrl: string | undefined): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded === "https") return true;
  return !!authUrl && authUrl.toLowerCase().startsWith("https://");
}
