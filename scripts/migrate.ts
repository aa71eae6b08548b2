// npm run db:migrate: applies pending migrations to DATABASE_URL or the embedded cluster.
import { applyMigrations } from "../lib/db/migrate";
import { withDatabase } from "./lib/with-database";

const applied = await withDatabase((url) => applyMigrations(url), { migrate: false });
console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
process.exit(0);
