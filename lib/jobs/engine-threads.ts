// The engine run of the recompute job, its scopes spread over worker threads (the machine's cores,
// two on the reference machine). lib/metrics stays single-threaded and pure: the graph is built and
// ring quarantine applied once (prepareEngine), then the threads share the graph (SharedArrayBuffers),
// take scopes from a shared queue (largest first), compute them with the same computeScope, and post
// each result back as it is done. Scopes are independent and deterministic, so the results equal
// runEngine's. The calling thread computes nothing and stays free to write finished scopes while
// the others compute.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { computeScope } from "@/lib/metrics/run-scope";
import type { EngineInput, EngineOutput, PreparedEngine, ScopeTask } from "@/lib/metrics/run-engine";
import type { ScopeResults } from "@/lib/metrics/results";
import { MapMemo, type MemoDelta } from "@/lib/metrics/memo";
import type { ThreadReply, ThreadRequest } from "./engine-thread";

/** The threads a run uses by default: every core, at most this many (scopes are few and uneven). */
const MAX_THREADS = 4;

export function defaultEngineThreads(): number {
  return Math.max(1, Math.min(MAX_THREADS, os.availableParallelism()));
}

/** Scope indices, largest first (by contribution count, a scope's cost grows with it), ties by index. */
export function largestFirst(costs: number[]): number[] {
  return costs.map((c, i) => [c, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, i]) => i);
}

/**
 * One worker thread working through the shared queue: after each scope it takes the next one, so
 * fast and slow scopes even out (scope costs are hard to predict: a small project's exact
 * betweenness windows can cost more than a large scope's sampled ones). Resolves when the queue is
 * empty or the thread failed; a failed thread's current scope goes back into `failed`.
 */
function drainInThread(graph: PreparedEngine["graph"], memo: Map<string, Uint8Array> | null, tasks: ScopeTask[], queue: number[], failed: number[], onStart: (i: number) => void, onResult: ScopeResultHandler): Promise<void> {
  return new Promise((resolve) => {
    let current = -1;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      if (current >= 0) failed.push(current);
      resolve();
      void worker.terminate();
    };
    const next = () => {
      current = queue.shift() ?? -1;
      if (current < 0) return finish();
      onStart(current);
      worker.postMessage({ kind: "scope", index: current, task: tasks[current] } satisfies ThreadRequest);
    };
    const worker = new Worker(new URL("./engine-thread-boot.mjs", import.meta.url), {
      workerData: { entry: new URL("./engine-thread.ts", import.meta.url).href },
    });
    worker.on("message", (m: ThreadReply) => {
      if (m.kind === "ready") next();
      else if (m.kind === "scope") {
        current = -1;
        onResult(m.index, m.result, m.memo);
        next();
      } else finish();
    });
    worker.on("error", finish);
    worker.on("exit", finish);
    worker.postMessage({ kind: "graph", graph, memo } satisfies ThreadRequest);
  });
}

/**
 * Moves every typed array of the graph onto SharedArrayBuffers, in place: the threads then read one
 * graph instead of a structured-clone copy each (about 110 MB per copy at 1M contributions and 3M
 * links). Nothing writes to the graph once it is prepared, so sharing needs no locks.
 */
export function shareGraph(graph: PreparedEngine["graph"]): void {
  const g = graph as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(g)) {
    if (!ArrayBuffer.isView(value) || value instanceof DataView || value.buffer instanceof SharedArrayBuffer) continue;
    const src = value as unknown as { constructor: new (b: SharedArrayBuffer) => ArrayBufferView & { set(a: ArrayLike<number>): void }; byteLength: number };
    const shared = new src.constructor(new SharedArrayBuffer(src.byteLength));
    shared.set(value as unknown as ArrayLike<number>);
    g[key] = shared;
  }
}

export interface ThreadedOptions {
  threads?: number;
  onScope?: EngineInput["onScope"];
  /** memo entries of earlier runs (lib/metrics/memo.ts); absent: every window is computed */
  memo?: Map<string, Uint8Array>;
}

/** A finished scope, with what it added to and used of the memo (null without a memo). */
export type ScopeResultHandler = (index: number, result: ScopeResults, memo: MemoDelta | null) => void;

/**
 * Computes every scope of `prepared` on `threads` worker threads and hands each result to
 * `onResult` as it arrives (in completion order). Scopes a thread could not deliver (it failed to
 * start, threw or died) are computed here afterwards; a scope that throws throws here too.
 */
export async function computeScopesThreaded(prepared: PreparedEngine, opts: ThreadedOptions, onResult: ScopeResultHandler): Promise<void> {
  const { graph, tasks } = prepared;
  const costs = tasks.map((t) => {
    let n = 0;
    for (let i = 0; i < graph.nC; i++) if (t.spec.project === null || graph.project[i] === t.spec.project) n++;
    return n;
  });
  let started = 0;
  const report = (index: number) => opts.onScope?.(tasks[index].scope, started++, tasks.length);
  const queue = largestFirst(costs);
  const failed: number[] = [];
  const threads = Math.min(tasks.length, opts.threads ?? defaultEngineThreads());
  const memo = opts.memo ?? null;
  if (threads > 0) shareGraph(graph);
  await Promise.all(Array.from({ length: threads }, () => drainInThread(graph, memo, tasks, queue, failed, report, onResult)));
  const local = memo ? new MapMemo(memo) : null;
  for (const i of [...failed, ...queue].sort((a, b) => a - b)) {
    report(i);
    const result = computeScope(graph, tasks[i].spec, local ?? undefined);
    onResult(i, result, local?.take() ?? null);
  }
}

/** runEngine's output, its scopes computed on worker threads. */
export async function runEngineThreaded(prepared: PreparedEngine, opts: ThreadedOptions = {}): Promise<EngineOutput> {
  const scopes: ScopeResults[] = new Array(prepared.tasks.length);
  await computeScopesThreaded(prepared, opts, (i, r) => (scopes[i] = r));
  return { graph: prepared.graph, rings: prepared.rings, quarantined: prepared.quarantined, scopes };
}
