// Growable typed arrays: the plan's sizes are known only once it is generated, and doubling keeps
// the copies amortized O(1) per entry.
type Typed = Float64Array | Int32Array | Int8Array | Uint8Array | Uint16Array;

export function grow<T extends Typed>(a: T, need: number): T {
  if (need <= a.length) return a;
  const Ctor = a.constructor as new (length: number) => T;
  const b = new Ctor(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}
