// Memo of the engine's expensive pure steps, carried from one run to the next: a windowed
// betweenness or a window's Louvain summary is looked up by a hash of its exact inputs, so a
// recompute repeats only the windows whose inputs changed (in practice the ones new writes touched)
// and reuses the rest. Keys hash every input byte, so a hit returns what the computation would
// return: the results are those of a full recompute (tests/integration/recompute-incremental.test.ts
// compares the two). lib/metrics stays pure: the job loads the entries and stores what a run added.
import { createHash } from "node:crypto";

/**
 * Bump when a memoized step's output changes for the same inputs (a fix in betweenness, Louvain, or
 * their encodings), so no entry written by older code is ever read.
 */
export const MEMO_VERSION = 1;

export interface EngineMemo {
  get(key: string): Uint8Array | undefined;
  set(key: string, value: Uint8Array): void;
}

/** What one scope's computation did with the memo: entries it added and every key it read or wrote. */
export interface MemoDelta {
  added: [string, Uint8Array][];
  used: string[];
  hits: number;
  misses: number;
}

/**
 * A memo over the entries earlier runs stored plus everything added since, recording what each
 * scope added and used (`take` returns that delta and starts the next).
 */
export class MapMemo implements EngineMemo {
  private readonly entries: Map<string, Uint8Array>;
  private added = new Map<string, Uint8Array>();
  private used = new Set<string>();
  private hits = 0;
  private misses = 0;

  constructor(known: ReadonlyMap<string, Uint8Array> = new Map()) {
    this.entries = new Map(known);
  }

  get(key: string): Uint8Array | undefined {
    const value = this.entries.get(key);
    if (value) {
      this.used.add(key);
      this.hits++;
    } else {
      this.misses++;
    }
    return value;
  }

  set(key: string, value: Uint8Array): void {
    this.entries.set(key, value);
    this.added.set(key, value);
    this.used.add(key);
  }

  /** The delta since the last take, then starts a new one. */
  take(): MemoDelta {
    const delta = { added: [...this.added], used: [...this.used], hits: this.hits, misses: this.misses };
    this.added = new Map();
    this.used = new Set();
    this.hits = this.misses = 0;
    return delta;
  }
}

/** The key of step `kind` on these inputs: scalars and the exact bytes of each array, lengths included. */
export function memoKey(kind: string, scalars: readonly (number | string | boolean)[], arrays: readonly ArrayBufferView[]): string {
  const h = createHash("sha256");
  h.update(JSON.stringify([MEMO_VERSION, kind, scalars, arrays.map((a) => a.byteLength)]));
  for (const a of arrays) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return `${kind}:${h.digest("base64url")}`;
}

/** The bytes of a Float64Array, copied (a memo entry must not alias a buffer the engine reuses). */
export function float64Bytes(values: Float64Array): Uint8Array {
  return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
}

export function bytesFloat64(bytes: Uint8Array): Float64Array {
  const copy = bytes.slice();
  return new Float64Array(copy.buffer, 0, copy.byteLength / 8);
}

export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

export function bytesJson<T>(bytes: Uint8Array): T {
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}
