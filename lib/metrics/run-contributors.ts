// Per-contributor stored rows of a run.
//
// Contributor × period rows are kept only where something happened: the contributor was new,
// returning, resurrecting or newly dormant, or received attribution flow. Dormant and churned
// periods follow from the rows (the state after a newly dormant row), and so does visibility: with
// no flow it only decays, V(t) = V(t₀)·(1 − d)^(t − t₀), which readers apply between rows. Storing
// every contributor in every period would be 15M rows per scope at benchmark size, nearly all empty.

import type { Activity } from "./activity";
import type { AttributionFlow } from "./attribution-flow";
import type { CascadeResult } from "./attribution";
import type { Graph } from "./graph";
import type { HubsResult } from "./hubs";
import { fillContributorStates, STATE_NEWLY_DORMANT, STATE_NONE } from "./lifecycle";
import type { ContributorPeriodColumns, ContributorSummaryRow } from "./results";
import { ContributorPeriodCollector } from "./results";
import { Float64Buffer, Int32Buffer, TopK } from "./typed-buffer";
import { forEachVisibility } from "./visibility";
import { LINK_CONFIRMED } from "./codes";

export function contributorPeriodRows(act: Activity, flow: AttributionFlow, gap: number, decay: number): {
  columns: ContributorPeriodColumns;
  /** visibility stock of every contributor at the end of the flow (the current period) */
  finalStock: Float64Array;
} {
  const nU = act.nU;
  const nP = act.nPeriods;
  // Event states by relative period, as a CSR built in two passes (count, fill).
  const buf = new Uint8Array(nP);
  const count = new Int32Array(nP + 1);
  for (let u = 0; u < nU; u++) {
    if (act.activeStart[u] === act.activeStart[u + 1]) continue;
    fillContributorStates(act, u, gap, buf);
    for (let t = 0; t < nP; t++) if (buf[t] !== STATE_NONE && buf[t] <= STATE_NEWLY_DORMANT) count[t + 1]++;
  }
  for (let t = 0; t < nP; t++) count[t + 1] += count[t];
  const fill = count.slice(0, nP);
  const who = new Int32Array(count[nP]);
  const what = new Uint8Array(count[nP]);
  for (let u = 0; u < nU; u++) {
    if (act.activeStart[u] === act.activeStart[u + 1]) continue;
    fillContributorStates(act, u, gap, buf);
    for (let t = 0; t < nP; t++) {
      if (buf[t] === STATE_NONE || buf[t] > STATE_NEWLY_DORMANT) continue;
      const k = fill[t]++;
      who[k] = u;
      what[k] = buf[t];
    }
  }

  const out = new ContributorPeriodCollector();
  const stateOf = new Uint8Array(nU);
  const flowOf = new Float64Array(nU);
  const touched = new Uint8Array(nU);
  const list: number[] = [];
  let finalStock = new Float64Array(nU);
  forEachVisibility(flow, nU, decay, (period, stock) => {
    const t = period - act.firstPeriod;
    list.length = 0;
    if (t >= 0 && t < nP) {
      for (let k = count[t]; k < count[t + 1]; k++) {
        stateOf[who[k]] = what[k];
        if (!touched[who[k]]) { touched[who[k]] = 1; list.push(who[k]); }
      }
    }
    const p = period - flow.firstPeriod;
    for (let r = flow.periodStart[p]; r < flow.periodStart[p + 1]; r++) {
      const u = flow.contributor[r];
      if (flow.value[r] === 0) continue;
      flowOf[u] = flow.value[r];
      if (!touched[u]) { touched[u] = 1; list.push(u); }
    }
    list.sort((a, b) => a - b);
    for (const u of list) {
      out.push(u, period, stateOf[u], flowOf[u], stock[u]);
      stateOf[u] = 0;
      flowOf[u] = 0;
      touched[u] = 0;
    }
    if (p === flow.nPeriods - 1) finalStock = Float64Array.from(stock);
  });
  return { columns: out.columns(), finalStock };
}

/** Scope contributions per contributor (co-authors count each in full), up to `included`. */
export function contributionCounts(g: Graph, project: number | null, included: number): Int32Array {
  const n = new Int32Array(g.nU);
  for (let i = 0; i < included; i++) {
    if (project !== null && g.project[i] !== project) continue;
    for (let a = g.authorStart[i]; a < g.authorStart[i + 1]; a++) n[g.authorIdx[a]]++;
  }
  return n;
}

