// npm run bench:pagerank: personalized PageRank at bench size, the engine against a C CSR power
// iteration (compiled here with gcc -O3), scipy, igraph (PRPACK), networkx and graphology-metrics,
// all on the same exported graph, each in its own process, rounds interleaved so every solver sees
// the same machine. Reports time to solution, time per iteration, peak memory and, for every
// result, METRICS.md's test: the L1 change one power-iteration step makes at it.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildGraph, type Graph } from "@/lib/metrics/graph";
import { buildPageRankGraph } from "@/lib/metrics/pagerank";
import type { PageRankGraph } from "@/lib/metrics/pagerank-kernel";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { benchCommunity } from "./community";
import { writePageRankFile } from "./pagerank-file";
import { bestOf, fmt, printTable, ratio, section } from "./report";
import { findPython } from "./python";

const OUT = ".data/bench";
const here = path.dirname(fileURLToPath(import.meta.url));
const { alpha, tolerance, maxIterations } = DEFAULT_PARAMS.pagerank;

interface Solve {
  seconds: number;
  iterations: number | null;
  maxRssKb: number;
  setupSeconds?: number;
  endToEndSeconds?: number;
}

interface Solver {
  name: string;
  note: string;
  cmd: string[] | null;
  /** why it cannot run, when cmd is null */
  missing?: string;
  out: string;
  runs: Solve[];
}

