// npm run bench:betweenness: pivot-sampled betweenness (k = 500, the engine's default sampling)
// on the whole-history contributor projection at bench size (~100k contributors), beside networkx
// on the same projection from the same pivots (betweenness_centrality_subset, the sum the engine
// scales by n/k). networkx's pure-Python Dijkstra needs seconds per pivot here, so it runs on the
// first few pivots and its k = 500 time is extrapolated (said so in the table). python-igraph 0.10
// (Debian's) has no source subset for betweenness, so igraph is not compared here.
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { betweennessCentrality, brandesWasm, samplePivots } from "@/lib/metrics/betweenness";
import { buildGraph, type Graph } from "@/lib/metrics/graph";
import { buildContributorProjection } from "@/lib/metrics/hubs";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { benchCommunity } from "./community";
import { findPython } from "./python";
import { bestOf, fmt, printTable, section } from "./report";

const OUT = ".data/bench";
const here = path.dirname(fileURLToPath(import.meta.url));

function writeProjection(file: string, p: ReturnType<typeof buildContributorProjection>, pivots: Int32Array): void {
  const m = p.outTo.length;
  const src = new Int32Array(m), length = new Float64Array(m);
  for (let u = 0; u < p.n; u++) for (let e = p.outStart[u]; e < p.outStart[u + 1]; e++) src[e] = u;
  for (let e = 0; e < m; e++) length[e] = 1 / p.outWeight[e];
  const fd = openSync(file, "w");
  for (const a of [Int32Array.of(p.n, m), src, p.outTo, length, Int32Array.of(pivots.length), pivots]) writeSync(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  closeSync(fd);
}

function maxRelativeDiff(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let v = 0; v < a.length; v++) worst = Math.max(worst, Math.abs(a[v] - b[v]) / Math.max(1, Math.abs(a[v])));
  return worst;
}

export interface BetweennessBenchOptions {
  networkxPivots: number;
  graph?: Graph;
}

export async function benchBetweenness(opts: BetweennessBenchOptions): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const g = opts.graph ?? buildGraph(benchCommunity());
  const proj = buildContributorProjection(g);
  const { pivots: k, seed, exactUpTo } = DEFAULT_PARAMS.betweenness;
  const members = Int32Array.from({ length: proj.n }, (_, u) => u).filter((u) => proj.isNode[u] === 1);
  const pivots = samplePivots(members, k, seed);
  const file = path.join(OUT, "projection.bin");
  writeProjection(file, proj, pivots);

  const full = bestOf(1, () => betweennessCentrality(proj, { isNode: proj.isNode, exactUpTo, pivots: k, seed }));
  // networkxPivots 0 skips networkx; the engine still reports its time on a few pivots.
  const few = Math.min(opts.networkxPivots || 5, k);
  const engineFew = bestOf(2, () => {
    const b = brandesWasm(proj)!;
    for (const s of pivots.subarray(0, few)) b.source(s);
    return b.bc.slice();
  });

  const py = findPython();
  const networkx = (pivotsUsed: number) => {
    const lib = "networkx";
    const exe = py[lib];
    if (!exe) return { missing: py.hint[lib] };
    const out = path.join(OUT, `betweenness-${lib}.f64`);
    const r = spawnSync(exe, [path.join(here, "betweenness_py.py"), lib, file, String(pivotsUsed), out], { encoding: "utf8", timeout: 3_600_000 });
    if (r.status !== 0) return { missing: `failed: ${r.error?.message ?? r.stderr.trim().split("\n").pop()}` };
    const res = JSON.parse(r.stdout.trim().split("\n").pop()!) as { seconds: number; maxRssKb: number };
    return { ...res, values: new Float64Array(readFileSync(out).buffer.slice(0)) };
  };
  const nx = opts.networkxPivots > 0 ? networkx(few) : { missing: "skipped (--skip-networkx)" };

  section(`Betweenness, whole-history contributor projection: ${proj.nNodes.toLocaleString("en-US")} contributors, ${proj.outTo.length.toLocaleString("en-US")} edges, k = ${k} pivots`);
  const rows: (string | number)[][] = [
    ["engine (WebAssembly Brandes)", k, fmt(full.seconds, 1), "–", "–"],
    [`engine, first ${few} pivots`, few, fmt(engineFew.seconds, 2), "–", "–"],
  ];
  if ("values" in nx && nx.values) {
    rows.push([`networkx, first ${few} pivots`, few, fmt(nx.seconds, 1), (nx.maxRssKb / 1024).toFixed(0) + " MB", maxRelativeDiff(engineFew.result, nx.values).toExponential(1)]);
    rows.push([`networkx, k = ${k} extrapolated (× ${k}/${few})`, k, fmt((nx.seconds * k) / few, 0), "–", "–"]);
  } else rows.push(["networkx", few, "–", "–", nx.missing ?? ""]);
  printTable(["implementation", "pivots", "seconds", "peak RSS", "max relative difference to the engine"], rows);
  console.log("");
  printTable(["target", "measured", "goal", "met"], [
    [`betweenness at ${proj.nNodes.toLocaleString("en-US")} contributors, k = ${k}`, `${fmt(full.seconds, 1)} s`, "< 10 s", full.seconds < 10 ? "yes" : "no"],
    ...("values" in nx && nx.values ? [["vs networkx on the same pivots", `${(nx.seconds / engineFew.seconds).toFixed(0)}x faster`, "", ""]] : []),
  ]);
}