/** Per contributor u, its top (id, credit) pairs: id[start[u] .. start[u + 1]), largest first. */
interface TopLists {
  start: Int32Array;
  id: Int32Array;
  credit: Float64Array;
}

/**
 * Whole-history top sources and links of each contributor: every flow row's decomposition summed
 * per source contributor (or link), then the k largest, ties by the smaller id. Rows are visited
 * per contributor in row order, so each key's sum adds the same terms in the same order as a
 * running total over the rows would; dense accumulators indexed by contributor or edge replace maps.
 */
function wholeHistoryTop(g: Graph, flow: AttributionFlow, k: number): { sources: TopLists; links: TopLists } {
  const s = flow.sources;
  const nRows = flow.contributor.length;
  const rowStart = new Int32Array(g.nU + 1);
  for (let r = 0; r < nRows; r++) rowStart[flow.contributor[r] + 1]++;
  for (let u = 0; u < g.nU; u++) rowStart[u + 1] += rowStart[u];
  const rows = new Int32Array(nRows);
  const fill = rowStart.slice(0, g.nU);
  for (let r = 0; r < nRows; r++) rows[fill[flow.contributor[r]]++] = r;

  const collect = (entryStart: Int32Array, entryKey: Int32Array, entryValue: Float64Array, nKeys: number, idOf: (key: number) => number): TopLists => {
    const acc = new Float64Array(nKeys);
    const seen = new Int32Array(nKeys).fill(-1);
    const keys = new Int32Buffer();
    const top = new TopK(k);
    const out = { start: new Int32Array(g.nU + 1), id: new Int32Buffer(), credit: new Float64Buffer() };
    for (let u = 0; u < g.nU; u++) {
      keys.length = 0;
      for (let x = rowStart[u]; x < rowStart[u + 1]; x++) {
        const r = rows[x];
        for (let q = entryStart[r]; q < entryStart[r + 1]; q++) {
          const key = entryKey[q];
          if (seen[key] !== u) {
            seen[key] = u;
            acc[key] = 0;
            keys.push(key);
          }
          acc[key] += entryValue[q];
        }
      }
      top.reset();
      for (let c = 0; c < keys.length; c++) top.offer(idOf(keys.data[c]), acc[keys.data[c]]);
      for (let c = 0; c < top.size; c++) {
        out.id.push(top.ids[c]);
        out.credit.push(top.values[c]);
      }
      out.start[u + 1] = out.id.length;
    }
    return { start: out.start, id: out.id.toArray(), credit: out.credit.toArray() };
  };
  const empty = { start: new Int32Array(g.nU + 1), id: new Int32Array(0), credit: new Float64Array(0) };
  if (!s) return { sources: empty, links: empty };
  return {
    sources: collect(s.sourceStart, s.sourceContributor, s.sourceValue, g.nU, (u) => u),
    links: collect(s.linkStart, s.linkEdge, s.linkValue, g.nE, (e) => g.linkId[e]),
  };
}

function listOf<T>(t: TopLists, u: number, make: (id: number, credit: number) => T): T[] {
  const out: T[] = [];
  for (let c = t.start[u]; c < t.start[u + 1]; c++) out.push(make(t.id[c], t.credit[c]));
  return out;
}

/**
 * Who builds on each contributor's work (their profile's "who builds on your work"): per builder,
 * the links from the builder's work to the contributor's, counted once per (builder, link) (a
 * co-authored source counts once per co-author; the contributor's own links are left out), how many
 * are confirmed and the latest source's time; the k builders with most links, ties by the smaller
 * user id. At hub scale a live query aggregates ~125k links per request (3.7 s at bench size); here
 * it is one pass over the incoming links of the whole graph. Removed links and withdrawn work are
 * not in the graph, as the live query left them out.
 */
