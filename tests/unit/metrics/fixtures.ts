// Tiny hand-written datasets for the engine's unit tests. Times are real UTC instants so that
// period boundaries (Monday 00:00 UTC, the 1st of a month) are exercised for real.

import { buildGraph, type CampaignRow, type ContributionRow, type Graph, type LinkRow } from "@/lib/metrics/graph";
import { DEFAULT_PARAMS, type MetricParams } from "@/lib/metrics/params";

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** Monday 2024-01-01 00:00 UTC: week w of a test starts at W0 + w · WEEK_MS */
export const W0 = Date.UTC(2024, 0, 1);

/** An instant in test week `w`, `days` (fractional allowed) after its Monday 00:00 UTC. */
export function inWeek(w: number, days = 0): number {
  return W0 + w * WEEK_MS + days * DAY_MS;
}

/** A contribution by `authors` (contributor ids, equal shares), accepted, kind "code" by default. */
export function contribution(id: number, occurredAt: number, authors: number[], projectId = 1): ContributionRow {
  return {
    id, occurredAt, projectId, kind: 2, status: 1,
    authors: authors.map((contributorId) => ({ contributorId, share: 1 / authors.length })),
  };
}

export function campaign(id: number, startAt: number, endAt: number, projectId: number | null = null): CampaignRow {
  return { id, name: `Campaign ${id}`, projectId, kind: 0, startAt, endAt };
}

export function graphOf(contributions: ContributionRow[], links: LinkRow[] = [], campaigns: CampaignRow[] = []): Graph {
  return buildGraph({ contributions, links, campaigns });
}

/** DEFAULT_PARAMS with a few fields replaced (shallow). */
export function paramsWith(over: Partial<MetricParams>): MetricParams {
  return { ...DEFAULT_PARAMS, ...over };
}
