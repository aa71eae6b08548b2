// Tiny hand-written datasets for the engine's unit tests. Times are real UTC instants so that
// period boundaries (Monday 00:00 UTC, the 1st of a month) are exercised for real.

import {
  CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, LINK_STATUSES, LINK_TYPES, codeOf,
  type ContributionKind, type ContributionStatus, type LinkStatus, type LinkType,
} from "@/lib/metrics/codes";
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

/** Dense index of contributor `id` in a graph (throws when absent, so a typo fails loudly). */
export function contributorIndex(g: Graph, id: number): number {
  const u = g.contributorId.indexOf(id);
  if (u < 0) throw new Error(`contributor ${id} not in graph`);
  return u;
}

// --- attribution, PageRank and hubs helpers ---

/** A link `from` → `to` (contribution ids), builds-on and confirmed unless told otherwise. */
export function link(id: number, from: number, to: number, type: LinkType = "builds_on", status: LinkStatus = "confirmed"): LinkRow {
  return { id, from, to, type: codeOf(LINK_TYPES, type), status: codeOf(LINK_STATUSES, status) };
}

/** A contribution with explicit `[contributorId, share]` authors, status, kind and project. */
export function contributionOf(
  id: number,
  occurredAt: number,
  authors: [number, number][],
  opts: { status?: ContributionStatus; kind?: ContributionKind; projectId?: number } = {},
): ContributionRow {
  return {
    id, occurredAt, projectId: opts.projectId ?? 1,
    kind: codeOf(CONTRIBUTION_KINDS, opts.kind ?? "code"),
    status: codeOf(CONTRIBUTION_STATUSES, opts.status ?? "accepted"),
    authors: authors.map(([contributorId, share]) => ({ contributorId, share })),
  };
}

/** Dense index of contribution `id` in a graph (throws when absent). */
export function contributionIndex(g: Graph, id: number): number {
  const i = g.contribId.indexOf(id);
  if (i < 0) throw new Error(`contribution ${id} not in graph`);
  return i;
}

/** Asserts two number arrays are equal to 12 decimals (hand-computed fractions vs. float products). */
export function expectClose(actual: readonly (number | null)[], expected: readonly (number | null)[]): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ ${expected.length}: ${JSON.stringify(actual)}`);
  actual.forEach((a, i) => {
    const e = expected[i];
    const ok = a === null || e === null ? a === e : Math.abs(a - e) <= 1e-12 * Math.max(1, Math.abs(e));
    if (!ok) throw new Error(`at ${i}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  });
}
