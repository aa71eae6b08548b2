// The web app's connections for exports: COPY streams need a pg connection of their own (Prisma
// has no COPY), kept in a small pool on globalThis so development reloads reuse it.
import pg from "pg";
import { databaseUrlOrThrow } from "@/lib/env";
import { logger } from "@/lib/logger";

const root = globalThis as unknown as { understoryExportPool?: pg.Pool };

/** At most a few downloads stream at once; more wait for a connection, up to CONNECT_TIMEOUT_MS. */
const MAX_CONNECTIONS = 4;
const CONNECT_TIMEOUT_MS = 30_000;

export function getExportPool(): pg.Pool {
  if (!root.understoryExportPool) {
    const pool = new pg.Pool({ connectionString: databaseUrlOrThrow(), max: MAX_CONNECTIONS, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    // An idle connection the server closes must not crash the process.
    pool.on("error", (err) => logger.warn({ err }, "exports: idle database connection failed"));
    root.understoryExportPool = pool;
  }
  return root.understoryExportPool;
}
