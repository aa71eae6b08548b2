// Attribution, METRICS.md §3: minting and the cascade (the default algorithm).
//
// Credit flows from new work to the work it stands on. The cascade is one pass over the
// contributions in a processing order where every link's source comes before its target, so a
// contribution's inflow is complete when it is reached. Units: credit is in "minted units" (an
// accepted contribution of a kind with weight 1 mints 1).
//
// Project filter: with a project index, contributions of other projects mint nothing and every link
// with an end outside the project is ineligible, i.e. the filtered view is the induced subgraph.
// A cross-project link therefore passes nothing: its share stays with the source, and credit is
// conserved inside the project (total attribution = credit minted in the project).

import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, LINK_STATUSES } from "./codes";
import type { Graph } from "./graph";
import { type MetricParams, typeWeightArray } from "./params";

/** Dense project index (Graph.project) or null for the whole ecosystem. */
export type ProjectFilter = number | null;

export interface CascadeResult {
  /** m_v; 0 outside the project filter */
  minted: Float64Array;
  /** c_v = m_v + inflow_v */
  held: Float64Array;
  /** credit each contribution keeps: c_v − passed_v */
  kept: Float64Array;
  /** eligible weight w_type·κ of each link; 0 for disputed, cross-project or back-pointing links */
  linkWeight: Float64Array;
  /** Σ of eligible out-link weights per contribution; 0 means it keeps everything */
  outWeight: Float64Array;
  /** credit carried by each link */
  linkFlow: Float64Array;
  /** processing order (positions → contribution index), newest first, sources before targets */
  order: Int32Array;
  /** ρ used */
  rho: number;
  /** kept credit per contributor, split by author shares */
  attribution: Float64Array;
  totalMinted: number;
  totalAttribution: number;
}

/** w_kind in CONTRIBUTION_KINDS order. */
export function kindWeightArray(params: MetricParams): Float64Array {
  return Float64Array.from(CONTRIBUTION_KINDS.map((k) => params.kindWeights[k]));
}

/** w_status in CONTRIBUTION_STATUSES order. */
export function statusWeightArray(params: MetricParams): Float64Array {
  return Float64Array.from(CONTRIBUTION_STATUSES.map((s) => params.statusWeights[s]));
}

/** κ in LINK_STATUSES order; a removed link never enters the graph, 0 is a safety net. */
export function linkStatusFactorArray(params: MetricParams): Float64Array {
  const f = params.statusFactors;
  return Float64Array.from(LINK_STATUSES.map((s) => (s === "removed" ? 0 : f[s])));
}

/** m_v = w_kind(kind(v)) · w_status(v); 0 for contributions outside the project filter. */
export function mintCredit(g: Graph, params: MetricParams, project: ProjectFilter = null): Float64Array {
  const wk = kindWeightArray(params);
  const ws = statusWeightArray(params);
  const m = new Float64Array(g.nC);
  for (let i = 0; i < g.nC; i++) {
    if (project !== null && g.project[i] !== project) continue;
    m[i] = wk[g.kind[i]] * ws[g.status[i]];
  }
  return m;
}

/** w_type(e) · κ(status(e)) per link; 0 when either end is outside the project filter. */
export function linkWeights(g: Graph, params: MetricParams, project: ProjectFilter = null): Float64Array {
  const wt = typeWeightArray(params);
  const kappa = linkStatusFactorArray(params);
  const w = new Float64Array(g.nE);
  for (let e = 0; e < g.nE; e++) {
    if (project !== null && (g.project[g.edgeFrom[e]] !== project || g.project[g.outTo[e]] !== project)) continue;
    w[e] = wt[g.outType[e]] * kappa[g.outStatus[e]];
  }
  return w;
}

/**
 * Newest-first processing order in which every link's source precedes its target. Contributions
 * are in time order, so only runs of equal `occurredAt` can hold a link from a lower to a higher
 * index; each such run is ordered topologically (Kahn) over its internal links. A cycle inside a
 * run (the write path forbids it) leaves the rest of the run in descending index order; the cascade
 * then treats links pointing back in this order as ineligible, which keeps credit conserved.
 */
export function cascadeOrder(g: Graph): Int32Array {
  const { nC, time, outStart, outTo } = g;
  const order = new Int32Array(nC);
  const indeg = new Int32Array(nC);
  let k = 0;
  let hi = nC - 1;
  while (hi >= 0) {
    let lo = hi;
    while (lo > 0 && time[lo - 1] === time[hi]) lo--;
    if (lo === hi) {
      order[k++] = hi--;
      continue;
    }
    for (let i = lo; i <= hi; i++) {
      for (let e = outStart[i]; e < outStart[i + 1]; e++) {
        const j = outTo[e];
        if (j >= lo && j <= hi) indeg[j]++;
      }
    }
    // The slice order[k ..] doubles as Kahn's queue; seeding in descending index keeps the
    // common case (no internal links) identical to the plain reverse loop.
    let tail = k;
    for (let i = hi; i >= lo; i--) if (indeg[i] === 0) order[tail++] = i;
    for (let head = k; head < tail; head++) {
      const i = order[head];
      for (let e = outStart[i]; e < outStart[i + 1]; e++) {
        const j = outTo[e];
        if (j >= lo && j <= hi && --indeg[j] === 0) order[tail++] = j;
      }
    }
    const end = k + (hi - lo + 1);
    for (let i = hi; i >= lo && tail < end; i--) {
      if (indeg[i] > 0) {
        order[tail++] = i;
        indeg[i] = 0;
      }
    }
    k = tail;
    hi = lo - 1;
  }
  return order;
}

