// Coherence, METRICS.md §6: does new work build on other people's work, and does the community
// hold together as one graph?
//
// Scope and time come from the Activity (activity.ts): contributions after asOf are ignored, a
// project view counts only that project's contributions, birth(u) is from the full history.
// Links counted: see link-scope.ts (disputed and quarantined links are left out).
//
// Per period t:
// - linking ratio = scope contributions of t with a counted link to another contributor's work
//   (disjoint author sets) / scope contributions of t;
// - self-link share = counted links out of t's scope contributions whose ends share an author /
//   all counted links out of them.
// Over the trailing window [t − W + 1, t], W = params.coherenceWindow (shorter at the start):
// - the contributor projection is induced on the window's active contributors: an edge u→w for
//   every counted link x→y with x a scope contribution of the window, u an author of x, w an author
//   of y, u ≠ w, both active in the window. Weight: share_u(x) · share_w(y), so a link weighs at most
//   1 however many co-authors it has. y may be older than the window: building on old work of
//   someone still active binds the two;
// - reciprocity, giant-component share (largest weakly connected component / active contributors),
//   Louvain Q and community count: coherence-graph.ts.
// Newcomer integration, per birth cohort t (activity.ts cohort members): the newcomer's first scope
// contribution v links (counted, cross) to work with an author born ≤ t − S, or receives such a link
// within W days of v, S = params.integrationSeniority. A newcomer not yet integrated whose W days
// have not all elapsed by asOf is right-censored: out of numerator and denominator, as for newcomer
// conversion (acquisition.ts); one already integrated is counted.

import { activeByPeriod, periodInfo, type Activity } from "./activity";
import { summarizeProjection, type ProjectionStats } from "./coherence-graph";
import { type EngineMemo, bytesJson, jsonBytes, memoKey } from "./memo";
import type { Graph } from "./graph";
import { classifyLinks, LINK_CROSS, LINK_IGNORED, LINK_SELF, lowerBoundTime } from "./link-scope";
import type { MetricParams } from "./params";
import { periodStart } from "./periods";
import { Float64Buffer, Int32Buffer } from "./typed-buffer";

const DAY_MS = 86_400_000;

export interface CoherencePeriod {
  period: number;
  label: string;
  isComplete: boolean;
  contributions: number;
  /** contributions with a counted link to another contributor's work */
  linked: number;
  linkingRatio: number | null;
  /** counted links out of the period's contributions */
  links: number;
  selfLinks: number;
  selfLinkShare: number | null;
  /** trailing window measures */
  window: WindowCoherence;
  newcomers: number;
  /** newcomers integrated, or whose W days have elapsed */
  integrationEligible: number;
  integrated: number;
  newcomerIntegration: number | null;
}

export interface WindowCoherence extends ProjectionStats {
  /** absolute first period of the window (the window ends at the row's period) */
  fromPeriod: number;
  activeContributors: number;
  giantComponentShare: number | null;
}

