// Brings a target database to exactly the backup's schema: the backup's migrations, no more, so
// its rows COPY into the columns they came from. Newer migrations of this code run after the rows
// are in, as any upgrade would (restore-backup.ts).
import { cp, mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, listMigrations, MIGRATIONS_DIR } from "../migrate";

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefusedError";
  }
}

export function knownMigrations(dir = MIGRATIONS_DIR): string[] {
  return listMigrations(dir).map((m) => m.path);
}

/** Refuses a backup made by newer code, and a target whose schema is ahead of the backup's. */
export function checkMigrations(backup: string[], target: string[], dir = MIGRATIONS_DIR): void {
  const known = new Set(knownMigrations(dir));
  const unknown = backup.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(
      `This backup was made by a newer version of Understory: this code does not know its migrations ${unknown.join(", ")}. Update the code, then restore.`,
    );
  }
  const inBackup = new Set(backup);
  const ahead = target.filter((m) => !inBackup.has(m));
  if (ahead.length > 0) {
    throw new RestoreRefusedError(
      `The target database has a newer schema than the backup (migrations ${ahead.join(", ")} are not in the backup). Restore into an empty database: the restore applies the backup's migrations, loads the rows, then applies the newer ones.`,
    );
  }
}

/** Applies exactly the named migrations (a subset of this code's), from a scratch copy of their folders. */
export async function applyMigrationsUpTo(connectionString: string, names: string[], dir = MIGRATIONS_DIR): Promise<string[]> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "understory-restore-"));
  try {
    for (const name of names) await cp(path.join(dir, name), path.join(scratch, name), { recursive: true });
    const lock = path.join(dir, "migration_lock.toml");
    if (existsSync(lock)) await cp(lock, path.join(scratch, "migration_lock.toml"));
    return await applyMigrations(connectionString, scratch);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
