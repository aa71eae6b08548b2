// `prisma generate` without the native schema engine. The Prisma CLI insists on a schema-engine
// binary and tries to download one from a host this machine cannot reach; generate never runs it,
// so a stub that exits 1 satisfies the check (STACK.md pitfall 1).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const stubDir = path.join("node_modules", ".cache", "understory");
const stub = path.resolve(stubDir, "schema-engine-stub");
if (!existsSync(stub)) {
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(stub, "#!/bin/sh\necho 'the native schema engine is not used here: see scripts/migrate.ts' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
}
const result = spawnSync(process.execPath, [path.join("node_modules", "prisma", "build", "index.js"), "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