export interface CoherenceReport {
  unit: Activity["unit"];
  project: number | null;
  windowPeriods: number;
  seniorityPeriods: number;
  windowDays: number;
  periods: CoherencePeriod[];
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** summarizeProjection of the window's pairs, looked up in the memo by their exact bytes first. */
function windowStats(n: number, src: Int32Buffer, dst: Int32Buffer, wt: Float64Buffer, memo: EngineMemo | undefined): ProjectionStats {
  const m = src.length;
  if (!memo) return summarizeProjection(n, src.data, dst.data, wt.data, m);
  const key = memoKey("coherence.window", [n], [src.data.subarray(0, m), dst.data.subarray(0, m), wt.data.subarray(0, m)]);
  const cached = memo.get(key);
  if (cached) return bytesJson<ProjectionStats>(cached);
  const stats = summarizeProjection(n, src.data, dst.data, wt.data, m);
  memo.set(key, jsonBytes(stats));
  return stats;
}

export function computeCoherence(act: Activity, g: Graph, params: MetricParams, memo?: EngineMemo): CoherenceReport {
  const { unit, project, included } = act;
  const nP = act.nPeriods;
  const Wp = params.coherenceWindow;
  const S = params.integrationSeniority;
  const Wms = params.windowDays * DAY_MS;
  const cls = classifyLinks(g);
  const inScope = (i: number) => project === null || g.project[i] === project;

  // Scope contributions of relative period t are the in-scope ones in [pStart[t], pStart[t+1]).
  const pStart = new Int32Array(nP + 1);
  for (let t = 0; t < nP; t++) pStart[t] = lowerBoundTime(g.time, periodStart(act.firstPeriod + t, unit));
  pStart[nP] = included;

  const byPeriod = activeByPeriod(act);
  const stamp = new Int32Array(g.nU).fill(-1);
  const local = new Int32Array(g.nU);
  const src = new Int32Buffer(1024);
  const dst = new Int32Buffer(1024);
  const wt = new Float64Buffer(1024);
  const cohorts = newcomersByBirth(act);
  const base = pStart[0];
  const pairs = authorPairs(g, cls, base, included, project);

  const periods: CoherencePeriod[] = [];
  for (let t = 0; t < nP; t++) {
    let contributions = 0;
    let linked = 0;
    let links = 0;
    let selfLinks = 0;
    for (let i = pStart[t]; i < pStart[t + 1]; i++) {
      if (!inScope(i)) continue;
      contributions++;
      let isLinked = false;
      for (let e = g.outStart[i]; e < g.outStart[i + 1]; e++) {
        if (cls[e] === LINK_IGNORED) continue;
        links++;
        if (cls[e] === LINK_SELF) selfLinks++;
        else isLinked = true;
      }
      if (isLinked) linked++;
    }

    // The window's active contributors get local ids; the stamp t marks membership.
    const from = Math.max(0, t - Wp + 1);
    let n = 0;
    for (let k = byPeriod.start[from]; k < byPeriod.start[t + 1]; k++) {
      const u = byPeriod.contributor[k];
      if (stamp[u] !== t) {
        stamp[u] = t;
        local[u] = n++;
      }
    }
    src.length = dst.length = wt.length = 0;
    for (let p = pairs.start[pStart[from] - base]; p < pairs.start[pStart[t + 1] - base]; p++) {
      const u = pairs.u[p];
      const w = pairs.w[p];
      if (stamp[u] !== t || stamp[w] !== t) continue;
      src.push(local[u]);
      dst.push(local[w]);
      wt.push(pairs.weight[p]);
    }
    const stats = windowStats(n, src, dst, wt, memo);

    const integ = integration(act, g, cls, cohorts, t, S, Wms, inScope);
    periods.push({
      ...periodInfo(act, t),
      contributions, linked, linkingRatio: ratio(linked, contributions),
      links, selfLinks, selfLinkShare: ratio(selfLinks, links),
      window: {
        fromPeriod: act.firstPeriod + from,
        activeContributors: n,
        ...stats,
        giantComponentShare: ratio(stats.giantComponent, n),
      },
      newcomers: integ.newcomers,
      integrationEligible: integ.eligible,
      integrated: integ.integrated,
      newcomerIntegration: ratio(integ.integrated, integ.eligible),
    });
  }
  return { unit, project, windowPeriods: Wp, seniorityPeriods: S, windowDays: params.windowDays, periods };
}

interface AuthorPairs {
  /** pairs of graph contribution i: [start[i − base], start[i − base + 1]) */
  start: Int32Array;
  u: Int32Array;
  w: Int32Array;
  weight: Float64Array;
}

/**
 * The projection pairs (u, w, share_u · share_w) of every counted link out of the scope
 * contributions base..included−1, grouped by source contribution. Built once so that each of the
 * overlapping windows only filters by membership instead of walking links and authors again.
 */
function authorPairs(g: Graph, cls: Uint8Array, base: number, included: number, project: number | null): AuthorPairs {
  const start = new Int32Array(included - base + 1);
  const u = new Int32Buffer(1024);
  const w = new Int32Buffer(1024);
  const weight = new Float64Buffer(1024);
  for (let i = base; i < included; i++) {
    start[i - base] = u.length;
    if (project !== null && g.project[i] !== project) continue;
    for (let e = g.outStart[i]; e < g.outStart[i + 1]; e++) {
      if (cls[e] === LINK_IGNORED) continue;
      const y = g.outTo[e];
      for (let a = g.authorStart[i]; a < g.authorStart[i + 1]; a++) {
        for (let b = g.authorStart[y]; b < g.authorStart[y + 1]; b++) {
          if (g.authorIdx[a] === g.authorIdx[b]) continue;
          u.push(g.authorIdx[a]);
          w.push(g.authorIdx[b]);
          weight.push(g.authorShare[a] * g.authorShare[b]);
        }
      }
    }
  }
  start[included - base] = u.length;
  return { start, u: u.data, w: w.data, weight: weight.data };
}

interface Cohorts {
  start: Int32Array;
  member: Int32Array;
}

/** Cohort members bucketed by relative birth period (births before the axis are not cohorts here). */
function newcomersByBirth(act: Activity): Cohorts {
  const nP = act.nPeriods;
  const start = new Int32Array(nP + 1);
  for (let u = 0; u < act.nU; u++) if (act.inCohort[u] && act.birth[u] >= 0) start[act.birth[u] + 1]++;
  for (let t = 0; t < nP; t++) start[t + 1] += start[t];
  const member = new Int32Array(start[nP]);
  const fill = start.slice(0, nP);
  for (let u = 0; u < act.nU; u++) if (act.inCohort[u] && act.birth[u] >= 0) member[fill[act.birth[u]]++] = u;
  return { start, member };
}

function hasSeniorAuthor(act: Activity, g: Graph, c: number, maxBirth: number): boolean {
  for (let a = g.authorStart[c]; a < g.authorStart[c + 1]; a++) if (act.birth[g.authorIdx[a]] <= maxBirth) return true;
  return false;
}

function integration(
  act: Activity, g: Graph, cls: Uint8Array, cohorts: Cohorts, t: number, S: number, Wms: number,
  inScope: (i: number) => boolean,
): { newcomers: number; eligible: number; integrated: number } {
  const maxBirth = t - S;
  let eligible = 0;
  let integrated = 0;
  for (let k = cohorts.start[t]; k < cohorts.start[t + 1]; k++) {
    const u = cohorts.member[k];
    let v = -1;
    for (let j = g.workStart[u]; j < g.workStart[u + 1]; j++) {
      const i = g.workIdx[j];
      if (i >= act.included) break;
      if (inScope(i)) {
        v = i;
        break;
      }
    }
    if (v < 0) continue;
    let ok = false;
    for (let e = g.outStart[v]; e < g.outStart[v + 1] && !ok; e++) {
      ok = cls[e] === LINK_CROSS && hasSeniorAuthor(act, g, g.outTo[e], maxBirth);
    }
    for (let j = g.inStart[v]; j < g.inStart[v + 1] && !ok; j++) {
      const e = g.inEdge[j];
      const x = g.edgeFrom[e];
      ok = cls[e] === LINK_CROSS && x < act.included && g.time[x] - g.time[v] <= Wms && hasSeniorAuthor(act, g, x, maxBirth);
    }
    if (ok) integrated++;
    if (ok || g.time[v] + Wms <= act.asOfMs) eligible++;
  }
  return { newcomers: cohorts.start[t + 1] - cohorts.start[t], eligible, integrated };
}