function runJson(cmd: string[], timeoutMs: number): Solve {
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: "utf8", timeout: timeoutMs, maxBuffer: 16 << 20 });
  if (r.status !== 0) throw new Error(`${cmd.join(" ")} failed: ${r.error?.message ?? r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as Solve;
}

/** ‖P(π) − π‖₁ with P one power-iteration step: METRICS.md's stopping test, applied to any result. */
export function powerStepChange(pg: PageRankGraph, x: Float64Array): number {
  let held = 0;
  for (const d of pg.dangling) held += x[d];
  let change = 0;
  for (let v = 0; v < pg.n; v++) {
    let sum = 0;
    for (let k = pg.inStart[v]; k < pg.inStart[v + 1]; k++) sum += pg.inProb[k] * x[pg.inSrc[k]];
    change += Math.abs((1 - alpha) * sum + (alpha + (1 - alpha) * held) * pg.seed[v] - x[v]);
  }
  return change;
}

function l1(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let v = 0; v < a.length; v++) s += Math.abs(a[v] - b[v]);
  return s;
}

const GCC_HINT = "gcc not available: apt-get install -y gcc";

function compileC(): string | null {
  const bin = path.join(OUT, "pagerank-c");
  const r = spawnSync("gcc", ["-O3", "-o", bin, path.join(here, "pagerank.c"), "-lm"], { encoding: "utf8" });
  if (r.status === 0) return bin;
  console.log(`${GCC_HINT} (${r.error?.message ?? r.stderr.trim()}; carrying on without the C loop)`);
  return null;
}

/** The engine's solver bundled for plain node (no TypeScript loader in the measured process). */
function bundleWorker(): string {
  const out = path.join(OUT, "pagerank-worker.mjs");
  const esbuild = path.join("node_modules", ".bin", "esbuild");
  const r = spawnSync(esbuild, [path.join(here, "pagerank-worker.ts"), "--bundle", "--platform=node", "--format=esm", `--outfile=${out}`, "--alias:@=.", "--log-level=warning"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
  return out;
}

export interface PageRankBenchOptions {
  rounds: number;
  networkx: boolean;
  graphology: boolean;
  /** an already built engine graph of the bench community (else generated) */
  graph?: Graph;
}

export async function benchPageRank(opts: PageRankBenchOptions): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const g = opts.graph ?? buildGraph(benchCommunity());
  const build = bestOf(3, () => buildPageRankGraph(g, DEFAULT_PARAMS), 1);
  const pg = build.result;
  const file = path.join(OUT, "pagerank-graph.bin");
  writePageRankFile(file, pg);
  const nEdges = pg.inSrc.length;

  const args = [file, String(alpha), String(tolerance), String(maxIterations)];
  const worker = bundleWorker();
  const cBin = compileC();
  const py = findPython();
  const pyCmd = (lib: "scipy" | "igraph" | "networkx", out: string) => {
    const exe = py[lib];
    return exe ? [exe, path.join(here, "pagerank_py.py"), lib, ...args, out] : null;
  };
  const o = (name: string) => path.join(OUT, `pagerank-${name}.f64`);
  const solvers: Solver[] = [
    { name: "engine (WebAssembly)", note: "Gauss-Seidel sweeps, lib/metrics/pagerank-kernel.wat", cmd: [process.execPath, worker, "wasm", ...args, o("wasm")], out: o("wasm"), runs: [] },
    { name: "engine (plain JS fallback)", note: "the same sweeps in typed-array JS", cmd: [process.execPath, worker, "js", ...args, o("js")], out: o("js"), runs: [] },
    { name: "C, gcc -O3", note: "CSR power iteration, bench/pagerank.c", cmd: cBin ? [cBin, ...args, o("c")] : null, missing: GCC_HINT, out: o("c"), runs: [] },
    { name: "scipy", note: "sparse matrix power iteration", cmd: pyCmd("scipy", o("scipy")), missing: py.hint.scipy, out: o("scipy"), runs: [] },
    { name: "igraph", note: "PRPACK (its own solver and stopping rule, tol 1e-10)", cmd: pyCmd("igraph", o("igraph")), missing: py.hint.igraph, out: o("igraph"), runs: [] },
  ];
  for (let round = 0; round < opts.rounds; round++) {
    for (const s of solvers) if (s.cmd) s.runs.push(runJson(s.cmd, 900_000));
  }
  const once: Solver[] = [];
  if (opts.networkx) {
    const cmd = pyCmd("networkx", o("networkx"));
    once.push({ name: "networkx", note: "nx.pagerank (scipy inside), one run", cmd, missing: py.hint.networkx, out: o("networkx"), runs: [] });
  }
  if (opts.graphology) {
    const cmd = [process.execPath, "--max-old-space-size=16000", "--import", "tsx", path.join(here, "pagerank-graphology.ts"), file, String(alpha), String(tolerance), "1000"];
    once.push({ name: "graphology-metrics", note: "uniform teleport (no personalization), one run", cmd, out: "", runs: [] });
  }
  for (const s of once) {
    if (!s.cmd) continue;
    try {
      s.runs.push(runJson(s.cmd, 1_800_000));
    } catch (e) {
      s.missing = `failed or timed out: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`;
    }
  }

  const best = (s: Solver) => s.runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const all = [...solvers, ...once];
  const ran = solvers.filter((s) => s.runs.length > 0);
  const ours = best(solvers[0]);
  const c = solvers[2].runs.length ? best(solvers[2]) : null;
  const baselines = ran.filter((s) => ["C, gcc -O3", "scipy", "igraph"].includes(s.name));
  const fastest = baselines.length ? baselines.reduce((a, b) => (best(b).seconds < best(a).seconds ? b : a)) : null;
  const score = (s: Solver) => (s.out && s.runs.length ? new Float64Array(readFileSync(s.out).buffer.slice(0)) : null);
  const perIt = (s: Solve) => s.seconds / (s.iterations ?? 1);
  const oursScore = score(solvers[0])!;

  section(`Personalized PageRank, bench size: ${pg.n.toLocaleString("en-US")} nodes, ${nEdges.toLocaleString("en-US")} edges, to L1 change < ${tolerance}`);
  console.log(`best of ${opts.rounds} interleaved rounds; seconds = time to solution on the graph already in memory; per iteration = seconds / iterations (sweeps for the engine)\n`);
  const rows = all.map((s) => {
    if (!s.runs.length) return [s.name, s.note, "–", "–", "–", "–", "–", "–", s.missing ?? "not run"];
    const b = best(s);
    const x = score(s);
    const perIt = b.iterations ? b.seconds / b.iterations : null;
    return [
      s.name, s.note, fmt(b.seconds), b.iterations ?? "–", perIt ? (perIt * 1000).toFixed(1) + " ms" : "–",
      (b.maxRssKb / 1024).toFixed(0) + " MB", x ? powerStepChange(pg, x).toExponential(2) : "–",
      x ? l1(x, oursScore).toExponential(2) : "–", b.endToEndSeconds ? fmt(b.endToEndSeconds) + " s end to end" : "",
    ];
  });
  printTable(["solver", "method", "seconds", "iterations", "per iteration", "peak RSS", "‖P(π)−π‖₁", "L1 to engine", "note"], rows);

  const endToEnd = build.seconds + ours.seconds;
  const graphology = once.find((s) => s.name === "graphology-metrics" && s.runs.length);
  console.log("");
  const vs = (label: string, mine: number, theirs: number | null, goal: number) =>
    theirs === null ? [label, "–", `≤ ${goal}x`, "not measured"] : [label, ratio(mine, theirs), `≤ ${goal}x`, mine <= goal * theirs ? "yes" : "no"];
  printTable(["target", "measured", "goal", "met"], [
    vs(`time to solution vs best of C / scipy / igraph (${fastest?.name ?? "none ran"})`, ours.seconds, fastest ? best(fastest).seconds : null, 1.25),
    vs("time per iteration vs the C loop", perIt(ours), c ? perIt(c) : null, 1.3),
    vs("peak memory vs the C process", ours.maxRssKb, c ? c.maxRssKb : null, 1.5),
    ...(graphology ? [[
      `end to end vs graphology-metrics (engine: build ${fmt(build.seconds)} s + solve)`,
      `${(best(graphology).endToEndSeconds! / endToEnd).toFixed(0)}x faster`, "≥ 10x", best(graphology).endToEndSeconds! >= 10 * endToEnd ? "yes" : "no",
    ]] : []),
  ]);
}
