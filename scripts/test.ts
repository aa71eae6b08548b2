// npm test: the whole suite, in the order that fails fastest. Type-check, unit, integration on a
// real embedded PostgreSQL, the reliability tests at their small size, then the production build
// and e2e in Chromium. Prints one closing line "N passed, N failed" for CI. `--only e2e` runs the last part alone.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isBuildCurrent, markBuilt } from "./lib/build-fingerprint";
import { NEXT_BIN } from "./lib/children";
import { chromiumPathOrThrow } from "../tests/e2e/server";

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : process.env.FORCE_COLOR };
const VITEST = path.join("node_modules", "vitest", "vitest.mjs");
let passed = 0;
let failed = 0;
const failures: string[] = [];

function step(name: string, args: string[]): boolean {
  console.log(`\n━━ ${name} ━━`);
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) failures.push(name);
  return result.status === 0;
}

function vitest(project: string): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), "understory-test-"));
  const report = path.join(dir, "report.json");
  step(`${project} tests`, [VITEST, "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; testResults: { status: string }[] };
    passed += r.numPassedTests;
    // A file that fails to load has no failed test but is a failure all the same.
    failed += r.numFailedTests + r.testResults.filter((t) => t.status === "failed" && r.numFailedTests === 0).length;
  } else failed += 1;
  rmSync(dir, { recursive: true, force: true });
}

if (!only) {
  if (!step("type-check", [path.join("node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "."])) failed += 1;
  vitest("unit");
  vitest("integration");
  vitest("reliability");
}
if (!only || only === "e2e") {
  let ready = true;
  try {
    chromiumPathOrThrow();
  } catch (e) {
    console.error(`\n${(e as Error).message}`);
    failures.push("e2e: Chromium missing");
    failed += 1;
    ready = false;
  }
  if (ready && !isBuildCurrent()) {
    ready = step("production build", [NEXT_BIN, "build"]);
    if (ready) markBuilt();
    else failed += 1;
  }
  if (ready) vitest("e2e");
}

console.log(`\n${failures.length ? `Failed: ${failures.join(", ")}` : "All parts passed."}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
