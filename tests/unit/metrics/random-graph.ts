// Seeded random contribution graphs for the networkx comparisons. Shares are dyadic (1, ½, ¼ + ¾)
// so sums of share products are exact in binary and distance ties survive in both implementations.

import type { ContributionRow, LinkRow } from "@/lib/metrics/graph";
import { DAY_MS, W0 } from "./fixtures";

export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export interface RandomGraphSpec {
  seed: number;
  contributions: number;
  contributors: number;
  links: number;
  /** number of projects (ids 1 .. projects) */
  projects?: number;
}

export function randomGraph(spec: RandomGraphSpec): { contributions: ContributionRow[]; links: LinkRow[] } {
  const rnd = lcg(spec.seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const contributions: ContributionRow[] = [];
  for (let i = 0; i < spec.contributions; i++) {
    const a = 1 + pick(spec.contributors);
    const b = 1 + pick(spec.contributors);
    const r = rnd();
    const authors = a === b || r < 0.6
      ? [{ contributorId: a, share: 1 }]
      : r < 0.8
        ? [{ contributorId: a, share: 0.5 }, { contributorId: b, share: 0.5 }]
        : [{ contributorId: a, share: 0.25 }, { contributorId: b, share: 0.75 }];
    // Statuses: mostly accepted, some unreviewed, a few rejected or quarantined.
    const st = rnd();
    const status = st < 0.7 ? 1 : st < 0.9 ? 0 : st < 0.95 ? 2 : 3;
    contributions.push({
      id: i + 1, occurredAt: W0 + pick(60) * DAY_MS, projectId: 1 + pick(spec.projects ?? 1),
      kind: pick(9), status, authors,
    });
  }
  const links: LinkRow[] = [];
  for (let k = 0; k < spec.links; k++) {
    const x = contributions[pick(spec.contributions)];
    const y = contributions[pick(spec.contributions)];
    if (x.id === y.id) continue;
    // Newer to older; equal times go from the higher id so the graph stays acyclic.
    const [from, to] = x.occurredAt > y.occurredAt || (x.occurredAt === y.occurredAt && x.id > y.id) ? [x, y] : [y, x];
    links.push({ id: k + 1, from: from.id, to: to.id, type: pick(4), status: pick(4) });
  }
  return { contributions, links };
}
