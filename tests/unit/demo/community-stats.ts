// Facts about a generated community computed from its rows alone (never from the generator's
// internals), so the tests check what a dashboard reading the database would see.
import type { ContributionAuthorRow, ContributionRow, DemoCommunity, LinkRow } from "../../../lib/demo/types";

const WEEK_MS = 7 * 86_400_000;

export interface CommunityRows {
  contributions: ContributionRow[];
  authors: ContributionAuthorRow[];
  links: LinkRow[];
}

export function collectRows(community: DemoCommunity): CommunityRows {
  return { contributions: [...community.contributions()], authors: [...community.contributionAuthors()], links: [...community.links()] };
}

export interface CommunityStats {
  /** contribution id → author ids */
  authorsOf: Map<number, number[]>;
  /** user → set of active week indices (weeks since startAt) */
  activeWeeks: Map<number, Set<number>>;
  /** user → their contributions (any authorship), and how many link to another contributor's work */
  made: Map<number, number>;
  linkedToOthers: Map<number, number>;
  /** user → first contribution time */
  birth: Map<number, number>;
  /** user → links received from other contributors' work */
  inDegree: Map<number, number>;
}

export function communityStats(rows: CommunityRows, startAt: number): CommunityStats {
  const authorsOf = new Map<number, number[]>();
  for (const a of rows.authors) authorsOf.set(a.contributionId, [...(authorsOf.get(a.contributionId) ?? []), a.userId]);
  const activeWeeks = new Map<number, Set<number>>();
  const made = new Map<number, number>();
  const birth = new Map<number, number>();
  for (const c of rows.contributions) {
    for (const u of authorsOf.get(c.id) ?? []) {
      const weeks = activeWeeks.get(u) ?? new Set<number>();
      weeks.add(Math.floor((c.occurredAt - startAt) / WEEK_MS));
      activeWeeks.set(u, weeks);
      made.set(u, (made.get(u) ?? 0) + 1);
      if (!birth.has(u) || (birth.get(u) ?? Infinity) > c.occurredAt) birth.set(u, c.occurredAt);
    }
  }
  const linkedToOthers = new Map<number, number>();
  const inDegree = new Map<number, number>();
  const counted = new Set<string>();
  for (const l of rows.links) {
    if (l.status === "removed") continue;
    const from = authorsOf.get(l.fromId) ?? [];
    const to = authorsOf.get(l.toId) ?? [];
    for (const u of from) {
      if (to.some((w) => w !== u) && !counted.has(`${u}:${l.fromId}`)) {
        counted.add(`${u}:${l.fromId}`);
        linkedToOthers.set(u, (linkedToOthers.get(u) ?? 0) + 1);
      }
    }
    for (const w of to) if (!from.includes(w)) inDegree.set(w, (inDegree.get(w) ?? 0) + 1);
  }
  return { authorsOf, activeWeeks, made, linkedToOthers, birth, inDegree };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
}
