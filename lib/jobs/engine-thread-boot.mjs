// Worker-thread entry of engine-threads.ts. Worker threads do not inherit the TypeScript loader
// the job runs under (tsx), so the thread registers it before importing the real entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
