// npm start: the whole app on one machine with nothing to install. Starts the embedded PostgreSQL
// (or uses DATABASE_URL), applies migrations, loads the demo community on first run, builds when
// the sources changed, serves on PORT (3000), and stops everything cleanly on Ctrl-C.
// `npm run dev` does the same with `next dev`.
import { startEmbeddedServer, type EmbeddedServer } from "../lib/db/embedded-server";
import { applyMigrations } from "../lib/db/migrate";
import { ensureAuthSecret } from "./lib/local-env";
import { isBuildCurrent, markBuilt } from "./lib/build-fingerprint";
import { NEXT_BIN, runNode, waitFor } from "./lib/children";
import { EMBEDDED_DATA_DIR, EMBEDDED_DATABASE } from "./lib/with-database";
import { DEMO_ACCOUNTS, seedDemoIfEmpty } from "./lib/first-run";
import { recomputeIfNoResults } from "./lib/first-recompute";
import { startRecomputeWorker, type RecomputeWorker } from "../lib/jobs/recompute-worker";

const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

ensureAuthSecret();
let embedded: EmbeddedServer | null = null;
if (!process.env.DATABASE_URL) {
  embedded = await startEmbeddedServer({ dataDir: EMBEDDED_DATA_DIR }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
  await embedded.createDatabase(EMBEDDED_DATABASE);
  process.env.DATABASE_URL = embedded.urlFor(EMBEDDED_DATABASE);
  console.log(`Embedded PostgreSQL running on 127.0.0.1:${embedded.port} (data in ${EMBEDDED_DATA_DIR})`);
} else {
  console.log("Using the database at DATABASE_URL");
}

let stopping = false;
let worker: RecomputeWorker | null = null;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await worker?.stop();
  if (embedded) {
    await embedded.stop().catch(() => {});
    console.log("Embedded PostgreSQL stopped.");
  }
  process.exit(code);
}

try {
  const applied = await applyMigrations(process.env.DATABASE_URL);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const seeded = await seedDemoIfEmpty(process.env.DATABASE_URL);
  if (seeded) console.log(seeded);
  await recomputeIfNoResults(process.env.DATABASE_URL);
  if (!isDev && !isBuildCurrent()) {
    console.log("Building the app (first run or sources changed)…");
    const code = await waitFor(runNode([NEXT_BIN, "build"]));
    if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
    markBuilt();
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  await shutdown(1);
}

// The recompute worker runs in this process, beside the web server it supervises.
worker = startRecomputeWorker(process.env.DATABASE_URL!, {
  info: (m) => console.log(m),
  error: (m) => console.error(m),
});
const server = runNode([NEXT_BIN, isDev ? "dev" : "start", "-p", String(port), "-H", host]);
const url = `http://${host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host}:${port}`;
setTimeout(() => {
  if (stopping) return;
  console.log(`\nUnderstory is running at ${url}\nDemo accounts (password: ${DEMO_ACCOUNTS.password}):`);
  for (const a of DEMO_ACCOUNTS.accounts) console.log(`  ${a.role.padEnd(12)} ${a.email}`);
  console.log("Press Ctrl-C to stop.\n");
}, 1500);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.kill(signal);
  });
}
const code = await waitFor(server);
await shutdown(stopping ? 0 : code);
