// Seeds a database with the demo community: generate (pure), hash the demo password once, load.
// Used by `npm run db:seed` and by the first start of the app.
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { BENCH_SIZE, DEMO_SIZE, generateDemoCommunity } from "./generator";
import { type LoadProgress, loadDemoCommunity } from "./load";
import type { DemoAccount, DemoCounts, DemoScale, DemoSummary } from "./types";

/** The password of the three demo accounts; printed by the CLI, never meant for real data. */
export const DEMO_PASSWORD = "understory-demo";
export const DEFAULT_DEMO_SEED = 1;

export type DemoSizeName = "demo" | "bench";

export const DEMO_SIZES: Record<DemoSizeName, DemoScale> = { demo: DEMO_SIZE, bench: BENCH_SIZE };

export interface SeedOptions {
  size?: DemoSizeName | DemoScale;
  seed?: number;
  /** end of the generated history, epoch ms; default: now */
  endAt?: number;
  /** what to do when the database already holds users, projects or contributions */
  onExisting?: "refuse" | "skip" | "replace";
  onProgress?: (progress: LoadProgress) => void;
  onStage?: (stage: string) => void;
}

export interface SeedReport {
  seed: number;
  size: DemoSizeName | "custom";
  counts: DemoCounts;
  accounts: DemoAccount[];
  startAt: string;
  endAt: string;
  projects: DemoSummary["projects"];
  campaigns: { id: number; name: string; kind: string; projectId: number | null; startAt: string; endAt: string; recruits: number }[];
  coreSize: number;
  hubUserIds: number[];
  ringUserIds: number[];
  /** generating the rows and hashing the demo password */
  generateMs: number;
  loadMs: number;
}

export class DatabaseNotEmptyError extends Error {
  constructor() {
    super("The database already holds data. Pass --force to replace all of it with the demo community.");
    this.name = "DatabaseNotEmptyError";
  }
}

export async function isDatabaseEmpty(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ has: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM projects) OR EXISTS (SELECT 1 FROM contributions) AS has",
  );
  return !rows[0].has;
}

/**
 * Generates and loads the demo community into the (migrated) database at connectionString.
 * Returns null when onExisting is "skip" and the database already holds data; throws
 * DatabaseNotEmptyError when it is "refuse" (the default).
 */
export async function seedDemoCommunity(connectionString: string, opts: SeedOptions = {}): Promise<SeedReport | null> {
  const sizeName = typeof opts.size === "object" ? "custom" : (opts.size ?? "demo");
  const scale = typeof opts.size === "object" ? opts.size : DEMO_SIZES[opts.size ?? "demo"];
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const endAt = opts.endAt ?? Date.now();
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    if (!(await isDatabaseEmpty(client))) {
      if (opts.onExisting === "skip") return null;
      if (opts.onExisting !== "replace") throw new DatabaseNotEmptyError();
    }
    const started = performance.now();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const community = generateDemoCommunity({ ...scale, seed, endAt, passwordHash });
    const generated = performance.now();
    const counts = await loadDemoCommunity(client, community, {
      replace: opts.onExisting === "replace",
      onProgress: opts.onProgress,
      onStage: opts.onStage,
      auditDetails: { seed, size: sizeName, endAt: new Date(endAt).toISOString(), scale },
    });
    const summary = community.summary;
    return {
      seed,
      size: sizeName,
      counts,
      accounts: summary.accounts,
      startAt: new Date(summary.startAt).toISOString(),
      endAt: new Date(summary.endAt).toISOString(),
      projects: summary.projects,
      campaigns: summary.campaigns.map((c) => ({ ...c, startAt: new Date(c.startAt).toISOString(), endAt: new Date(c.endAt).toISOString() })),
      coreSize: summary.coreUserIds.length,
      hubUserIds: summary.hubUserIds,
      ringUserIds: summary.ringUserIds,
      generateMs: Math.round(generated - started),
      loadMs: Math.round(performance.now() - generated),
    };
  } finally {
    await client.end();
  }
}
