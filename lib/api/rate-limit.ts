// Per-token rate limiting with token buckets: each API token owns a bucket of `burst` requests that
// refills continuously at `perMinute`. Buckets live in this process's memory: with several web
// processes each enforces the limit on its own share of the traffic (documented in docs/api.md).
import { env } from "@/lib/env";

export type TakeResult = { ok: true; remaining: number; limit: number } | { ok: false; retryAfterSeconds: number; limit: number };

/** Beyond this many buckets, full ones (idle long enough to refill) are dropped. */
const MAX_BUCKETS = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();
  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` requests at once (a batch costs one per item); `cost` above the burst never fits. */
  take(key: number, cost = 1): TakeResult {
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, b.tokens + (now - b.at) * perMs);
    if (tokens < cost) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / perMs / 1000)), limit: this.burst };
    }
    if (!this.buckets.has(key) && this.buckets.size >= MAX_BUCKETS) this.prune(now, perMs);
    this.buckets.set(key, { tokens: tokens - cost, at: now });
    return { ok: true, remaining: Math.floor(tokens - cost), limit: this.burst };
  }

  get burstSize(): number {
    return this.burst;
  }

  private prune(now: number, perMs: number) {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * perMs >= this.burst) this.buckets.delete(key);
  }
}

let shared: TokenBuckets | null = null;

export function apiRateLimiter(): TokenBuckets {
  shared ??= new TokenBuckets(env().API_RATE_LIMIT_BURST, env().API_RATE_LIMIT_PER_MINUTE);
  return shared;
}
