// The web process's connections for imports: a running import holds one for its whole length
// (COPY and the advisory lock need a pg connection of their own), so the pool is small and apart
// from Prisma's, on globalThis so development reloads reuse it.
import pg from "pg";
import { databaseUrlOrThrow } from "@/lib/env";
import { logger } from "@/lib/logger";

const root = globalThis as unknown as { understoryImportPool?: pg.Pool };

/** imports running at once in one web process, plus one connection for the sweep */
const MAX_CONNECTIONS = 3;

export function getImportPool(): pg.Pool {
  if (!root.understoryImportPool) {
    const pool = new pg.Pool({ connectionString: databaseUrlOrThrow(), max: MAX_CONNECTIONS, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    pool.on("error", (err) => logger.warn({ err }, "imports: idle database connection failed"));
    root.understoryImportPool = pool;
  }
  return root.understoryImportPool;
}
