// Pages are server components, which vitest cannot render; what keeps people out of them is the
// guard each calls first. This reads every page's default export and checks that, before anything
// but its own params is awaited, it calls the guard its row in the authorization matrix names
// (requirePageActor, requirePageRole(role), or loadDashboardContext, which calls
// requirePageRole("maintainer") first), then the role predicate the row names, if any. The
// outcome of each actor follows from lib/auth/session.ts: no session redirects to /sign-in (401
// in the table), a role below the guard's or a predicate that says no is notFound() (404).
import { afterAll, describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { discoverEntryPoints, ROOT, stripComments } from "../../integration/authz/discover";
import { MATRIX, pageRow, type PageGuard } from "../../integration/authz/matrix";
import { PEOPLE, SHORT } from "../../integration/authz/actors";

/** The body of the default export (or of the named exported function), between its braces. */
export function functionBody(source: string, name: "default" | string): string {
  const code = stripComments(source);
  const start = name === "default" ? code.search(/export\s+default\s+(async\s+)?function/) : code.search(new RegExp(`export\\s+async\\s+function\\s+${name}\\s*\\(`));
  if (start < 0) throw new Error(`no ${name === "default" ? "default export" : name} function`);
  let i = code.indexOf("(", start);
  for (let depth = 0; ; i++) {
    if (code[i] === "(") depth++;
    else if (code[i] === ")" && --depth === 0) break;
  }
  const open = code.indexOf("{", i);
  // Braces balance in TSX (JSX expressions, template literals, objects): the body ends where they do.
  let end = open;
  for (let depth = 0; end < code.length; end++) {
    if (code[end] === "{") depth++;
    else if (code[end] === "}" && --depth === 0) break;
  }
  return code.slice(open + 1, end);
}

const GUARD = /await\s+(?:requirePageActor\(\)|requirePageRole\("(\w+)"\)|loadDashboardContext\()/;
/** Awaiting the page's own URL params reads nothing from the database. */
const PARAMS_ONLY = /^(const|let)\s+(\w+|\{[^}]*\})\s*=\s*await\s+(searchParams|params);$/;

interface FoundGuard {
  guard: PageGuard;
  predicate?: string;
  /** statements before the guard that are neither blank nor an await of the params */
  before: string[];
}

export function findGuard(body: string): FoundGuard {
  const lines = body.split("\n").map((l) => l.trim());
  const at = lines.findIndex((l) => GUARD.test(l));
  if (at < 0) {
    // No guard at all: only a public page may do that, and then it must read no data.
    return { guard: "public", before: lines.filter((l) => /\bawait\b/.test(l) && !PARAMS_ONLY.test(l)) };
  }
  const m = GUARD.exec(lines[at])!;
  const guard: PageGuard = lines[at].includes("loadDashboardContext") ? "maintainer" : m[1] ? (m[1] as PageGuard) : "actor";
  const before = lines.slice(0, at).filter((l) => l !== "" && !PARAMS_ONLY.test(l));
  const next = lines.slice(at + 1).find((l) => l !== "");
  const predicate = next && /^if \(!(can\w+)\(actor\)\) notFound\(\);$/.exec(next)?.[1];
  return { guard, predicate: predicate || undefined, before };
}

const pages = discoverEntryPoints().filter((e) => e.kind === "page");
const printed: string[] = [];

describe("the guard reader", () => {
  const page = (body: string) => findGuard(functionBody(`export default async function P({ params }: { params: Promise<{ id: string }> }) {\n${body}\n}`, "default"));

  test("reads the guard, its role and the predicate right after it", () => {
    expect(page('  const { id } = await params;\n  const actor = await requirePageRole("admin");\n  if (!canImport(actor)) notFound();\n  const rows = await listRows();'))
      .toEqual({ guard: "admin", predicate: "canImport", before: [] });
    expect(page("  await requirePageActor();\n  const rows = await listRows();")).toEqual({ guard: "actor", predicate: undefined, before: [] });
  });

  test("flags a read before the guard, and a page with no guard that reads", () => {
    expect(page("  const rows = await listRows();\n  const actor = await requirePageActor();").before).toEqual(["const rows = await listRows();"]);
    expect(page("  const rows = listRows();\n  await requirePageActor();").before).toEqual(["const rows = listRows();"]);
    expect(page("  const rows = await listRows();")).toEqual({ guard: "public", before: ["const rows = await listRows();"] });
  });

  test("does not take a guard in a comment for one", () => {
    expect(page("  // await requirePageActor();\n  return null;")).toEqual({ guard: "public", before: [] });
  });
});

describe("lib/auth/session.ts, which the integration tests stand in for", () => {
  // tests/integration/authz/pages.test.ts replaces the module with these same two rules: if the
  // real guards change, the stand-in must change with them.
  test("sends a visitor without a session to /sign-in, and a role too low to notFound()", () => {
    const source = readFileSync(path.join(ROOT, "lib/auth/session.ts"), "utf8");
    const lines = (name: string) => functionBody(source, name).split("\n").map((l) => l.trim()).filter((l) => l !== "");
    expect(lines("requirePageActor")).toEqual(["const actor = await getSessionActor();", 'if (!actor) redirect("/sign-in");', "return actor;"]);
    expect(lines("requirePageRole")).toEqual(["const actor = await requirePageActor();", "if (!hasRole(actor, role)) notFound();", "return actor;"]);
  });
});

describe("loadDashboardContext, the dashboards' guard", () => {
  test("calls requirePageRole(\"maintainer\") before anything else", () => {
    const source = readFileSync(path.join(ROOT, "lib/analytics/dashboard-context.ts"), "utf8");
    const body = functionBody(source, "loadDashboardContext");
    expect(body.split("\n").map((l) => l.trim()).find((l) => l !== "")).toBe('const actor = await requirePageRole("maintainer");');
  });
});

describe("page guards", () => {
  test("discovery finds the pages", () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
  });

  for (const page of pages) {
    test(`${page.id} calls its guard first`, () => {
      const rule = MATRIX[page.id];
      if (!rule) throw new Error(`no rule for ${page.id}`);
      if (rule.kind !== "page") throw new Error(`${page.id} has a ${rule.kind} rule`);
      const source = readFileSync(path.join(ROOT, page.file), "utf8");
      const found = findGuard(functionBody(source, "default"));
      expect({ guard: found.guard, predicate: found.predicate, before: found.before }).toEqual({ guard: rule.guard, predicate: rule.predicate, before: [] });
      if (rule.guard === "public") {
        // A public page reads no data: no query module, no Prisma, no session.
        expect(source).not.toMatch(/from "@\/lib\/(db|[\w/-]*queries)"|getSessionActor/);
      }
      const row = pageRow(rule);
      const outcomes = (["anonymous", ...PEOPLE] as const).map((a) => row[a]);
      printed.push(`${page.id.padEnd(34)} ${outcomes.map((s) => String(s).padStart(7)).join(" ")}${rule.note ? `   (${rule.note})` : ""}`);
    });
  }
});

afterAll(() => {
  const header = `${"page".padEnd(34)} ${(["anonymous", ...PEOPLE] as const).map((a) => SHORT[a].padStart(7)).join(" ")}`;
  console.log([header, ...printed.sort(), `authz pages: ${printed.length} pages × 6 actors = ${printed.length * 6} outcomes from their guards`].join("\n"));
});
