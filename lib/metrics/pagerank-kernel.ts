// The solver of personalized PageRank (pagerank.ts). The stationary distribution π of the walk
// (teleport α to s, dangling nodes to s) satisfies π = δ·Pᵀπ + (α + δ·Σ_dangling π)·s with
// δ = 1 − α; the bracket is one scalar, so π is the solution x of x = δ·Pᵀx + s scaled to sum 1.
// That linear system is solved by Gauss-Seidel: sweeps that update x in place, each node reading
// its in-neighbours' newest values. Sweeping the contributions from newest to oldest follows the
// links (newer builds on older), so one sweep carries mass down whole chains of links, and the
// solve needs about half the sweeps power iteration needs (57 against 116 at benchmark size). As a
// regular splitting of the M-matrix I − δPᵀ, Gauss-Seidel converges in any order.
//
// Stopping rule, METRICS.md's: the L1 change one power-iteration step would make at the result is
// below `tolerance` (checked literally once the sweeps' own change says it is near, see solve), or
// `maxIterations` sweeps ran.
//
// The sweep runs in a WebAssembly kernel (pagerank-kernel.wat, about the speed of a C loop) or, where
// WebAssembly is unavailable or the graph exceeds 4 GiB, in plain typed-array JS (3-4x slower); both
// do the same operations in the same order, so they give identical bits. Zero copy: the kernel reads
// its arrays from its own linear memory, so buildPageRankGraph fills views of an arena
// (createPageRankArena) instead of JS arrays, and the graph is never held twice.

import { PAGERANK_KERNEL_WASM } from "./pagerank-kernel-wasm";
import { createArena, kernelModule } from "./wasm-arena";
/** Nodes per kernel call: small enough that V8's optimised code takes over within the first sweep. */
const SWEEP_NODES = 65536;

/** The combined graph of pagerank.ts as a pull (in-edge) CSR with transition probabilities. */
export interface PageRankGraph {
  n: number;
  /** in-edges of node v: inSrc[inStart[v] .. inStart[v + 1]) with probability inProb[...] */
  inStart: Int32Array;
  inSrc: Int32Array;
  inProb: Float64Array;
  /** nodes without out-weight */
  dangling: Int32Array;
  /** teleport distribution, sums to 1 (all zeros when nothing is minted) */
  seed: Float64Array;
  /** sweep order: nodes below this index from high to low (contributions), then the rest upwards */
  descendingBelow?: number;
  /** the kernel memory the arrays above live in, when WebAssembly can run */
  arena?: PageRankArena | null;
}

export interface SolveResult {
  /** π, sums to 1 */
  score: Float64Array;
  /** sweeps run */
  iterations: number;
  /** ‖P(π) − π‖₁, the L1 change one power-iteration step would make at the result */
  delta: number;
  converged: boolean;
}

interface KernelExports {
  sweep(v0: number, v1: number, down: number, inStart: number, inSrc: number, inProb: number, seed: number, x: number, damp: number, err: number): number;
  residual(v0: number, v1: number, inStart: number, inSrc: number, inProb: number, seed: number, x: number, damp: number, c: number, err: number): number;
  total(x: number, n: number): number;
}

/**
 * Typed-array views of one graph inside a kernel instance's memory. A solve returns its score as a
 * view of x (no copy: a copy would be the largest allocation after the graph itself), so a later
 * solve on the same arena runs on a clone and leaves that view intact.
 */
export interface PageRankArena {
  inStart: Int32Array;
  inSrc: Int32Array;
  inProb: Float64Array;
  seed: Float64Array;
  x: Float64Array;
  kernel: KernelExports;
  /** a solve has handed out x */
  issued: boolean;
}

/** An arena for n nodes and m in-edges; null when the kernel cannot run. */
export function createPageRankArena(n: number, m: number): PageRankArena | null {
  const arena = createArena(kernelModule(PAGERANK_KERNEL_WASM), {
    x: ["f64", n], seed: ["f64", n], inProb: ["f64", m], inStart: ["i32", n + 1], inSrc: ["i32", m],
  });
  if (arena === null) return null;
  return { ...arena.views, kernel: arena.exports as unknown as KernelExports, issued: false };
}

function cloneArena(a: PageRankArena): PageRankArena {
  const c = createPageRankArena(a.seed.length, a.inSrc.length);
  if (c === null) throw new Error("unreachable: the arena being cloned fits");
  c.inStart.set(a.inStart);
  c.inSrc.set(a.inSrc);
  c.inProb.set(a.inProb);
  c.seed.set(a.seed);
  return c;
}

/** True when the arrays of `g` are still the arena's own views (so the kernel reads the same data). */
export function isArenaOf(arena: PageRankArena, g: PageRankGraph): boolean {
  return arena.inStart === g.inStart && arena.inSrc === g.inSrc && arena.inProb === g.inProb && arena.seed === g.seed;
}

/** One solver's primitives over its own arrays (kernel or JS), identical in arithmetic. */
interface Ops {
  x: Float64Array;
  seed: Float64Array;
  dangling: Int32Array;
  /** Gauss-Seidel update of v0 .. v1−1 (downwards if `down`), returns err + Σ|Δx| */
  sweep(v0: number, v1: number, down: boolean, err: number): number;
  /** err + Σ over v0 .. v1−1 of |δ·(Pᵀx)_v + c·s_v − x_v| */
  residual(v0: number, v1: number, c: number, err: number): number;
  total(): number;
}