export function topBuilders(g: Graph, k: number): { start: Int32Array; user: Int32Array; links: Int32Array; confirmed: Int32Array; lastAt: Float64Array } {
  const seen = new Int32Array(g.nU).fill(-1);
  const links = new Int32Array(g.nU);
  const confirmed = new Int32Array(g.nU);
  const last = new Float64Array(g.nU);
  const keys = new Int32Buffer();
  const top = new TopK(k);
  const start = new Int32Array(g.nU + 1);
  const out = { user: new Int32Buffer(), links: new Int32Buffer(), confirmed: new Int32Buffer(), lastAt: new Float64Buffer() };
  const denseOf = new Map<number, number>();
  for (let u = 0; u < g.nU; u++) denseOf.set(g.contributorId[u], u);
  for (let u = 0; u < g.nU; u++) {
    keys.length = 0;
    for (let w = g.workStart[u]; w < g.workStart[u + 1]; w++) {
      const x = g.workIdx[w];
      for (let q = g.inStart[x]; q < g.inStart[x + 1]; q++) {
        const e = g.inEdge[q];
        const src = g.edgeFrom[e];
        for (let a = g.authorStart[src]; a < g.authorStart[src + 1]; a++) {
          const b = g.authorIdx[a];
          if (b === u) continue;
          if (seen[b] !== u) {
            seen[b] = u;
            links[b] = 0;
            confirmed[b] = 0;
            last[b] = -Infinity;
            keys.push(b);
          }
          links[b]++;
          if (g.outStatus[e] === LINK_CONFIRMED) confirmed[b]++;
          if (g.time[src] > last[b]) last[b] = g.time[src];
        }
      }
    }
    top.reset();
    // TopK breaks ties by the smaller id: offer database ids, then map back through `denseOf`.
    for (let c = 0; c < keys.length; c++) top.offer(g.contributorId[keys.data[c]], links[keys.data[c]]);
    for (let c = 0; c < top.size; c++) {
      const b = denseOf.get(top.ids[c])!;
      out.user.push(b);
      out.links.push(links[b]);
      out.confirmed.push(confirmed[b]);
      out.lastAt.push(last[b]);
    }
    start[u + 1] = out.user.length;
  }
  return { start, user: out.user.toArray(), links: out.links.toArray(), confirmed: out.confirmed.toArray(), lastAt: out.lastAt.toArray() };
}

function buildersOf(t: ReturnType<typeof topBuilders>, u: number): { contributor: number; links: number; confirmed: number; lastAt: number }[] {
  const out = [];
  for (let c = t.start[u]; c < t.start[u + 1]; c++) out.push({ contributor: t.user[c], links: t.links[c], confirmed: t.confirmed[c], lastAt: t.lastAt[c] });
  return out;
}

export interface SummaryInputs {
  g: Graph;
  counts: Int32Array;
  cascade: CascadeResult;
  hubs: HubsResult;
  pagerank: Float64Array;
  flow: AttributionFlow;
  finalStock: Float64Array;
  topK: number;
  /** keep the top builders of each contributor (the ecosystem scope: the profile reads them) */
  buildersTopK?: number;
}

/**
 * One summary row per contributor with scope work. The decomposition of a row sums each period's
 * top-k lists, so it is exact for contributors with few sources and a lower bound (the largest
 * sources) otherwise.
 */
export function contributorSummaries(x: SummaryInputs): ContributorSummaryRow[] {
  const { g, counts, cascade, hubs } = x;
  let totalStock = 0;
  for (let u = 0; u < g.nU; u++) totalStock += x.finalStock[u];
  const isHub = new Uint8Array(g.nU);
  for (const u of hubs.hubs) isHub[u] = 1;
  const top = wholeHistoryTop(g, x.flow, x.topK);
  const builders = x.buildersTopK ? topBuilders(g, x.buildersTopK) : null;
  const rows: ContributorSummaryRow[] = [];
  for (let u = 0; u < g.nU; u++) {
    if (counts[u] === 0 && cascade.attribution[u] === 0) continue;
    rows.push({
      contributor: u,
      contributions: counts[u],
      attribution: cascade.attribution[u],
      attributionShare: hubs.attributionShare[u],
      contributionShare: hubs.contributionShare[u],
      premium: hubs.premium[u],
      betweenness: hubs.betweenness.value[u],
      isHub: isHub[u] === 1,
      passThrough: hubs.passThrough ? hubs.passThrough[u] : 0,
      pagerank: x.pagerank[u],
      visibility: x.finalStock[u],
      visibilityShare: totalStock > 0 ? x.finalStock[u] / totalStock : 0,
      sources: {
        sources: listOf(top.sources, u, (contributor, credit) => ({ contributor, credit })),
        links: listOf(top.links, u, (linkId, credit) => ({ linkId, credit })),
        ...(builders && { builders: buildersOf(builders, u) }),
      },
    });
  }
  return rows;
}
