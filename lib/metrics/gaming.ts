// Link-ring detection, METRICS.md §10: a group of 2–10 contributors whose links go mostly to each
// other (internal share ≥ 0.8, reciprocity ≥ 0.5, at least 5 links). Its contributions are
// quarantined until a maintainer clears them.
//
// Measures, on the contributor projection of every non-disputed link up to asOf (an edge u→w per
// link x→y, u an author of x, w of y, u ≠ w, weight share_u(x)·share_w(y); links to one's own work
// are not ties between people and are left out):
// - internal share = projection weight from members to members / projection weight out of members;
// - reciprocity = directed member pairs u→w whose reverse exists / directed member pairs;
// - internal links = links x→y with a member author of x and a different member author of y.
// Quarantined links are included: a ring already under review must still be found.
//
// Candidates, deterministic and O(links): a ring member's ties to other members are reciprocal and
// heavy relative to its own activity, while the tie between a ring and the wider community is light
// for at least one side (the community member's links go elsewhere). So keep the mutual edges
// {u, w} whose combined weight is at least γ of both ends' total (in + out) weight, and take the
// connected components. γ starts at internalShareMin / (2·(maxSize − 1)): half the average tie of the
// largest passing ring, whose members spread ≥ internalShareMin of their links over ≤ maxSize − 1
// peers. A component larger than maxSize may hide a ring behind one strong tie, so it is split again
// with γ doubled, up to 4 levels. Components of minSize..maxSize are checked against the criteria;
// a component that fails is not searched for sub-rings (a documented limit of the heuristic).
//
// Quarantine: the two ends of every internal link, not every contribution of the members: the
// circular links are what inflates credit, and a member's unrelated work keeps its standing.

import { buildProjection } from "./coherence-graph";
import { LINK_DISPUTED } from "./codes";
import type { Graph } from "./graph";
import { countUpTo } from "./link-scope";
import type { MetricParams } from "./params";
import { Float64Buffer, Int32Buffer } from "./typed-buffer";

const LEVELS = 4;

export interface LinkRing {
  /** contributor database ids, ascending */
  members: number[];
  internalLinks: number;
  internalWeight: number;
  outWeight: number;
  internalShare: number;
  directedPairs: number;
  reciprocalPairs: number;
  reciprocity: number;
  /** the tie-strength threshold γ at which the group separated */
  tieThreshold: number;
  /** database ids, ascending */
  linkIds: number[];
  contributionIds: number[];
}

export interface RingReport {
  rings: LinkRing[];
  /** every ring's contributionIds, merged, ascending */
  quarantineContributionIds: number[];
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

export function detectLinkRings(g: Graph, params: MetricParams, asOfMs: number): RingReport {
  const rp = params.ring;
  const included = countUpTo(g.time, asOfMs);
  const src = new Int32Buffer(g.nE);
  const dst = new Int32Buffer(g.nE);
  const wt = new Float64Buffer(g.nE);
  for (let e = 0; e < g.nE; e++) {
    const x = g.edgeFrom[e];
    if (x >= included || g.outStatus[e] === LINK_DISPUTED) continue;
    const y = g.outTo[e];
    for (let a = g.authorStart[x]; a < g.authorStart[x + 1]; a++) {
      for (let b = g.authorStart[y]; b < g.authorStart[y + 1]; b++) {
        if (g.authorIdx[a] === g.authorIdx[b]) continue;
        src.push(g.authorIdx[a]);
        dst.push(g.authorIdx[b]);
        wt.push(g.authorShare[a] * g.authorShare[b]);
      }
    }
  }
  const P = buildProjection(g.nU, src.data, dst.data, wt.data, src.length);
  const outTotal = new Float64Array(g.nU);
  const total = new Float64Array(g.nU);
  for (let u = 0; u < g.nU; u++) {
    for (let k = P.outStart[u]; k < P.outStart[u + 1]; k++) outTotal[u] += P.outW[k];
    total[u] = outTotal[u];
    for (let k = P.inStart[u]; k < P.inStart[u + 1]; k++) total[u] += P.inW[k];
  }

  // Mutual edges with their strength min(m/total(u), m/total(w)), m the weight both ways.
  const mu = new Int32Buffer();
  const mw = new Int32Buffer();
  const ms = new Float64Buffer();
  const mark = new Int32Array(g.nU).fill(-1);
  const markW = new Float64Array(g.nU);
  for (let u = 0; u < g.nU; u++) {
    for (let k = P.inStart[u]; k < P.inStart[u + 1]; k++) {
      mark[P.inSrc[k]] = u;
      markW[P.inSrc[k]] = P.inW[k];
    }
    for (let k = P.outStart[u]; k < P.outStart[u + 1]; k++) {
      const w = P.outDst[k];
      if (w < u || mark[w] !== u) continue;
      const m = P.outW[k] + markW[w];
      mu.push(u);
      mw.push(w);
      ms.push(Math.min(m / total[u], m / total[w]));
    }
  }

  const parent = new Int32Array(g.nU);
  const size = new Int32Array(g.nU);
  // eligible[u] = level at which u may still take part (it sat in a too-large component before)
  const eligible = new Int32Array(g.nU);
  const rings: LinkRing[] = [];
  const ctx = { g, P, outTotal, included, inGroup: new Int32Array(g.nU).fill(-1), linkSeen: new Int32Array(g.nE).fill(-1) };
  let gamma = rp.internalShareMin / (2 * (rp.maxSize - 1));
  for (let level = 0; level < LEVELS && gamma <= 1; level++, gamma *= 2) {
    for (let u = 0; u < g.nU; u++) {
      parent[u] = u;
      size[u] = 1;
    }
    let any = false;
    for (let k = 0; k < mu.length; k++) {
      const a = mu.data[k];
      const b = mw.data[k];
      if (ms.data[k] < gamma || eligible[a] !== level || eligible[b] !== level) continue;
      any = true;
      const ra = find(parent, a);
      const rb = find(parent, b);
      if (ra === rb) continue;
      const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra];
      parent[hi] = lo;
      size[lo] += size[hi];
    }
    if (!any) break;
    const groups = new Map<number, number[]>();
    for (let u = 0; u < g.nU; u++) {
      if (eligible[u] !== level) continue;
      const r = find(parent, u);
      const s = size[r];
      if (s > rp.maxSize) eligible[u] = level + 1;
      else if (s >= rp.minSize) {
        const list = groups.get(r);
        if (list) list.push(u);
        else groups.set(r, [u]);
      }
    }
    // Map iteration follows insertion order, i.e. each group's smallest index: deterministic.
    for (const members of groups.values()) {
      const ring = checkGroup(ctx, members, rp);
      if (ring) rings.push({ ...ring, tieThreshold: gamma });
    }
  }
  rings.sort((a, b) => a.members[0] - b.members[0]);
  const quarantine = new Set<number>();
  for (const r of rings) for (const id of r.contributionIds) quarantine.add(id);
  return { rings, quarantineContributionIds: [...quarantine].sort((a, b) => a - b) };
}

