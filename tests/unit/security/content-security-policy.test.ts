import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";
import { HSTS_VALUE, isTlsRequest } from "@/lib/security/transport";

describe("contentSecurityPolicy", () => {
  test("allows scripts only by nonce, never inline, and no framing", () => {
    const policy = contentSecurityPolicy("abc123==");
    const directives = Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
    expect(directives).toEqual({
      "default-src": "'self'",
      "script-src": "'self' 'nonce-abc123==' 'strict-dynamic'",
      "style-src": "'self' 'unsafe-inline'",
      "img-src": "'self' data: blob:",
      "font-src": "'self'",
      "connect-src": "'self'",
      "frame-ancestors": "'none'",
      "base-uri": "'self'",
      "form-action": "'self'",
      "object-src": "'none'",
    });
  });

  test("adds 'unsafe-eval' for React's development build only", () => {
    expect(contentSecurityPolicy("n", { isDevelopment: true })).toContain("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval';");
    expect(contentSecurityPolicy("n")).not.toContain("unsafe-eval");
  });

  test("a nonce is 16 random bytes in base64, new every time", () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});

describe("isTlsRequest", () => {
  test("is true behind a TLS proxy or with an https AUTH_URL, false otherwise", () => {
    expect(isTlsRequest(new Headers({ "x-forwarded-proto": "https" }), undefined)).toBe(true);
    expect(isTlsRequest(new Headers({ "x-forwarded-proto": "https,http" }), undefined)).toBe(true);
    expect(isTlsRequest(new Headers({ "x-forwarded-proto": "http" }), undefined)).toBe(false);
    expect(isTlsRequest(new Headers(), "https://understory.example.org")).toBe(true);
    expect(isTlsRequest(new Headers(), "http://localhost:3000")).toBe(false);
    expect(isTlsRequest(new Headers(), undefined)).toBe(false);
  });

  test("HSTS pins two years with subdomains", () => {
    expect(HSTS_VALUE).toBe("max-age=63072000; includeSubDomains");
  });
});