/**
 * The shared solve loop. Sweeps run until the sweep's own change, and the distance to the fixed
 * point it implies at the observed contraction rate r (δ·r/(1 − r)), are below tolerance; then the
 * rule of METRICS.md is checked literally: the L1 change one power-iteration step would make at the
 * scaled iterate π must be below tolerance too, else sweeping goes on. `delta` reports that change,
 * so a converged result passes exactly the test a power-iteration result passes.
 */
function solve(ops: Ops, split: number, alpha: number, tolerance: number, maxIterations: number): SolveResult {
  const { x, seed, dangling } = ops;
  const n = x.length;
  const damp = 1 - alpha;
  const eachChunk = (f: (v0: number, v1: number, err: number) => number) => {
    let err = 0;
    for (let v0 = 0; v0 < n; v0 += SWEEP_NODES) err = f(v0, Math.min(n, v0 + SWEEP_NODES), err);
    return err;
  };
  /** ‖P(π) − π‖₁ for π = x / sum, P the power-iteration step */
  const powerStepChange = (sum: number) => {
    let held = 0;
    for (let d = 0; d < dangling.length; d++) held += x[dangling[d]];
    const c = alpha * sum + damp * held;
    return eachChunk((v0, v1, err) => ops.residual(v0, v1, c, err)) / sum;
  };
  x.set(seed);
  let change = Infinity;
  let delta = Infinity;
  let iterations = 0;
  let sum = 1;
  while (iterations < maxIterations) {
    let err = 0;
    for (let v1 = split; v1 > 0; v1 -= SWEEP_NODES) err = ops.sweep(Math.max(0, v1 - SWEEP_NODES), v1, true, err);
    for (let v0 = split; v0 < n; v0 += SWEEP_NODES) err = ops.sweep(v0, Math.min(n, v0 + SWEEP_NODES), false, err);
    sum = ops.total();
    iterations++;
    const r = err / sum / change;
    change = err / sum;
    if (change === 0 || (change < tolerance && r < 1 && change * Math.max(1, r / (1 - r)) < tolerance)) {
      delta = powerStepChange(sum);
      if (delta < tolerance) break;
    }
  }
  if (!(delta < tolerance)) delta = powerStepChange(sum);
  for (let v = 0; v < n; v++) x[v] /= sum;
  return { score: x, iterations, delta, converged: delta < tolerance };
}

/** Gauss-Seidel on x = (1 − α)·Pᵀx + s in the kernel; the score is a view into the arena. */
export function iterateWasm(owner: PageRankArena, g: PageRankGraph, alpha: number, tolerance: number, maxIterations: number): SolveResult {
  const a = owner.issued ? cloneArena(owner) : owner;
  a.issued = true;
  const { kernel, x } = a;
  const at = [a.inStart.byteOffset, a.inSrc.byteOffset, a.inProb.byteOffset, a.seed.byteOffset, x.byteOffset] as const;
  const damp = 1 - alpha;
  return solve({
    x, seed: a.seed, dangling: g.dangling,
    sweep: (v0, v1, down, err) => kernel.sweep(v0, v1, down ? 1 : 0, ...at, damp, err),
    residual: (v0, v1, c, err) => kernel.residual(v0, v1, ...at, damp, c, err),
    total: () => kernel.total(x.byteOffset, x.length),
  }, splitOf(g), alpha, tolerance, maxIterations);
}

/** The same solve in plain typed-array JS. */
export function iterateJs(g: PageRankGraph, alpha: number, tolerance: number, maxIterations: number): SolveResult {
  const { n, inStart, inSrc, inProb, seed } = g;
  const x = new Float64Array(n);
  const damp = 1 - alpha;
  const gather = (v: number) => {
    let sum = 0;
    for (let k = inStart[v], end = inStart[v + 1]; k < end; k++) sum += inProb[k] * x[inSrc[k]];
    return sum;
  };
  const update = (v: number, err: number) => {
    const y = damp * gather(v) + seed[v];
    const e = err + Math.abs(y - x[v]);
    x[v] = y;
    return e;
  };
  return solve({
    x, seed, dangling: g.dangling,
    sweep: (v0, v1, down, err) => {
      if (down) for (let v = v1 - 1; v >= v0; v--) err = update(v, err);
      else for (let v = v0; v < v1; v++) err = update(v, err);
      return err;
    },
    residual: (v0, v1, c, err) => {
      for (let v = v0; v < v1; v++) err += Math.abs(damp * gather(v) + c * seed[v] - x[v]);
      return err;
    },
    total: () => {
      let s = 0;
      for (let v = 0; v < n; v++) s += x[v];
      return s;
    },
  }, splitOf(g), alpha, tolerance, maxIterations);
}

function splitOf(g: PageRankGraph): number {
  return Math.min(g.n, Math.max(0, g.descendingBelow ?? 0));
}

/**
 * π of the walk on `pg`: Gauss-Seidel sweeps until the scaled L1 change and the estimated error are
 * below `tolerance` or `maxIterations` sweeps ran, in the WebAssembly kernel when the graph lives in an arena, else in JS.
 */
export function iteratePageRank(pg: PageRankGraph, alpha: number, tolerance: number, maxIterations: number) {
  let seeded = false;
  for (let v = 0; v < pg.n && !seeded; v++) seeded = pg.seed[v] > 0;
  if (!seeded) return { score: Float64Array.from(pg.seed), iterations: 0, converged: true, delta: 0 };
  return pg.arena && isArenaOf(pg.arena, pg)
    ? iterateWasm(pg.arena, pg, alpha, tolerance, maxIterations)
    : iterateJs(pg, alpha, tolerance, maxIterations);
}
