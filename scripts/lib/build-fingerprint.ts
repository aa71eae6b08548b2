// "Builds if needed": a fingerprint of every input of `next build` (paths, sizes, mtimes) is kept
// beside the build; a different fingerprint means the build is stale.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "proxy.ts", "next.config.js", "package.json", "postcss.config.mjs", "tsconfig.json"];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const STAMP = path.join(".next", "understory-fingerprint");

function walk(p: string, hash: ReturnType<typeof createHash>) {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name), hash);
  } else hash.update(`${p}:${st.size}:${st.mtimeMs}\n`);
}

export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) walk(input, hash);
  return hash.digest("hex");
}

export function isBuildCurrent(): boolean {
  return existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceFingerprint();
}

export function markBuilt(): void {
  writeFileSync(STAMP, sourceFingerprint());
}
