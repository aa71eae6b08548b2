import { describe, expect, test } from "vitest";
import { explainedPackages, summarizeAudit } from "@/lib/security/audit-report";

// A trimmed `npm audit --json` (npm 11): one critical reached through a dependency, one high, one moderate.
const REPORT = {
  auditReportVersion: 2,
  vulnerabilities: {
    "left-pad": { name: "left-pad", severity: "critical", via: [{ title: "Prototype pollution", url: "https://github.com/advisories/GHSA-xxxx" }] },
    "pads-things": { name: "pads-things", severity: "critical", via: ["left-pad"] },
    "slow-regex": { name: "slow-regex", severity: "high", via: [{ title: "ReDoS", url: "https://github.com/advisories/GHSA-yyyy" }] },
    meh: { name: "meh", severity: "moderate", via: [{ title: "Minor", url: "u" }] },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 1, critical: 2, total: 4 } },
};

describe("summarizeAudit", () => {
  test("lists the high and critical findings and those without an explanation", () => {
    const s = summarizeAudit(REPORT, new Set(["slow-regex"]));
    expect(s).toEqual({
      status: "failed",
      counts: { info: 0, low: 0, moderate: 1, high: 1, critical: 2 },
      serious: [
        { name: "left-pad", severity: "critical", via: ["Prototype pollution https://github.com/advisories/GHSA-xxxx"] },
        { name: "pads-things", severity: "critical", via: ["via left-pad"] },
        { name: "slow-regex", severity: "high", via: ["ReDoS https://github.com/advisories/GHSA-yyyy"] },
      ],
      unexplained: [
        { name: "left-pad", severity: "critical", via: ["Prototype pollution https://github.com/advisories/GHSA-xxxx"] },
        { name: "pads-things", severity: "critical", via: ["via left-pad"] },
      ],
    });
  });

  test("passes when every serious finding is explained, whatever the moderate ones", () => {
    expect(summarizeAudit(REPORT, new Set(["left-pad", "pads-things", "slow-regex"])).status).toBe("ok");
  });

  test("reports an unanswered audit as unavailable, with npm's reason", () => {
    expect(summarizeAudit({ message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk" }, new Set()))
      .toEqual({ status: "unavailable", reason: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk" });
    expect(summarizeAudit(null, new Set())).toEqual({ status: "unavailable", reason: "npm audit gave no report" });
  });
});

describe("explainedPackages", () => {
  test("reads the first column of the Dependencies table only", () => {
    const md = "## Headers\n| header | value |\n|---|---|\n| `X-Frame-Options` | DENY |\n\n## Dependencies\ntext\n\n| package | advisory |\n|---|---|\n| `left-pad` | GHSA-xxxx |\n| slow-regex | GHSA-yyyy |\n| (none recorded) | |\n";
    expect([...explainedPackages(md)]).toEqual(["left-pad", "slow-regex"]);
  });
});
