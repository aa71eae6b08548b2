// Stress-lab scenarios, METRICS.md §10: what-if edits applied to an in-memory copy of the graph
// rows, never to stored data. The input is never mutated: every changed row is a new object.
//
// The copy describes the ecosystem as of asOf (contributions after it are dropped, and with them
// their links, as every engine run ignores them). "Recently" is the rolling window (asOf − 28 days,
// asOf], the same window as the report's "active in the last 4 weeks".
//
// New rows get ids max + 1, max + 2, … of their table (contributions, links, contributors
// separately, over the full input): above every existing id, so they cannot collide, and positive
// like real ids.
//
// - surge {k}: round(k · N) unlinked contributions, N the contributions of the window, one per new
//   account, at seeded uniform instants in the window. Each copies the project, kind and status of a
//   seeded sample of the window's contributions, so the surge looks like recent work except that
//   nobody links it and its authors are new.
// - sybil_ring {accounts s, contributionsEach c}: s new accounts make c rounds of contributions at
//   evenly spaced instants of the window; in round r ≥ 1 each sybil's contribution builds on the
//   round r − 1 contribution of every other sybil, and the sybils confirm those links (they are the
//   targets' authors). s(s−1)(c−1) links, none to or from the community. No randomness.
// - dispute_storm {percent}: round(percent/100 · L) of the L links that can still be disputed (not
//   removed, not already disputed, both ends present), chosen by a seeded partial Fisher–Yates over
//   them in id order, so the choice depends on the seed and the data, never on row order.
// - weight_sweep {rho?, d?, typeWeights?}: the rows are untouched, the params change.

import { z } from "zod";
import { seededRandom } from "./betweenness";
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, codeOf, LINK_BUILDS_ON, LINK_CONFIRMED, LINK_DISPUTED, LINK_REMOVED } from "./codes";
import type { ContributionRow, GraphInput, LinkRow } from "./graph";
import type { MetricParams } from "./params";

const DAY_MS = 86_400_000;
/** the lab's "last 4 weeks", in ms */
export const RECENT_MS = 28 * DAY_MS;

const seed = z.number().int().min(0).max(0xffffffff).default(1);
const weight = z.number().finite().min(0).max(100);

export const stressScenarioSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("surge"), k: z.number().finite().min(0).max(10), seed }).strict(),
  z.object({
    kind: z.literal("sybil_ring"),
    accounts: z.number().int().min(2).max(50),
    contributionsEach: z.number().int().min(1).max(50),
    /** the review status of the sybils' work; accepted is the worst case, the ring passed review */
    status: z.enum(CONTRIBUTION_STATUSES).default("accepted"),
  }).strict(),
  z.object({ kind: z.literal("dispute_storm"), percent: z.number().finite().min(0).max(100), seed }).strict(),
  z.object({
    kind: z.literal("weight_sweep"),
    rho: z.number().finite().min(0).max(1).optional(),
    d: z.number().finite().min(0).max(0.99).optional(),
    typeWeights: z.object({ builds_on: weight, fixes: weight, reviews: weight, cites: weight }).partial().strict().optional(),
  }).strict(),
]);

export type StressScenario = z.output<typeof stressScenarioSchema>;
export type StressScenarioInput = z.input<typeof stressScenarioSchema>;

export interface AppliedScenario {
  input: GraphInput;
  params: MetricParams;
  /** contributor ids of the sybil accounts (empty unless sybil_ring) */
  sybilIds: number[];
  added: { contributions: number; contributors: number; links: number };
  disputedLinks: number;
}

function maxId(rows: { id: number }[]): number {
  let m = 0;
  for (const r of rows) if (r.id > m) m = r.id;
  return m;
}

function maxContributorId(rows: ContributionRow[]): number {
  let m = 0;
  for (const r of rows) for (const a of r.authors) if (a.contributorId > m) m = a.contributorId;
  return m;
}

/** The rows as of asOf, deep enough copied that editing them never reaches the caller's objects. */
export function snapshotAsOf(input: GraphInput, asOfMs: number): GraphInput {
  const contributions = input.contributions
    .filter((c) => c.occurredAt <= asOfMs)
    .map((c) => ({ ...c, authors: c.authors.map((a) => ({ ...a })) }));
  const present = new Set(contributions.map((c) => c.id));
  const links = input.links.filter((l) => present.has(l.from) && present.has(l.to)).map((l) => ({ ...l }));
  return { contributions, links, campaigns: input.campaigns.map((c) => ({ ...c })) };
}

/**
 * The rows as of asOf with a (parsed) scenario applied, and the params to run them with. New ids
 * start above the maxima of the full input, rows after asOf included, so a synthetic row can never
 * be mistaken for a stored one.
 */
