// Reads `npm audit --json` output: the high and critical findings, and which of them docs/security.md
// does not explain yet. Pure: the script (scripts/security-audit.ts) runs npm and reads the files.

export type Severity = "info" | "low" | "moderate" | "high" | "critical";

export interface Finding {
  name: string;
  severity: Severity;
  /** the advisories' titles and addresses, or the packages it is vulnerable through */
  via: string[];
}

export type AuditSummary =
  | { status: "unavailable"; reason: string }
  | { status: "ok" | "failed"; counts: Record<Severity, number>; serious: Finding[]; unexplained: Finding[] };

const SERIOUS: ReadonlySet<Severity> = new Set(["high", "critical"]);

interface NpmVulnerability {
  name: string;
  severity: Severity;
  via: (string | { title?: string; url?: string })[];
}

/** npm 7+ JSON (auditReportVersion 2), or npm's error object when the registry did not answer. */
export function summarizeAudit(output: unknown, explained: ReadonlySet<string>): AuditSummary {
  const o = (output ?? {}) as { vulnerabilities?: Record<string, NpmVulnerability>; metadata?: { vulnerabilities?: Record<Severity, number> }; message?: string; error?: { summary?: string } };
  if (!o.vulnerabilities || !o.metadata?.vulnerabilities) {
    return { status: "unavailable", reason: o.message ?? o.error?.summary ?? "npm audit gave no report" };
  }
  const { info = 0, low = 0, moderate = 0, high = 0, critical = 0 } = o.metadata.vulnerabilities;
  const serious = Object.values(o.vulnerabilities)
    .filter((v) => SERIOUS.has(v.severity))
    .map((v) => ({ name: v.name, severity: v.severity, via: v.via.map((x) => (typeof x === "string" ? `via ${x}` : `${x.title ?? "advisory"} ${x.url ?? ""}`.trim())) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const unexplained = serious.filter((f) => !explained.has(f.name));
  return { status: unexplained.length ? "failed" : "ok", counts: { info, low, moderate, high, critical }, serious, unexplained };
}

/**
 * The packages docs/security.md explains: the first cell of each row of the table under
 * "## Dependencies" (backticks dropped), but the header and the placeholder row.
 */
export function explainedPackages(markdown: string): Set<string> {
  const section = markdown.split(/^## /m).find((s) => s.startsWith("Dependencies")) ?? "";
  const names = section
    .split("\n")
    .filter((l) => l.startsWith("|"))
    .map((l) => l.split("|")[1].trim().replace(/`/g, ""))
    .filter((n) => n && n !== "package" && !/^-+$/.test(n) && !n.startsWith("("));
  return new Set(names);
}
