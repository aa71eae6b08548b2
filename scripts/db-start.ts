// npm run db:start -- [--port N]: the embedded PostgreSQL alone (data in .data/postgres), migrated,
// until Ctrl-C. For running `next dev`, a worker or psql against the same database as `npm start`.
import { parseArgs } from "node:util";
import { startEmbeddedServer } from "../lib/db/embedded-server";
import { applyMigrations } from "../lib/db/migrate";
import { EMBEDDED_DATA_DIR, EMBEDDED_DATABASE } from "./lib/with-database";

const { values } = parseArgs({ options: { port: { type: "string" } }, strict: true });
const port = values.port ? Number(values.port) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error("usage: npm run db:start -- [--port 1..65535]");
  process.exit(2);
}
const server = await startEmbeddedServer({ dataDir: EMBEDDED_DATA_DIR, port });
await server.createDatabase(EMBEDDED_DATABASE);
const url = server.urlFor(EMBEDDED_DATABASE);
await applyMigrations(url);
// The URL holds the cluster's generated password: it is local to this machine and printed on purpose.
console.log(`Embedded PostgreSQL running on 127.0.0.1:${server.port}\nDATABASE_URL=${url}\nCtrl-C stops it.`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void server.stop().then(() => process.exit(0)));
}
setInterval(() => {}, 1 << 30);
