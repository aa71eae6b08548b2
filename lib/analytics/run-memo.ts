// Per-run memo of what the dashboards prepare from stored results. A run's results never change
// once it succeeded, so (run, what, filters) is a correct key: a new run makes new keys and old
// entries age out of the LRU. Bounded by an estimate of bytes (the JSON length of the value, taken
// once when it is stored). Callers check the session, role and scope first, put the scope in the
// key, and must not mutate what they get back (it is shared between requests).

import { ByteLru } from "@/lib/cache/byte-lru";

const MAX_BYTES = 96 * 1024 * 1024;
const memo = new ByteLru<unknown>(MAX_BYTES, (key, value) => 2 * (key.length + (JSON.stringify(value)?.length ?? 0)), MAX_BYTES / 4);
/** finishedAt of each run id seen: a restored backup may reuse an id with other results */
const seenRuns = new Map<number, number>();

/** Forgets everything when a run id comes back with another finish time (a restore). */
export function noteRun(run: { id: number; finishedAt: Date | null }): void {
  const at = run.finishedAt?.getTime() ?? 0;
  const seen = seenRuns.get(run.id);
  if (seen !== undefined && seen !== at) clearRunMemo();
  seenRuns.set(run.id, at);
}

export function clearRunMemo(): void {
  memo.clear();
  seenRuns.clear();
}

/** `compute()` once per key (concurrent callers share it); `key` must start with the run id. */
export function memoForRun<T>(runId: number, key: string, compute: () => Promise<T>): Promise<T> {
  return memo.getOrCompute(`${runId}|${key}`, compute) as Promise<T>;
}
