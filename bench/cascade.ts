// npm run bench:cascade: one pass of the attribution cascade (runCascade: minting, link weights,
// processing order, the newest-to-oldest pass, per-contributor sums) on the bench community.
import { runCascade } from "@/lib/metrics/attribution";
import { buildGraph, type Graph } from "@/lib/metrics/graph";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { benchCommunity } from "./community";
import { bestOf, fmt, printTable, section } from "./report";

const GOAL_SECONDS = 0.5;

export function benchCascade(opts: { graph?: Graph; rounds?: number } = {}): void {
  const g = opts.graph ?? buildGraph(benchCommunity());
  const { seconds, result } = bestOf(opts.rounds ?? 5, () => runCascade(g, DEFAULT_PARAMS), 1);
  section(`Attribution cascade: ${g.nC.toLocaleString("en-US")} contributions, ${g.nE.toLocaleString("en-US")} links, ${g.nU.toLocaleString("en-US")} contributors`);
  printTable(["target", "measured", "goal", "met"], [
    ["runCascade, one pass (best of " + (opts.rounds ?? 5) + ")", `${fmt(seconds, 3)} s`, `< ${GOAL_SECONDS} s`, seconds < GOAL_SECONDS ? "yes" : "no"],
  ]);
  console.log(`\ncredit conserved: minted ${result.totalMinted.toFixed(3)}, attributed ${result.totalAttribution.toFixed(3)}`);
}
