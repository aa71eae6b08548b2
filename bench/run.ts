// npm run bench [-- options]: every benchmark of DESIGN.md's quality bars in one run, on one
// machine state, printed as Markdown tables (bench/RESULTS.md records a run and its commands).
//   --only cascade|pagerank|betweenness|before|recompute|import|export   run one part (repeatable);
//                         "before" times the rewritten engine parts against the code they replaced;
//                         import and export: bench/import.ts, bench/export.ts (clusters of their own)
//                         serve and writes: `next start` under autocannon (bench/serve.ts, bench/api-writes.ts)
//   --seconds N           seconds of load per page or endpoint (serve, default 10) and of writes (default 30)
//   --rebuild             rebuild the production build that serve and writes use (.next-bench)
//   --rounds N            interleaved rounds of the PageRank solvers (default 3)
//   --skip-networkx       leave out networkx (PageRank and betweenness)
//   --skip-graphology     leave out graphology-metrics (a few minutes and several GB)
//   --networkx-pivots N   pivots networkx runs in the betweenness comparison (default 5)
//   --reseed              reseed the bench PostgreSQL cluster before the recompute
//   --profile             run the recompute under node --cpu-prof (profile in .data/bench/profiles),
//                         and the imports (.data/bench-io/profiles)
import { parseArgs } from "node:util";
import { buildGraph } from "@/lib/metrics/graph";
import { benchBeforeAfter } from "./before-after";
import { benchBetweenness } from "./betweenness";
import { benchCascade } from "./cascade";
import { BENCH_END_AT, benchCommunity } from "./community";
import { benchExport } from "./export";
import { benchImport } from "./import";
import { benchPageRank } from "./pagerank";
import { benchRecompute, reportRecompute } from "./recompute";
import { benchServe, reportServe } from "./serve";
import { benchWrites, reportWrites } from "./api-writes";
import { machineLine } from "./report";

const { values } = parseArgs({
  options: {
    only: { type: "string", multiple: true },
    rounds: { type: "string", default: "3" },
    "skip-networkx": { type: "boolean", default: false },
    "skip-graphology": { type: "boolean", default: false },
    "networkx-pivots": { type: "string", default: "5" },
    reseed: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    seconds: { type: "string" },
    rebuild: { type: "boolean", default: false },
  },
  strict: true,
});
const parts = new Set(values.only?.length ? values.only : ["cascade", "pagerank", "betweenness", "before", "recompute", "import", "export", "serve", "writes"]);

console.log(`# Understory benchmarks\n\n${machineLine()}`);
if (["cascade", "pagerank", "betweenness", "before"].some((p) => parts.has(p))) {
  const t = performance.now();
  const graph = buildGraph(benchCommunity());
  console.log(`Bench community generated in memory (seed 1, history to ${new Date(BENCH_END_AT).toISOString().slice(0, 10)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (parts.has("cascade")) benchCascade({ graph });
  if (parts.has("pagerank")) await benchPageRank({ graph, rounds: Number(values.rounds), networkx: !values["skip-networkx"], graphology: !values["skip-graphology"] });
  if (parts.has("betweenness")) await benchBetweenness({ graph, networkxPivots: values["skip-networkx"] ? 0 : Number(values["networkx-pivots"]) });
  if (parts.has("before")) benchBeforeAfter(graph);
}
if (parts.has("recompute")) reportRecompute(await benchRecompute({ reseed: values.reseed, profile: values.profile }));
if (parts.has("serve")) reportServe(await benchServe({ seconds: Number(values.seconds ?? 10), connections: 20, rebuild: values.rebuild }));
if (parts.has("writes")) reportWrites(await benchWrites({ seconds: Number(values.seconds ?? 30), connections: 20, rebuild: values.rebuild && !parts.has("serve") }));
if (parts.has("import")) await benchImport({ profile: values.profile });
if (parts.has("export")) await benchExport();
console.log(`\nFinished; ${machineLine().replace("Machine: ", "machine now: ")}`);
process.exit(0);
