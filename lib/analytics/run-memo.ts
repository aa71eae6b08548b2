// Per-run memo of what the dashboards prepare from stored results. A run's results never change
// once it succeeded, so (run, what, filters) is a correct key: a new run makes new keys and old
// entries age out of the LRU. Bounded by an estimate of bytes (the JSON length of the value, taken
// once when it is stored). Callers check the session, role and scope first, put the scope in the
// key, and must not mutate what they get back (it is shared between requests).

interface Entry { value: unknown; bytes: number }

const MAX_BYTES = 96 * 1024 * 1024;
const entries = new Map<string, Entry>();
const inFlight = new Map<string, Promise<unknown>>();
let bytes = 0;
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
  entries.clear();
  seenRuns.clear();
  bytes = 0;
}

function store(key: string, value: unknown): void {
  const size = 2 * (key.length + (JSON.stringify(value)?.length ?? 0));
  if (size > MAX_BYTES / 4) return;
  entries.set(key, { value, bytes: size });
  bytes += size;
  for (const [k, e] of entries) {
    if (bytes <= MAX_BYTES) break;
    entries.delete(k);
    bytes -= e.bytes;
  }
}

/** `compute()` once per key (concurrent callers share it); `key` must start with the run id. */
export async function memoForRun<T>(runId: number, key: string, compute: () => Promise<T>): Promise<T> {
  const k = `${runId}|${key}`;
  const hit = entries.get(k);
  if (hit) {
    entries.delete(k);
    entries.set(k, hit);
    return hit.value as T;
  }
  let pending = inFlight.get(k) as Promise<T> | undefined;
  if (!pending) {
    pending = compute().then((v) => {
      store(k, v);
      return v;
    }).finally(() => inFlight.delete(k));
    inFlight.set(k, pending);
  }
  return pending;
}