interface CheckContext {
  g: Graph;
  P: ReturnType<typeof buildProjection>;
  outTotal: Float64Array;
  included: number;
  /** group stamp per contributor */
  inGroup: Int32Array;
  /** group stamp per link */
  linkSeen: Int32Array;
}

function checkGroup(
  c: CheckContext, members: number[], rp: MetricParams["ring"],
): Omit<LinkRing, "tieThreshold"> | null {
  const { g, P } = c;
  // The smallest member index stamps the group: groups are disjoint across all levels.
  const group = members[0];
  for (const u of members) c.inGroup[u] = group;
  let internalWeight = 0;
  let outWeight = 0;
  const pairs = new Set<number>();
  for (const u of members) {
    outWeight += c.outTotal[u];
    for (let k = P.outStart[u]; k < P.outStart[u + 1]; k++) {
      const w = P.outDst[k];
      if (c.inGroup[w] !== group) continue;
      internalWeight += P.outW[k];
      pairs.add(u * g.nU + w);
    }
  }
  let reciprocal = 0;
  for (const key of pairs) {
    const u = Math.floor(key / g.nU);
    if (pairs.has((key - u * g.nU) * g.nU + u)) reciprocal++;
  }
  const linkIds: number[] = [];
  const contributions = new Set<number>();
  for (const u of members) {
    for (let k = g.workStart[u]; k < g.workStart[u + 1]; k++) {
      const x = g.workIdx[k];
      if (x >= c.included) break;
      for (let e = g.outStart[x]; e < g.outStart[x + 1]; e++) {
        if (c.linkSeen[e] === group || g.outStatus[e] === LINK_DISPUTED) continue;
        if (!isInternal(c, x, g.outTo[e], group)) continue;
        c.linkSeen[e] = group;
        linkIds.push(g.linkId[e]);
        contributions.add(g.contribId[x]);
        contributions.add(g.contribId[g.outTo[e]]);
      }
    }
  }
  const internalShare = outWeight === 0 ? 0 : internalWeight / outWeight;
  const reciprocity = pairs.size === 0 ? 0 : reciprocal / pairs.size;
  const passes = members.length >= rp.minSize && members.length <= rp.maxSize && internalShare >= rp.internalShareMin
    && reciprocity >= rp.reciprocityMin && linkIds.length >= rp.minLinks;
  if (!passes) return null;
  return {
    members: members.map((u) => g.contributorId[u]).sort((a, b) => a - b),
    internalLinks: linkIds.length,
    internalWeight,
    outWeight,
    internalShare,
    directedPairs: pairs.size,
    reciprocalPairs: reciprocal,
    reciprocity,
    linkIds: linkIds.sort((a, b) => a - b),
    contributionIds: [...contributions].sort((a, b) => a - b),
  };
}

/** A member author of x and a different member author of y. */
function isInternal(c: CheckContext, x: number, y: number, group: number): boolean {
  const { g } = c;
  for (let a = g.authorStart[x]; a < g.authorStart[x + 1]; a++) {
    const u = g.authorIdx[a];
    if (c.inGroup[u] !== group) continue;
    for (let b = g.authorStart[y]; b < g.authorStart[y + 1]; b++) {
      const w = g.authorIdx[b];
      if (w !== u && c.inGroup[w] === group) return true;
    }
  }
  return false;
}