export function applyScenario(input: GraphInput, scenario: StressScenario, params: MetricParams, asOfMs: number): AppliedScenario {
  const none = { contributions: 0, contributors: 0, links: 0 };
  const base = snapshotAsOf(input, asOfMs);
  const recentFrom = asOfMs - RECENT_MS;
  const nextContribution = maxId(input.contributions) + 1;
  const nextContributor = maxContributorId(input.contributions) + 1;

  switch (scenario.kind) {
    case "surge": {
      const recent = base.contributions.filter((c) => c.occurredAt > recentFrom).sort((a, b) => a.id - b.id);
      const count = Math.round(scenario.k * recent.length);
      const rnd = seededRandom(scenario.seed);
      const added: ContributionRow[] = [];
      for (let i = 0; i < count; i++) {
        const like = recent[Math.floor(rnd() * recent.length)];
        added.push({
          id: nextContribution + i,
          occurredAt: asOfMs - Math.floor(rnd() * RECENT_MS),
          projectId: like.projectId, kind: like.kind, status: like.status,
          authors: [{ contributorId: nextContributor + i, share: 1 }],
        });
      }
      return {
        input: { ...base, contributions: [...base.contributions, ...added] }, params, sybilIds: [],
        added: { contributions: count, contributors: count, links: 0 }, disputedLinks: 0,
      };
    }
    case "sybil_ring": {
      const s = scenario.accounts;
      const c = scenario.contributionsEach;
      const status = codeOf(CONTRIBUTION_STATUSES, scenario.status);
      const kind = codeOf(CONTRIBUTION_KINDS, "code");
      // The sybils' project: the most common one of the window, else of all history, else 1.
      const projectId = mostCommonProject(base.contributions.filter((x) => x.occurredAt > recentFrom))
        ?? mostCommonProject(base.contributions) ?? 1;
      const sybilIds = Array.from({ length: s }, (_, a) => nextContributor + a);
      const idOf = (round: number, a: number) => nextContribution + round * s + a;
      const contributions: ContributionRow[] = [];
      const links: LinkRow[] = [];
      let nextLink = maxId(input.links) + 1;
      for (let r = 0; r < c; r++) {
        const at = recentFrom + Math.floor(((r + 1) * RECENT_MS) / (c + 1));
        for (let a = 0; a < s; a++) {
          contributions.push({ id: idOf(r, a), occurredAt: at, projectId, kind, status, authors: [{ contributorId: sybilIds[a], share: 1 }] });
          if (r === 0) continue;
          for (let b = 0; b < s; b++) {
            if (b !== a) links.push({ id: nextLink++, from: idOf(r, a), to: idOf(r - 1, b), type: LINK_BUILDS_ON, status: LINK_CONFIRMED });
          }
        }
      }
      return {
        input: { ...base, contributions: [...base.contributions, ...contributions], links: [...base.links, ...links] },
        params, sybilIds, added: { contributions: s * c, contributors: s, links: links.length }, disputedLinks: 0,
      };
    }
    case "dispute_storm": {
      const candidates = base.links.filter((l) => l.status !== LINK_REMOVED && l.status !== LINK_DISPUTED).map((l) => l.id).sort((a, b) => a - b);
      const take = Math.round((scenario.percent / 100) * candidates.length);
      const rnd = seededRandom(scenario.seed);
      for (let i = 0; i < take; i++) {
        const j = i + Math.floor(rnd() * (candidates.length - i));
        [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
      }
      const chosen = new Set(candidates.slice(0, take));
      const links = base.links.map((l) => (chosen.has(l.id) ? { ...l, status: LINK_DISPUTED } : l));
      return { input: { ...base, links }, params, sybilIds: [], added: none, disputedLinks: take };
    }
    case "weight_sweep": {
      const next: MetricParams = {
        ...params,
        passThrough: scenario.rho ?? params.passThrough,
        visibilityDecayWeekly: scenario.d ?? params.visibilityDecayWeekly,
        // Only the weights given: an explicit undefined must not blank a default.
        typeWeights: { ...params.typeWeights, ...definedOnly(scenario.typeWeights ?? {}) },
      };
      return { input: base, params: next, sybilIds: [], added: none, disputedLinks: 0 };
    }
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The project with the most contributions, ties to the smaller id; null for no rows. */
function mostCommonProject(rows: ContributionRow[]): number | null {
  const count = new Map<number, number>();
  for (const r of rows) count.set(r.projectId, (count.get(r.projectId) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [p, n] of count) {
    if (n > bestCount || (n === bestCount && best !== null && p < best)) [best, bestCount] = [p, n];
  }
  return best;
}
