// npm run security:audit: `npm audit --omit=dev` and docs/security.md side by side. Fails when a
// high or critical finding has no row in the doc's Dependencies table; says so plainly, and passes,
// when the registry does not answer audits (this machine's registry serves packages only).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { explainedPackages, summarizeAudit } from "../lib/security/audit-report";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
let output: unknown = null;
try {
  output = JSON.parse(run.stdout || "null");
} catch {
  output = { message: (run.stderr || run.stdout || "no output").trim().split("\n").at(-1) };
}
const summary = summarizeAudit(output, explainedPackages(readFileSync("docs/security.md", "utf8")));

if (summary.status === "unavailable") {
  console.log(`npm audit: not answered by the registry (${summary.reason}).`);
  console.log("No advisory data: run `npm run security:audit` where the public npm registry answers.");
  process.exit(0);
}
const c = summary.counts;
console.log(`npm audit --omit=dev: ${c.critical} critical, ${c.high} high, ${c.moderate} moderate, ${c.low} low`);
for (const f of summary.serious) {
  const note = summary.unexplained.includes(f) ? "NOT EXPLAINED in docs/security.md" : "explained in docs/security.md";
  console.log(`  ${f.severity.padEnd(8)} ${f.name}: ${note}\n    ${f.via.join("\n    ")}`);
}
if (summary.status === "failed") {
  console.log(`${summary.unexplained.length} high or critical finding(s) without an explanation: fix them or add a row to docs/security.md (Dependencies).`);
  process.exit(1);
}
