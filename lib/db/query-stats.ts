// Queries per request, in development only, to catch N+1 reads and slow pages while building them:
// every HTTP request the server takes gets a counter in AsyncLocalStorage (started from Node's own
// `http.server.request.start` diagnostics channel, so no route or page needs to opt in), Prisma's
// query events add to the counter of the request they ran for, and one debug line per request says
// how many statements it ran and how long they took. Nothing is installed in production.
import { AsyncLocalStorage } from "node:async_hooks";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface QueryStats {
  queries: number;
  ms: number;
}

// One store per process, on globalThis: Next.js bundles instrumentation.ts apart from the app, so
// each would otherwise get its own copy of this module and the counts would never meet.
const shared = globalThis as unknown as { understoryQueryStats?: { store: AsyncLocalStorage<QueryStats>; installed: boolean } };
shared.understoryQueryStats ??= { store: new AsyncLocalStorage<QueryStats>(), installed: false };
const requestStats = shared.understoryQueryStats.store;

/** Adds one finished statement to the current request's counter (nothing outside a request). */
export function countQuery(durationMs: number): void {
  const stats = requestStats.getStore();
  if (!stats) return;
  stats.queries++;
  stats.ms += durationMs;
}

/** Runs `f` with a counter of its own (what a request gets; tests and scripts can use it directly). */
export function withQueryStats<T>(f: () => T): { result: T; stats: QueryStats } {
  const stats = { queries: 0, ms: 0 };
  return { result: requestStats.run(stats, f), stats };
}

export type RequestQueryLog = (fields: { method?: string; url?: string; status: number; queries: number; queryMs: number; ms: number }) => void;

/** From now on every HTTP request this process serves is counted; `log` gets one line as it finishes. */
export function countQueriesPerRequest(log: RequestQueryLog): void {
  if (shared.understoryQueryStats!.installed) return;
  shared.understoryQueryStats!.installed = true;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const stats: QueryStats = { queries: 0, ms: 0 };
    const started = performance.now();
    // Node publishes this just before it emits "request", in the same synchronous step: the store
    // entered here is the one the request's handler and everything it awaits run with.
    requestStats.enterWith(stats);
    response.once("finish", () => log({
      method: request.method, url: request.url, status: response.statusCode,
      queries: stats.queries, queryMs: Math.round(stats.ms * 10) / 10, ms: Math.round(performance.now() - started),
    }));
  });
}
