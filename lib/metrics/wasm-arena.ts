// Shared plumbing of the engine's WebAssembly kernels (*.wat beside this file, bytes embedded by
// `npm run build:wasm`): compile once, then give each graph its own memory sized to fit, carved into
// typed-array views. Pure: no file reads, and a null result (no WebAssembly, or more than 4 GiB)
// sends callers to their plain JS loop, which computes the same bits.

const PAGE_BYTES = 65536;
/** one page under 4 GiB, so the kernels' i32 byte offsets never wrap */
const MAX_PAGES = 65535;

export type ArrayKind = "f64" | "i32" | "u8";
export type ArraySpec = Record<string, [ArrayKind, number]>;
type Views<S extends ArraySpec> = { [K in keyof S]: S[K][0] extends "f64" ? Float64Array : S[K][0] extends "i32" ? Int32Array : Uint8Array };

const cache = new Map<string, WebAssembly.Module | null>();

/** The compiled module of a kernel's base64 bytes, or null where WebAssembly cannot run. */
export function kernelModule(base64: string): WebAssembly.Module | null {
  let mod = cache.get(base64);
  if (mod === undefined) {
    try {
      mod = new WebAssembly.Module(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    } catch {
      mod = null;
    }
    cache.set(base64, mod);
  }
  return mod;
}

const SIZE: Record<ArrayKind, number> = { f64: 8, i32: 4, u8: 1 };

/**
 * A fresh instance of `mod` with its own memory holding the arrays of `spec` (f64 first, then i32,
 * then u8, so each is aligned to its element size); null when it would not fit.
 */
export function createArena<S extends ArraySpec>(mod: WebAssembly.Module | null, spec: S): { views: Views<S>; exports: WebAssembly.Exports } | null {
  if (mod === null) return null;
  const keys = (["f64", "i32", "u8"] as const).flatMap((kind) => Object.keys(spec).filter((k) => spec[k][0] === kind));
  let bytes = 0;
  for (const k of keys) bytes += SIZE[spec[k][0]] * spec[k][1];
  const pages = Math.max(1, Math.ceil(bytes / PAGE_BYTES));
  if (pages > MAX_PAGES) return null;
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  } catch {
    return null;
  }
  const instance = new WebAssembly.Instance(mod, { env: { memory } });
  const views: Record<string, Float64Array | Int32Array | Uint8Array> = {};
  let at = 0;
  for (const k of keys) {
    const [kind, len] = spec[k];
    views[k] = kind === "f64" ? new Float64Array(memory.buffer, at, len) : kind === "i32" ? new Int32Array(memory.buffer, at, len) : new Uint8Array(memory.buffer, at, len);
    at += SIZE[kind] * len;
  }
  return { views: views as Views<S>, exports: instance.exports };
}
