// The Content-Security-Policy of every page, with a fresh nonce per request (set in proxy.ts).
// Scripts run only when they carry the nonce (Next puts it on its own scripts, read back from the
// request's CSP header) or are loaded by one that does ('strict-dynamic'): an injected <script> or
// inline handler never runs. Styles stay 'unsafe-inline' because Tailwind's runtime-free classes
// are fine but Recharts and Next's client router set style attributes inline; a style injection
// cannot run code.

/** 128 random bits, base64: unguessable and new for every request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, opts: { isDevelopment?: boolean } = {}): string {
  // React's development build evaluates strings to rebuild server stacks; production never does.
  const evalInDev = opts.isDevelopment ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${evalInDev}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** For responses the proxy does not see (the import upload): nothing in them may load anything. */
export const NO_CONTENT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