/** Σ over each contributor's contributions of share · x[v]. */
export function contributorSums(g: Graph, x: Float64Array): Float64Array {
  const out = new Float64Array(g.nU);
  const { authorStart, authorIdx, authorShare } = g;
  for (let i = 0; i < g.nC; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    for (let a = authorStart[i]; a < authorStart[i + 1]; a++) out[authorIdx[a]] += authorShare[a] * xi;
  }
  return out;
}

/**
 * Link weights with the ineligible ones zeroed: a link must point to a contribution later in the
 * processing order. That is always true in a DAG whose links never point forward in time; the check
 * only bites on data the write path should have refused.
 */
function eligibleWeights(g: Graph, params: MetricParams, project: ProjectFilter, order: Int32Array): Float64Array {
  const w = linkWeights(g, params, project);
  const pos = new Int32Array(g.nC);
  for (let k = 0; k < g.nC; k++) pos[order[k]] = k;
  for (let e = 0; e < g.nE; e++) if (pos[g.outTo[e]] <= pos[g.edgeFrom[e]]) w[e] = 0;
  return w;
}

/** The cascade of METRICS.md §3, O(V + E). */
export function runCascade(g: Graph, params: MetricParams, project: ProjectFilter = null): CascadeResult {
  const { nC, outStart, outTo } = g;
  const rho = params.passThrough;
  const minted = mintCredit(g, params, project);
  const order = cascadeOrder(g);
  const linkWeight = eligibleWeights(g, params, project, order);
  const outWeight = new Float64Array(nC);
  for (let i = 0; i < nC; i++) {
    let s = 0;
    for (let e = outStart[i]; e < outStart[i + 1]; e++) s += linkWeight[e];
    outWeight[i] = s;
  }

  // `held` accumulates inflow until the contribution is reached, then holds c_v.
  const held = new Float64Array(nC);
  const kept = new Float64Array(nC);
  const linkFlow = new Float64Array(g.nE);
  for (let k = 0; k < nC; k++) {
    const i = order[k];
    const c = minted[i] + held[i];
    held[i] = c;
    const tot = outWeight[i];
    if (tot > 0 && c !== 0) {
      const pass = rho * c;
      const f = pass / tot;
      for (let e = outStart[i]; e < outStart[i + 1]; e++) {
        const x = linkWeight[e] * f;
        linkFlow[e] = x;
        held[outTo[e]] += x;
      }
      kept[i] = c - pass;
    } else {
      kept[i] = c;
    }
  }

  const attribution = contributorSums(g, kept);
  let totalMinted = 0;
  for (let i = 0; i < nC; i++) totalMinted += minted[i];
  let totalAttribution = 0;
  for (let u = 0; u < g.nU; u++) totalAttribution += attribution[u];
  return { minted, held, kept, linkWeight, outWeight, linkFlow, order, rho, attribution, totalMinted, totalAttribution };
}

export interface PassThrough {
  /** credit u's contributions passed on to older work (share-weighted) */
  passed: Float64Array;
  /** credit u's contributions received from links (share-weighted inflow, minted excluded) */
  inflow: Float64Array;
  /** credit u's contributions held: minted + inflow (share-weighted) */
  held: Float64Array;
  /** passed / held, the §5 pass-through; 0 when nothing was held */
  ratio: Float64Array;
}

/**
 * §5 pass-through per contributor. "Credit they received" is read as the credit their contributions
 * held (minted + inflow): every unit that arrives at a contribution, minted there or carried in, is
 * either kept or passed on, so the ratio lies in [0, ρ] and is ρ exactly for someone all of whose
 * credited work links onward. Raw inflow is reported beside it.
 */
export function passThroughByContributor(g: Graph, cascade: CascadeResult): PassThrough {
  const passedC = new Float64Array(g.nC);
  const inflowC = new Float64Array(g.nC);
  for (let i = 0; i < g.nC; i++) {
    passedC[i] = cascade.held[i] - cascade.kept[i];
    inflowC[i] = cascade.held[i] - cascade.minted[i];
  }
  const passed = contributorSums(g, passedC);
  const inflow = contributorSums(g, inflowC);
  const held = contributorSums(g, cascade.held);
  const ratio = new Float64Array(g.nU);
  for (let u = 0; u < g.nU; u++) ratio[u] = held[u] > 0 ? passed[u] / held[u] : 0;
  return { passed, inflow, held, ratio };
}
