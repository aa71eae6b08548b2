// "The database is down" (stopped, restarting, unreachable, or it dropped our connection) is not a
// bug in the request: the API answers 503 with a clear message and a Retry-After instead of a 500,
// and the pool reconnects by itself once PostgreSQL is back (lib/db.ts opens connections lazily).
// Recognised from Prisma's driver-adapter errors and from raw `pg` errors alike.

/** Prisma's codes for an unreachable server, a timed-out connection and a closed one. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
/** Driver-adapter error kinds (Prisma 7 pg adapter) that mean "no usable connection". */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
/** SQLSTATEs: admin/crash shutdown, cannot connect now (starting up or shutting down), connection exceptions. */
const SQLSTATE = /^(57P0[1-3]|08\d\d\d)$/;
/** Node socket errors and pg's own message when the server hangs up. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
const MESSAGES = /Connection terminated|is not queryable|Can't reach database server|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)/i;

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable right now (it may be restarting): retry in a few seconds, with the same Idempotency-Key if you sent one.";
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DATABASE_BUSY_MESSAGE = "The server is too busy to take this request right now (no database connection was free in time): nothing was written; retry in a moment.";

/**
 * Overload, not outage: no pooled connection came free in time (P2024), or a transaction could not
 * start in time (P2028 "Unable to start a transaction"). Nothing was written, so a retry is safe.
 */
export function isDatabaseBusy(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (!err || typeof err !== "object") return false;
  if (err.code === "P2024") return true;
  return err.code === "P2028" && typeof err.message === "string" && /Unable to start a transaction in the given time/i.test(err.message);
}

export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 4) return false;
  const err = e as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  if (typeof err.code === "string" && (PRISMA_CODES.has(err.code) || SQLSTATE.test(err.code) || SOCKET_CODES.has(err.code))) return true;
  if (typeof err.kind === "string" && ADAPTER_KINDS.has(err.kind)) return true;
  if (typeof err.message === "string" && MESSAGES.test(err.message)) return true;
  return isDatabaseUnavailable(err.meta?.driverAdapterError?.cause, depth + 1) || isDatabaseUnavailable(err.cause, depth + 1);
}
