// An in-process LRU bounded by an estimate of bytes rather than by entries (one ecosystem answer
// is ~1 MB, a project's a few KB), with one computation per key for concurrent callers: 20 clients
// asking for the same new key share it. Used for stored-result reads keyed by run
// (lib/analytics/run-memo.ts) and the API's serialized answers (lib/api/response-cache.ts).

export class ByteLru<V> {
  /** Map keeps insertion order: the first entry is the least recently used. */
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private readonly inFlight = new Map<string, Promise<V>>();
  private bytes = 0;

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (key: string, value: V) => number,
    /** larger values are returned but not kept (one would evict most of the others) */
    private readonly maxEntryBytes = maxBytes,
  ) {}

  get(key: string): V | undefined {
    return this.touch(key)?.value;
  }

  /** The entry, made the most recently used. */
  private touch(key: string): { value: V; bytes: number } | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, value: V): void {
    const bytes = this.sizeOf(key, value);
    if (bytes > this.maxEntryBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  /** The value for `key`, computed once however many callers ask while it is being computed. */
  getOrCompute(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.touch(key); // a stored undefined is a hit too
    if (hit) return Promise.resolve(hit.value);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = compute()
        .then((value) => {
          this.set(key, value);
          return value;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
