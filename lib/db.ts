// One Prisma client on the pg adapter, kept on globalThis in development so hot reloads do not
// open a new pool each time.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrlOrThrow } from "@/lib/env";
import { countQuery } from "@/lib/db/query-stats";

const globalForPrisma = globalThis as unknown as { understoryPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: 10 });
  if (process.env.NODE_ENV !== "development") return new PrismaClient({ adapter });
  // Development: each statement's time goes to the request it ran for (lib/db/query-stats.ts).
  const client = new PrismaClient({ adapter, log: [{ level: "query", emit: "event" }] });
  client.$on("query", (e) => countQuery(e.duration));
  return client;
}

export function getPrisma(): PrismaClient {
  globalForPrisma.understoryPrisma ??= createPrismaClient(databaseUrlOrThrow());
  return globalForPrisma.understoryPrisma;
}

/** A lazily created client: importing this module never connects. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getPrisma() as unknown as Record<PropertyKey, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
