// npm run test:reliability: the reliability suite at full size (fuzzing, concurrent load, faults,
// corrupt imports), then one table of every figure the tests recorded. `--ci` runs the small size
// that `npm test` runs. Extra arguments go to vitest: `npm run test:reliability -- tests/reliability/x.test.ts`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Figure } from "../tests/reliability/figures";
import { isBuildCurrent, markBuilt } from "./lib/build-fingerprint";
import { NEXT_BIN } from "./lib/children";

const scale = process.argv.includes("--ci") ? "ci" : "full";
// At full size the load and fault tests talk to `next start` on the production build
// (tests/reliability/app-under-load.ts): build it first when it is missing or stale.
if (scale === "full" && process.env.RELIABILITY_HTTP !== "in-process") {
  const distDir = process.env.NEXT_DIST_DIR;
  const current = distDir ? existsSync(path.join(distDir, "BUILD_ID")) : isBuildCurrent();
  if (!current) {
    console.log(`Building the app for the load tests (${distDir ?? ".next"}) …`);
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
    if (!distDir) markBuilt();
  }
}
const figuresFile = path.resolve(".data", `reliability-figures-${scale}.jsonl`);
rmSync(figuresFile, { force: true });
const extra = process.argv.slice(2).filter((a) => a !== "--ci");
const started = Date.now();
const result = spawnSync(process.execPath, [path.join("node_modules", "vitest", "vitest.mjs"), "run", "--project", "reliability", ...extra], {
  stdio: "inherit",
  env: { ...process.env, RELIABILITY_SCALE: scale, RELIABILITY_FIGURES_FILE: figuresFile },
});

const figures: (Figure & { scale: string })[] = existsSync(figuresFile)
  ? readFileSync(figuresFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l))
  : [];
console.log(`\nReliability figures (${scale} size, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
const rows = figures.map((f) => [f.part, f.name, `${typeof f.value === "number" ? f.value.toLocaleString("en-US") : f.value}${f.unit ? ` ${f.unit}` : ""}`, f.target ?? "", f.met === undefined ? "" : f.met ? "met" : "NOT MET"]);
const header = ["part", "figure", "measured", "target", ""];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd());
const unmet = figures.filter((f) => f.met === false).length;
if (unmet) console.log(`\n${unmet} figure(s) not met.`);
process.exit(result.status !== 0 || unmet > 0 ? 1 : 0);
