// What the import CLIs print: a progress bar while the import runs, then the counts and the rows
// that were refused (line and reason), and an exit code (0 all rows fine, 3 some refused, 1 failed).
import type pg from "pg";
import { markAbandonedImportsSql } from "../lib/import/abandoned";
import type { Started } from "../lib/import/start";
import type { ImportSummary, ProgressEvent } from "../lib/import/run";
import { createProgressBar } from "./lib/progress-bar";

const n = (v: number) => v.toLocaleString("en-US");

export async function runWithReport(pool: pg.Pool, start: (onProgress: (p: ProgressEvent) => void) => Promise<Started>, unit: string): Promise<number> {
  await markAbandonedImportsSql(pool);
  const bar = createProgressBar();
  let lastStage = "";
  const started = await start(({ phase, fraction }) => {
    const stage = phase.replace(/\s*\(.*\)$/, "");
    if (stage !== lastStage && lastStage) bar.stageDone(lastStage, null);
    lastStage = stage;
    bar.update(Math.round(fraction * 1000), 1000, phase);
  });
  const summary = await started.done;
  bar.finish();
  printSummary(summary, unit);
  if (summary.status === "failed") return 1;
  return summary.errorRows > 0 ? 3 : 0;
}

function printSummary(s: ImportSummary, unit: string): void {
  const out = process.stdout;
  out.write(`Import ${s.id} ${s.status} in ${(s.durationMs / 1000).toFixed(1)} s: ${n(s.totalRows)} ${unit}, ${n(s.insertedRows)} inserted, ` +
    `${n(s.skippedRows)} already present (skipped), ${n(s.errorRows)} refused\n`);
  const details = Object.entries(s.details).filter(([, v]) => v > 0);
  if (details.length) out.write(`  ${details.map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}: ${n(v)}`).join(", ")}\n`);
  if (s.error) {
    const cause = s.cause instanceof Error && s.cause.message !== s.error ? ` (${s.cause.message})` : "";
    out.write(`Stopped: ${s.error}${cause}\n`);
  }
  if (s.errors.length) {
    out.write(`Refused rows${s.errorRows > s.errors.length ? ` (the first ${n(s.errors.length)} of ${n(s.errorRows)})` : ""}:\n`);
    for (const e of s.errors) out.write(`  line ${e.line}: ${e.reason}\n`);
  }
}
