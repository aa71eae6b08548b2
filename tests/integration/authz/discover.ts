// Every entry point, found by reading the code rather than by a list kept by hand: pages
// (app/**/page.tsx), route handlers (app/**/route.ts and the HTTP methods each exports) and server
// actions (every exported function of a file whose first statement is "use server"). A new one
// without a rule in matrix.ts fails the matrix test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

export interface EntryPoint {
  /** the key in the matrix: "page /admin/audit", "GET /api/v1/links/[id]", "action lib/links/actions.ts#createLinkAction" */
  id: string;
  kind: "page" | "route" | "action";
  /** repository-relative path of the file that defines it */
  file: string;
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const SKIP_DIRS = new Set(["node_modules", "generated", ".next", ".git"]);

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** The URL a file under app/ serves: route groups "(app)" vanish, the file name goes. */
export function urlOf(file: string): string {
  const segments = rel(file).split("/").slice(1, -1).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** Strips comments so that an example in a comment is not read as code. */
export function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** The HTTP methods a route file exports, in any of the forms Next accepts. */
export function exportedMethods(source: string): string[] {
  const code = stripComments(source);
  const found = new Set<string>();
  for (const m of code.matchAll(/export\s+(?:async\s+)?(?:function|const|let|var)\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const m of code.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}/g)) for (const name of m[1].split(",")) found.add(name.trim().split(/\s*:\s*/)[0]);
  for (const m of code.matchAll(/export\s*\{([^}]*)\}/g)) for (const name of m[1].split(",")) found.add(name.trim().split(/\s+as\s+/).pop()!.trim());
  return HTTP_METHODS.filter((method) => found.has(method));
}

export function isUseServerFile(source: string): boolean {
  return /^\s*["']use server["'];?/.test(source);
}

/** Exported functions of a "use server" file (each is callable from any browser as an action). */
export function exportedFunctions(source: string): string[] {
  const code = stripComments(source);
  const names = new Set<string>();
  for (const m of code.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) names.add(m[1]);
  for (const m of code.matchAll(/export\s+const\s+(\w+)\s*=\s*(?:async\s*)?(?:\(|function)/g)) names.add(m[1]);
  return [...names];
}

export function discoverEntryPoints(): EntryPoint[] {
  const out: EntryPoint[] = [];
  for (const file of walk(path.join(ROOT, "app"))) {
    const name = path.basename(file);
    if (/^page\.(tsx|ts|jsx|js)$/.test(name)) out.push({ id: `page ${urlOf(file)}`, kind: "page", file: rel(file) });
    if (/^route\.(ts|js)$/.test(name)) {
      for (const method of exportedMethods(readFileSync(file, "utf8"))) out.push({ id: `${method} ${urlOf(file)}`, kind: "route", file: rel(file) });
    }
  }
  for (const dir of ["app", "lib", "components"]) {
    for (const file of walk(path.join(ROOT, dir))) {
      if (!/\.(ts|tsx)$/.test(file)) continue;
      const source = readFileSync(file, "utf8");
      if (!isUseServerFile(source)) continue;
      for (const fn of exportedFunctions(source)) out.push({ id: `action ${rel(file)}#${fn}`, kind: "action", file: rel(file) });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Files with a "use server" directive anywhere but at the top: inline actions inside a function,
 * which discoverEntryPoints cannot list. None are expected; the matrix test fails on one.
 */
export function inlineServerActionFiles(): string[] {
  const out: string[] = [];
  for (const dir of ["app", "lib", "components"]) {
    for (const file of walk(path.join(ROOT, dir))) {
      if (!/\.(ts|tsx)$/.test(file)) continue;
      const code = stripComments(readFileSync(file, "utf8"));
      const directives = [...code.matchAll(/(^|[{;]\s*)["']use server["']/g)].length;
      if (directives > (isUseServerFile(code) ? 1 : 0)) out.push(rel(file));
    }
  }
  return out;
}
