// npm run db:seed -- [--size demo|bench] [--seed N] [--end-at ISO-8601] [--force]
// Loads the demo community into DATABASE_URL or the embedded cluster (migrated first). Refuses a
// database that already holds data unless --force, which replaces everything in it.
import { parseArgs } from "node:util";
import { z } from "zod";
import { DatabaseNotEmptyError, DEFAULT_DEMO_SEED, DEMO_PASSWORD, seedDemoCommunity } from "../lib/demo/seed";
import type { DemoTable } from "../lib/demo/types";
import { createProgressBar } from "./lib/progress-bar";
import { withDatabase } from "./lib/with-database";

const argsSchema = z.object({
  size: z.enum(["demo", "bench"]).default("demo"),
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(DEFAULT_DEMO_SEED),
  endAt: z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)).optional(),
  force: z.boolean().default(false),
});

const { values } = parseArgs({
  options: { size: { type: "string" }, seed: { type: "string" }, "end-at": { type: "string" }, force: { type: "boolean" } },
  strict: true,
});
const parsed = argsSchema.safeParse({ size: values.size, seed: values.seed, endAt: values["end-at"], force: values.force });
if (!parsed.success) {
  console.error(`Invalid arguments: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`);
  console.error("Usage: npm run db:seed -- [--size demo|bench] [--seed N] [--end-at 2026-11-22T00:00:00Z] [--force]");
  process.exit(2);
}
const args = parsed.data;

const bar = createProgressBar();
let currentTable: DemoTable | null = null;
let currentRows = 0;
let allRows = 0;

try {
  const report = await withDatabase((url) =>
    seedDemoCommunity(url, {
      size: args.size,
      seed: args.seed,
      endAt: args.endAt,
      onExisting: args.force ? "replace" : "refuse",
      onProgress: ({ table, written, total, allWritten, allTotal }) => {
        if (table !== currentTable && currentTable) bar.stageDone(currentTable, currentRows);
        currentTable = table;
        currentRows = written;
        allRows = allTotal;
        bar.update(allWritten, allTotal, `${table} ${written.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`);
      },
      onStage: (stage) => {
        if (currentTable) bar.stageDone(currentTable, currentRows);
        currentTable = null;
        bar.update(allRows, allRows, `${stage}…`, true);
        bar.stageDone(stage, null);
      },
    }),
  );
  bar.finish();
  if (!report) throw new Error("unreachable: refuse mode never skips");
  const n = (x: number) => x.toLocaleString("en-US").padStart(11);
  console.log(`Seeded the ${report.size} community (seed ${report.seed}, ${report.startAt.slice(0, 10)} → ${report.endAt.slice(0, 10)}) in ${((report.generateMs + report.loadMs) / 1000).toFixed(1)} s (generate ${report.generateMs} ms, load ${report.loadMs} ms):`);
  for (const [table, count] of Object.entries(report.counts)) console.log(`  ${table.padEnd(20)}${n(count)}`);
  console.log("Projects:");
  for (const p of report.projects) console.log(`  ${p.name.padEnd(22)} ${p.kind.padEnd(9)}${n(p.contributions)} contributions${n(p.links)} links`);
  console.log("Campaigns:");
  for (const c of report.campaigns) console.log(`  ${c.name.padEnd(24)} ${c.kind.padEnd(10)} ${c.startAt.slice(0, 10)} → ${c.endAt.slice(0, 10)}  ${c.recruits} recruits`);
  console.log(`Core: ${report.coreSize} contributors; hubs: users ${report.hubUserIds.join(", ")}; link ring: users ${report.ringUserIds.join(", ")}`);
  console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
  for (const a of report.accounts) console.log(`  ${a.role.padEnd(12)} ${a.email}`);
  process.exit(0);
} catch (error) {
  bar.finish();
  console.error(error instanceof DatabaseNotEmptyError ? error.message : error);
  process.exit(1);
}
