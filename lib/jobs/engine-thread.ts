// One engine thread (see engine-threads.ts): receives the prepared graph once, then one scope at a
// time, and posts each result back; the parent hands out the next scope to whichever thread is free.
import { parentPort } from "node:worker_threads";
import type { Graph } from "@/lib/metrics/graph";
import type { ScopeResults } from "@/lib/metrics/results";
import type { ScopeTask } from "@/lib/metrics/run-engine";
import { computeScope } from "@/lib/metrics/run-scope";
import { MapMemo, type MemoDelta } from "@/lib/metrics/memo";

/** The graph comes once with the memo entries of earlier runs (null: a run without the memo). */
export type ThreadRequest = { kind: "graph"; graph: Graph; memo: Map<string, Uint8Array> | null } | { kind: "scope"; index: number; task: ScopeTask } | { kind: "stop" };

export type ThreadReply =
  | { kind: "ready" }
  | { kind: "scope"; index: number; result: ScopeResults; memo: MemoDelta | null }
  | { kind: "error"; index: number; message: string };

/**
 * The buffers of a scope's contributor-period columns (its largest part, millions of rows): they
 * are transferred to the parent rather than copied, so they never exist twice. They are built
 * fresh for each scope; nothing else (the graph, the link-scope caches) is ever transferred.
 */
export function resultBuffers(result: ScopeResults): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  for (const unit of result.units) {
    for (const column of Object.values(unit.contributorPeriods)) {
      if (ArrayBuffer.isView(column) && column.buffer instanceof ArrayBuffer && column.buffer.byteLength > 0) found.add(column.buffer);
    }
  }
  return [...found];
}

const port = parentPort;
let graph: Graph | null = null;
let memo: MapMemo | null = null;
port?.on("message", (m: ThreadRequest) => {
  if (m.kind === "graph") {
    graph = m.graph;
    memo = m.memo ? new MapMemo(m.memo) : null;
    port.postMessage({ kind: "ready" } satisfies ThreadReply);
  } else if (m.kind === "scope") {
    try {
      const result = computeScope(graph!, m.task.spec, memo ?? undefined);
      const delta = memo?.take() ?? null;
      const reply: ThreadReply = { kind: "scope", index: m.index, result, memo: delta };
      port.postMessage(reply, resultBuffers(result));
    } catch (error) {
      port.postMessage({ kind: "error", index: m.index, message: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies ThreadReply);
    }
  } else {
    port.close();
  }
});
