// Runs once when the Next.js server starts. In development it logs, at debug level, how many
// queries each request ran and how long they took (lib/db/query-stats.ts): LOG_LEVEL=debug npm run dev.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "development") return;
  const [{ countQueriesPerRequest }, { logger }] = await Promise.all([import("@/lib/db/query-stats"), import("@/lib/logger")]);
  countQueriesPerRequest((fields) => logger.debug(fields, "request queries"));
}
