// Creates the next migration without a shadow database: diffs the committed snapshot of the schema
// at the last migration (prisma/migrations/schema.snapshot.prisma) against prisma/schema.prisma,
// writes prisma/migrations/<timestamp>_<name>/migration.sql and moves the snapshot forward.
// Usage: npm run db:migration:new -- <name>
// Hand-written SQL (check constraints, triggers) can be appended to the file before committing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffSchemas, MIGRATIONS_DIR } from "../lib/db/migrate";
import { withDatabase } from "./lib/with-database";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]{1,60}$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}
const schema = readFileSync(path.join("prisma", "schema.prisma"), "utf8");
const snapshotPath = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
const previous = existsSync(snapshotPath) ? readFileSync(snapshotPath, "utf8") : null;
const sql = await withDatabase((url) => diffSchemas(url, previous, schema), { migrate: false });
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log("The schema has not changed since the last migration: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
writeFileSync(snapshotPath, schema);
if (!existsSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"))) {
  writeFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
}
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
process.exit(0);
