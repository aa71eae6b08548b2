// First-run secrets: AUTH_SECRET is generated into .env.local (git-ignored) when neither the
// environment nor that file has one, so `npm start` works on a fresh clone (STACK.md pitfall 8).
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, appendFileSync } from "node:fs";

const FILE = ".env.local";

function readLocalEnv(): Record<string, string> {
  if (!existsSync(FILE)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(FILE, "utf8").split("\n")) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*"?([^"\n]*)"?\s*$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

export function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  const local = readLocalEnv();
  if (local.AUTH_SECRET) {
    process.env.AUTH_SECRET = local.AUTH_SECRET;
    return;
  }
  const secret = randomBytes(32).toString("base64url");
  appendFileSync(FILE, `AUTH_SECRET="${secret}"\n`, { mode: 0o600 });
  process.env.AUTH_SECRET = secret;
  console.log("Generated AUTH_SECRET into .env.local");
}
