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
import { forEachVisibility } from "./visibility";

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

/** Whole-history top sources and links of each contributor, summed over the flow rows' decompositions. */
function wholeHistorySources(g: Graph, flow: AttributionFlow) {
  const bySource = new Map<number, Map<number, number>>();
  const byLink = new Map<number, Map<number, number>>();
  const s = flow.sources;
  if (!s) return { bySource, byLink };
  const add = (m: Map<number, Map<number, number>>, u: number, key: number, x: number) => {
    let inner = m.get(u);
    if (!inner) m.set(u, (inner = new Map()));
    inner.set(key, (inner.get(key) ?? 0) + x);
  };
  for (let r = 0; r < flow.contributor.length; r++) {
    const u = flow.contributor[r];
    for (let q = s.sourceStart[r]; q < s.sourceStart[r + 1]; q++) add(bySource, u, s.sourceContributor[q], s.sourceValue[q]);
    for (let q = s.linkStart[r]; q < s.linkStart[r + 1]; q++) add(byLink, u, g.linkId[s.linkEdge[q]], s.linkValue[q]);
  }
  return { bySource, byLink };
}

function topOf(m: Map<number, number> | undefined, k: number): [number, number][] {
  if (!m) return [];
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);
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
  const { bySource, byLink } = wholeHistorySources(g, x.flow);
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
        sources: topOf(bySource.get(u), x.topK).map(([contributor, credit]) => ({ contributor, credit })),
        links: topOf(byLink.get(u), x.topK).map(([linkId, credit]) => ({ linkId, credit })),
      },
    });
  }
  return rows;
}
