// The inner loop of personalized PageRank (pagerank.ts), twice: a WebAssembly kernel
// (pagerank-kernel.wat, about 1.0-1.3x a C loop) and the plain typed-array loop it replaces (3-4x),
// kept as the fallback where WebAssembly is unavailable or the graph exceeds 4 GiB, and as the
// reference the kernel must match bit for bit (same operations in the same order).
//
// Zero copy: the kernel reads its arrays from its own linear memory, so buildPageRankGraph fills
// views of an arena (createPageRankArena) instead of JS arrays, and the graph is never held twice.

import { PAGERANK_KERNEL_WASM } from "./pagerank-kernel-wasm";

const PAGE_BYTES = 65536;
/** one page under 4 GiB, so the kernel's i32 byte offsets never wrap */
const MAX_PAGES = 65535;

export interface PowerIterationInput {
  n: number;
  inStart: Int32Array;
  inSrc: Int32Array;
  inProb: Float64Array;
  dangling: Int32Array;
  seed: Float64Array;
}

export interface PowerIterationResult {
  score: Float64Array;
  iterations: number;
  delta: number;
}

type IterateFn = (
  n: number, inStart: number, inSrc: number, inProb: number, seed: number, dangling: number, nDangling: number,
  x: number, next: number, alpha: number, tol: number, maxIter: number,
) => number;

/** Typed-array views of one graph inside a kernel instance's memory, with the byte offsets. */
export interface PageRankArena {
  memory: WebAssembly.Memory;
  inStart: Int32Array;
  inSrc: Int32Array;
  inProb: Float64Array;
  dangling: Int32Array;
  seed: Float64Array;
  x: Float64Array;
  next: Float64Array;
  iterate: IterateFn;
  exports: WebAssembly.Exports;
}

let compiled: WebAssembly.Module | null | undefined;

function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Uint8Array.from(atob(PAGERANK_KERNEL_WASM), (c) => c.charCodeAt(0)));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** An arena for n nodes, m in-edges and nDangling dangling nodes; null when the kernel cannot run. */
export function createPageRankArena(n: number, m: number, nDangling: number): PageRankArena | null {
  const mod = kernelModule();
  if (mod === null) return null;
  // f64 arrays first, so every array is aligned to its element size.
  const f64 = 8 * (3 * n + m);
  const bytes = f64 + 4 * (n + 1 + m + nDangling);
  const pages = Math.max(1, Math.ceil(bytes / PAGE_BYTES));
  if (pages > MAX_PAGES) return null;
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  } catch {
    return null;
  }
  const instance = new WebAssembly.Instance(mod, { env: { memory } });
  const buf = memory.buffer;
  let at = 0;
  const f = (len: number) => new Float64Array(buf, (at += 8 * len) - 8 * len, len);
  const i = (len: number) => new Int32Array(buf, (at += 4 * len) - 4 * len, len);
  const x = f(n), next = f(n), seed = f(n), inProb = f(m);
  const inStart = i(n + 1), inSrc = i(m), dangling = i(nDangling);
  return { memory, inStart, inSrc, inProb, dangling, seed, x, next, iterate: instance.exports.iterate as IterateFn, exports: instance.exports };
}

/** True when every array of `g` is still the arena's own view (so the kernel reads the same data). */
export function isArenaOf(arena: PageRankArena, g: PowerIterationInput): boolean {
  return arena.inStart === g.inStart && arena.inSrc === g.inSrc && arena.inProb === g.inProb
    && arena.dangling === g.dangling && arena.seed === g.seed;
}

/** π ← (1 − α)·(Pᵀπ + (Σ dangling π)·s) + α·s from π = s, in the kernel. */
export function iterateWasm(arena: PageRankArena, alpha: number, tolerance: number, maxIterations: number): PowerIterationResult {
  const { x, next, seed, inStart, inSrc, inProb, dangling } = arena;
  x.set(seed);
  const iterations = arena.iterate(
    x.length, inStart.byteOffset, inSrc.byteOffset, inProb.byteOffset, seed.byteOffset, dangling.byteOffset, dangling.length,
    x.byteOffset, next.byteOffset, alpha, tolerance, maxIterations,
  );
  const result = (arena.exports.result as WebAssembly.Global).value as number;
  const delta = (arena.exports.delta as WebAssembly.Global).value as number;
  // A copy, so the result does not keep the whole arena alive.
  const score = (result === x.byteOffset ? x : next).slice();
  return { score, iterations, delta };
}

/** The same iteration in plain typed-array JS. */
export function iterateJs(g: PowerIterationInput, alpha: number, tolerance: number, maxIterations: number): PowerIterationResult {
  const { n, inStart, inSrc, inProb, dangling, seed } = g;
  let x = Float64Array.from(seed);
  let next = new Float64Array(n);
  const damp = 1 - alpha;
  let delta = Infinity;
  let iterations = 0;
  while (iterations < maxIterations) {
    let dm = 0;
    for (let d = 0; d < dangling.length; d++) dm += x[dangling[d]];
    // Mass sent to the seed: the teleport share plus everything dangling nodes hold.
    const toSeed = alpha + damp * dm;
    let err = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let k = inStart[v], end = inStart[v + 1]; k < end; k++) sum += inProb[k] * x[inSrc[k]];
      const y = damp * sum + toSeed * seed[v];
      err += Math.abs(y - x[v]);
      next[v] = y;
    }
    const t = x;
    x = next;
    next = t;
    iterations++;
    delta = err;
    if (err < tolerance) break;
  }
  return { score: x, iterations, delta };
}
