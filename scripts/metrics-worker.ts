// npm run metrics:worker: a recompute worker on its own (DATABASE_URL required), for deployments
// that run the web tier and the workers as separate processes.
import { startRecomputeWorker } from "../lib/jobs/recompute-worker";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: a separate worker needs the database the app uses");
  process.exit(2);
}
const worker = startRecomputeWorker(url, { info: (m) => console.log(m), error: (m) => console.error(m) });
console.log("Recompute worker running; Ctrl-C stops it.");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void worker.stop().then(() => process.exit(0)));
}
