// A seeded pseudo-random generator for the demo community. The generator must be reproducible
// from its seed alone (same seed, same rows, on every machine), so it never reads Math.random.
// sfc32 passes PractRand to 2^40+ bytes and costs a few integer ops per draw; splitmix32 spreads
// small, similar seeds (1, 2, 3 …) into unrelated states.

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A 32-bit hash of a few integers: seeds an independent stream per (seed, purpose, row). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) h = splitmix32(h ^ splitmix32(p | 0) ^ Math.floor(p / 0x1_0000_0000));
  return h;
}

/** mixSeed for exactly three 32-bit integers, without the rest-array: used once per link row. */
export function mix3(a: number, b: number, c: number): number {
  return splitmix32(splitmix32(splitmix32(a ^ 0x811c9dc5) ^ b) ^ c);
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seedParts: number[]) {
    const s = mixSeed(...seedParts);
    this.a = splitmix32(s);
    this.b = splitmix32(this.a);
    this.c = splitmix32(this.b);
    this.d = 1;
    // A few rounds so that the first outputs of neighbouring seeds are already decorrelated.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** uniform integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** uniform integer in [lo, hi] */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** index drawn with probability proportional to its weight */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Poisson draw; Knuth's product method below 30, a rounded normal above (never needed exact). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) {
      const z = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
    }
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}
