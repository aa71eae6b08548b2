// One load run with autocannon's programmatic API: `connections` clients hammer requests for
// `seconds`, and every response time is kept so that p50 / p95 / p99 are exact (autocannon's own
// summary has p97.5 but no p95). An error is anything but the expected status: a socket error, a
// timeout or a wrong status all count.
import autocannon from "autocannon";

export interface LoadFigures {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** autocannon requests (each a method, path, headers, body or setupRequest) cycled in order */
  requests?: autocannon.Request[];
  expectStatus?: number;
}

/** autocannon emits "response" as (client, statusCode, resBytes, responseTime); its typings omit the client. */
export function onResponse(instance: autocannon.Instance, f: (client: AutocannonClient, status: number, ms: number) => void): void {
  (instance as unknown as NodeJS.EventEmitter).on("response", (client: AutocannonClient, status: number, _bytes: number, ms: number) => f(client, status, ms));
}

/** The part of autocannon's per-connection client read here: which request of the sequence was answered. */
export interface AutocannonClient {
  requestIterator?: { currentRequest?: { path?: string } };
}

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runLoad(spec: LoadSpec): Promise<LoadFigures> {
  const times: number[] = [];
  let wrongStatus = 0;
  const expected = spec.expectStatus ?? 200;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: spec.url,
      connections: spec.connections,
      duration: spec.seconds,
      headers: spec.headers,
      requests: spec.requests,
      timeout: 10,
    }, (err, res) => (err ? reject(err) : resolve(res)));
    onResponse(instance, (_client, status, ms) => {
      times.push(ms);
      if (status !== expected) wrongStatus++;
    });
  });
  const sorted = Float64Array.from(times).sort();
  return {
    requests: times.length,
    perSecond: times.length / (result.duration || spec.seconds),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: wrongStatus + result.errors + result.timeouts,
  };
}

export const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
