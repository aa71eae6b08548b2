// npm run bench -- --only before: the engine parts this work rewrote, timed against the code they
// replaced (kept verbatim under tests/unit/metrics/reference/ as the equality tests' reference) on
// the bench community, with a check that the outputs are the same bits.
import { runCascade } from "@/lib/metrics/attribution";
import { computeAttributionFlow } from "@/lib/metrics/attribution-flow";
import { betweennessCentrality } from "@/lib/metrics/betweenness";
import type { Graph } from "@/lib/metrics/graph";
import { buildContributorProjection } from "@/lib/metrics/hubs";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { periodOf, periodStart } from "@/lib/metrics/periods";
import { computeAttributionFlowReference } from "@/tests/unit/metrics/reference/attribution-flow-reference";
import { betweennessReference } from "@/tests/unit/metrics/reference/betweenness-reference";
import { BENCH_END_AT } from "./community";
import { bestOf, fmt, printTable, section } from "./report";

const sameBits = (a: Float64Array, b: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

export function benchBeforeAfter(g: Graph): void {
  const month = periodOf(BENCH_END_AT, "month");
  const window = { fromMs: periodStart(month - 4, "month"), toMs: periodStart(month, "month") };
  const cases = [
    { label: "betweenness, whole projection, 30 pivots", proj: buildContributorProjection(g), pivots: 30 },
    { label: "betweenness, ecosystem 4-month window, 100 pivots", proj: buildContributorProjection(g, window), pivots: 100 },
    { label: "betweenness, one project's 4-month window, exact", proj: buildContributorProjection(g, { ...window, project: 0 }), pivots: 500 },
  ];
  const rows: string[][] = [];
  for (const c of cases) {
    const opts = { isNode: c.proj.isNode, exactUpTo: 5000, pivots: c.pivots, seed: 42 };
    const before = bestOf(1, () => betweennessReference(c.proj, opts));
    const after = bestOf(1, () => betweennessCentrality(c.proj, opts));
    rows.push([c.label, fmt(before.seconds), fmt(after.seconds), `${(before.seconds / after.seconds).toFixed(1)}x`, sameBits(before.result.value, after.result.value) ? "yes" : "NO"]);
  }
  const cascade = runCascade(g, DEFAULT_PARAMS);
  const flowOpts = { unit: "week" as const, throughPeriod: periodOf(BENCH_END_AT, "week"), topK: 5 };
  const before = bestOf(1, () => computeAttributionFlowReference(g, cascade, flowOpts));
  const after = bestOf(1, () => computeAttributionFlow(g, cascade, flowOpts));
  const s0 = before.result.sources!, s1 = after.result.sources!;
  const same = sameBits(before.result.value, after.result.value) && sameBits(s0.linkValue, s1.linkValue) && sameBits(s0.sourceValue, s1.sourceValue)
    && s0.linkEdge.every((e, i) => e === s1.linkEdge[i]) && s0.sourceContributor.every((u, i) => u === s1.sourceContributor[i]);
  rows.push(["weekly attribution flow with its decomposition, ecosystem", fmt(before.seconds), fmt(after.seconds), `${(before.seconds / after.seconds).toFixed(1)}x`, same ? "yes" : "NO"]);
  section("Engine parts before and after (same run, same machine)");
  printTable(["part", "before (s)", "after (s)", "speed-up", "same bits"], rows);
}
