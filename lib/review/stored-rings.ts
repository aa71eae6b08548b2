// Link rings as the newest succeeded recompute stored them: ring detection runs on the whole
// ecosystem in every run, and each scope's `gaming` document lists the rings touching it (the
// document is the same for weekly and monthly periods, so the weekly one is read).
import { prisma } from "@/lib/db";
import type { LinkRing } from "@/lib/metrics/gaming";

export type StoredRing = Pick<LinkRing, "members" | "internalLinks" | "internalShare" | "reciprocity" | "directedPairs" | "reciprocalPairs" | "linkIds" | "contributionIds">;

/** The key that names a ring across runs and forms: its contributions, ascending. */
export function ringKey(ring: { contributionIds: number[] }): string {
  return [...ring.contributionIds].sort((a, b) => a - b).join(",");
}

export async function getNewestRunId(): Promise<number | null> {
  const run = await prisma.metricRun.findFirst({ where: { status: "succeeded" }, orderBy: { id: "desc" }, select: { id: true } });
  return run?.id ?? null;
}

/** Rings of the given scopes in one run, each once (a ring spanning projects is in several scopes). */
export async function listStoredRings(runId: number, scopes: string[]): Promise<{ ring: StoredRing; scopes: string[] }[]> {
  if (scopes.length === 0) return [];
  const docs = await prisma.metricDocument.findMany({
    where: { runId, scope: { in: scopes }, periodUnit: "week", key: "gaming" },
    select: { scope: true, data: true },
    orderBy: { scope: "asc" },
  });
  const byKey = new Map<string, { ring: StoredRing; scopes: string[] }>();
  for (const doc of docs) {
    for (const ring of (doc.data as { rings?: StoredRing[] } | null)?.rings ?? []) {
      const key = ringKey(ring);
      const seen = byKey.get(key);
      if (seen) seen.scopes.push(doc.scope);
      else byKey.set(key, { ring, scopes: [doc.scope] });
    }
  }
  return [...byKey.values()];
}
