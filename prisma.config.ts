import path from "node:path";
import { defineConfig } from "prisma/config";

// Read process.env with a fallback: env() throws when DATABASE_URL is unset, which would break
// `npm install` (its postinstall runs `prisma generate`).
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/understory" },
});
