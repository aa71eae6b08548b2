// Applies prisma/migrations/*/migration.sql with Prisma's own schema engine compiled to
// WebAssembly, through the pg driver adapter (STACK.md pitfall 2): no native engine download.
// Migrations are recorded in the standard `_prisma_migrations` table with Prisma's checksums, so
// the regular `prisma migrate deploy` can take over on a machine that has the native engine.

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma", "migrations");

type WasmModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let wasmModule: Promise<WasmModule> | null = null;

/** Instantiates the wasm engine once per process; its JS glue expects a bundler, so we wire it by hand. */
function loadEngineModule(): Promise<WasmModule> {
  wasmModule ??= (async () => {
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as WasmModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const module = new WebAssembly.Module(readFileSync(wasmPath));
    const imports: WebAssembly.Imports = { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports };
    const instance = new WebAssembly.Instance(module, imports);
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return wasmModule;
}

type ScriptAdapter = { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never; executeScript(s: string): Promise<void> };

/**
 * The pg adapter runs a script by splitting it on ";" and sending each piece on its own, which
 * breaks function bodies and leaves a failed migration half-applied. We send the whole script as
 * one simple-protocol query instead: PostgreSQL runs a multi-statement query as one transaction.
 */
function wholeScriptFactory(connectionString: string, opened: { dispose(): Promise<void> }[]) {
  const base = new PrismaPg({ connectionString });
  const patch = <T>(adapter: T): T => {
    opened.push(adapter as unknown as { dispose(): Promise<void> });
    const a = adapter as unknown as ScriptAdapter;
    a.executeScript = async (script: string) => {
      try {
        await a.client.query(script);
      } catch (error) {
        a.onError(error);
      }
    };
    return adapter;
  };
  return bindMigrationAwareSqlAdapterFactory({
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => patch(await base.connect()),
    connectToShadowDb: async () => patch(await base.connectToShadowDb()),
  });
}

export function listMigrations(dir = MIGRATIONS_DIR) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") } },
    }));
}

function migrationList(dir: string) {
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: listMigrations(dir),
  };
}

/** Applies every pending migration; returns the names of those just applied. */
export async function applyMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { SchemaEngine } = await loadEngineModule();
  const opened: { dispose(): Promise<void> }[] = [];
  const engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, wholeScriptFactory(connectionString, opened));
  try {
    const out = await engine.applyMigrations({
      migrationsList: migrationList(dir),
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
    // Close the engine's pool so the process can exit and the database can serve as a template.
    await Promise.allSettled(opened.map((a) => a.dispose()));
  }
}

/**
 * SQL that turns the schema `fromSchema` (empty when null) into `toSchema`. The engine connects to
 * a database when it starts even for a pure schema-to-schema diff, so one must be reachable.
 */
export async function diffSchemas(connectionString: string, fromSchema: string | null, toSchema: string): Promise<string> {
  const { SchemaEngine } = await loadEngineModule();
  const opened: { dispose(): Promise<void> }[] = [];
  const engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, wholeScriptFactory(connectionString, opened));
  try {
    const target = (content: string) => ({ tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content }] });
    const result = await engine.diff({
      from: fromSchema === null ? { tag: "empty" } : target(fromSchema),
      to: target(toSchema),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((a) => a.dispose()));
  }
}
