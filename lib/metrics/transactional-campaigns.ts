// Campaign windows as seen by contributions and by contributors (METRICS.md §8, campaign share and
// lift).
//
// A contribution is inside a campaign when startAt ≤ occurredAt < endAt and the campaign is
// ecosystem-wide or of the contribution's project: a bounty in project A does not pay for work in B.
// A contributor's campaign exposure is the union of the windows of the campaigns that applied to
// them: the ecosystem-wide ones and those of the projects they contributed to in the scope.
// Overlapping campaigns are merged so a doubly incentivized week counts once.

import type { Graph } from "./graph";
import { lowerBoundTime } from "./link-scope";

/** 1 for each of the first `included` contributions made inside an applicable campaign window. */
export function campaignMembership(g: Graph, included: number): Uint8Array {
  const out = new Uint8Array(g.nC);
  for (const c of g.campaigns) {
    const lo = lowerBoundTime(g.time, c.startAt);
    const hi = Math.min(included, lowerBoundTime(g.time, c.endAt));
    for (let i = lo; i < hi; i++) {
      if (c.projectId === null || g.projectIds[g.project[i]] === c.projectId) out[i] = 1;
    }
  }
  return out;
}

/** Merged [start, end) windows as a flat [s0, e0, s1, e1, …] array, ascending. */
function mergedWindows(g: Graph, projectIds: Set<number>): Float64Array {
  const out: number[] = [];
  // graph.campaigns is sorted by startAt, so one sweep merges.
  for (const c of g.campaigns) {
    if (c.projectId !== null && !projectIds.has(c.projectId)) continue;
    const n = out.length;
    if (n > 0 && c.startAt <= out[n - 1]) out[n - 1] = Math.max(out[n - 1], c.endAt);
    else out.push(c.startAt, c.endAt);
  }
  return Float64Array.from(out);
}

export interface CampaignExposure {
  /** per contributor, an index into `windows` (contributors with the same project set share one) */
  key: Int32Array;
  windows: Float64Array[];
}

/** Exposure windows per contributor, from the projects of their scope contributions up to `included`. */
export function campaignExposure(g: Graph, included: number, project: number | null): CampaignExposure {
  const key = new Int32Array(g.nU);
  const windows: Float64Array[] = [];
  const byKey = new Map<string, number>();
  const seen: number[] = [];
  for (let u = 0; u < g.nU; u++) {
    seen.length = 0;
    for (let k = g.workStart[u]; k < g.workStart[u + 1]; k++) {
      const i = g.workIdx[k];
      if (i >= included) break;
      const p = g.project[i];
      if ((project === null || p === project) && !seen.includes(p)) seen.push(p);
    }
    seen.sort((a, b) => a - b);
    const name = seen.join(",");
    let idx = byKey.get(name);
    if (idx === undefined) {
      idx = windows.length;
      byKey.set(name, idx);
      windows.push(mergedWindows(g, new Set(seen.map((p) => g.projectIds[p]))));
    }
    key[u] = idx;
  }
  return { key, windows };
}

/** Time inside the windows between `from` and `to` (ms). */
export function exposureBetween(windows: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let k = 0; k < windows.length; k += 2) {
    const s = Math.max(windows[k], from);
    const e = Math.min(windows[k + 1], to);
    if (e > s) sum += e - s;
  }
  return sum;
}
