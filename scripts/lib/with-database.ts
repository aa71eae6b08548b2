// Runs a CLI step against DATABASE_URL when set, else against the embedded cluster in .data/
// (started for the step and stopped after it, unless the app already runs it).
import { applyMigrations } from "../../lib/db/migrate";
import { startEmbeddedServer } from "../../lib/db/embedded-server";

export const EMBEDDED_DATA_DIR = ".data/postgres";
export const EMBEDDED_DATABASE = "understory";

export async function withDatabase<T>(step: (url: string) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const external = process.env.DATABASE_URL;
  if (external) {
    if (opts.migrate !== false) await applyMigrations(external);
    return step(external);
  }
  const server = await startEmbeddedServer({ dataDir: EMBEDDED_DATA_DIR });
  try {
    await server.createDatabase(EMBEDDED_DATABASE);
    const url = server.urlFor(EMBEDDED_DATABASE);
    if (opts.migrate !== false) await applyMigrations(url);
    return await step(url);
  } finally {
    await server.stop();
  }
}
