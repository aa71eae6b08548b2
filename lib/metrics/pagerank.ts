// Personalized PageRank, METRICS.md §3 (the second attribution algorithm, as in SourceCred).
//
// Nodes: contributions 0 .. nC−1, then contributors nC .. nC+nU−1. Weighted edges:
//   link x→y (newer to older)          w_type · κ   (disputed links weigh 0, i.e. are absent)
//   contributor u → contribution v     contributorToContribution · share(u, v)
//   contribution v → contributor u     contributionToContributor · share(u, v)
// Authorship edges carry the author's share so a co-authored contribution is shared out the same
// way as in the cascade, and a contributor's pull towards their work is proportional to their part
// in it. Transition probabilities are out-weights normalized per node. The walk teleports with
// probability α to the seed s ∝ m (contribution nodes only) and a dangling node (no out-weight)
// sends all its mass to s. This is networkx.pagerank(G, alpha = 1 − α, personalization = s,
// dangling = s, weight = 'weight'), solved by Gauss-Seidel sweeps in pagerank-kernel.ts.
//
// Project filter: contributions of other projects and every edge touching them are dropped
// (their score is 0); contributors keep their node, isolated if they have no work in the project.

import type { Graph } from "./graph";
import { type ProjectFilter, linkWeights, mintCredit } from "./attribution";
import type { MetricParams } from "./params";
import { type PageRankGraph, createPageRankArena, iteratePageRank } from "./pagerank-kernel";

export { iteratePageRank, type PageRankGraph } from "./pagerank-kernel";

export interface PageRankResult {
  /** stationary distribution over all nodes (contributions, then contributors), sums to 1 */
  score: Float64Array;
  /** contributor scores scaled so their total equals total minted */
  attribution: Float64Array;
  totalMinted: number;
  iterations: number;
  converged: boolean;
  /** L1 change one power-iteration step would make at the result (METRICS.md's stopping test) */
  delta: number;
}

export function buildPageRankGraph(g: Graph, params: MetricParams, project: ProjectFilter = null): PageRankGraph {
  const { nC, nU, outStart, authorStart, authorIdx, authorShare, workStart, workIdx, workShare, inStart: linkInStart, inEdge, edgeFrom } = g;
  const n = nC + nU;
  const toWork = params.pagerank.contributorToContribution;
  const toAuthor = params.pagerank.contributionToContributor;
  const w = linkWeights(g, params, project);
  const inProject = (i: number) => project === null || g.project[i] === project;

  const outTot = new Float64Array(n);
  const inStart = new Int32Array(n + 1);
  for (let i = 0; i < nC; i++) {
    if (!inProject(i)) continue;
    let s = 0;
    for (let e = outStart[i]; e < outStart[i + 1]; e++) s += w[e];
    for (let a = authorStart[i]; a < authorStart[i + 1]; a++) {
      const x = toAuthor * authorShare[a];
      s += x;
      if (x > 0) inStart[nC + authorIdx[a] + 1]++;
      if (toWork * authorShare[a] > 0) {
        outTot[nC + authorIdx[a]] += toWork * authorShare[a];
        inStart[i + 1]++;
      }
    }
    outTot[i] = s;
    for (let k = linkInStart[i]; k < linkInStart[i + 1]; k++) if (w[inEdge[k]] > 0) inStart[i + 1]++;
  }
  for (let v = 0; v < n; v++) inStart[v + 1] += inStart[v];
  let nDangling = 0;
  for (let v = 0; v < n; v++) if (!(outTot[v] > 0)) nDangling++;

  // Filled in place inside the kernel's memory when WebAssembly is available (no second copy).
  const arena = createPageRankArena(n, inStart[n]);
  if (arena) arena.inStart.set(inStart);
  const inSrc = arena?.inSrc ?? new Int32Array(inStart[n]);
  const inProb = arena?.inProb ?? new Float64Array(inStart[n]);
  let q = 0;
  for (let j = 0; j < nC; j++) {
    if (!inProject(j)) continue;
    q = inStart[j];
    for (let k = linkInStart[j]; k < linkInStart[j + 1]; k++) {
      const e = inEdge[k];
      if (!(w[e] > 0)) continue;
      inSrc[q] = edgeFrom[e];
      inProb[q++] = w[e] / outTot[edgeFrom[e]];
    }
    for (let a = authorStart[j]; a < authorStart[j + 1]; a++) {
      const x = toWork * authorShare[a];
      if (!(x > 0)) continue;
      inSrc[q] = nC + authorIdx[a];
      inProb[q++] = x / outTot[nC + authorIdx[a]];
    }
  }
  for (let u = 0; u < nU; u++) {
    q = inStart[nC + u];
    for (let k = workStart[u]; k < workStart[u + 1]; k++) {
      const i = workIdx[k];
      const x = toAuthor * workShare[k];
      if (!inProject(i) || !(x > 0)) continue;
      inSrc[q] = i;
      inProb[q++] = x / outTot[i];
    }
  }

  const dangling = new Int32Array(nDangling);
  for (let v = 0, d = 0; v < n; v++) if (!(outTot[v] > 0)) dangling[d++] = v;

  const minted = mintCredit(g, params, project);
  let total = 0;
  for (let i = 0; i < nC; i++) total += minted[i];
  const seed = arena?.seed ?? new Float64Array(n);
  if (total > 0) for (let i = 0; i < nC; i++) seed[i] = minted[i] / total;
  // Contributions newest first: a link's source is swept before its target (pagerank-kernel.ts).
  return { n, inStart: arena?.inStart ?? inStart, inSrc, inProb, dangling, seed, descendingBelow: nC, arena };
}

export function runPageRank(g: Graph, params: MetricParams, project: ProjectFilter = null): PageRankResult {
  const pg = buildPageRankGraph(g, params, project);
  const { alpha, tolerance, maxIterations } = params.pagerank;
  const r = iteratePageRank(pg, alpha, tolerance, maxIterations);
  const minted = mintCredit(g, params, project);
  let totalMinted = 0;
  for (let i = 0; i < g.nC; i++) totalMinted += minted[i];
  let contributorMass = 0;
  for (let u = 0; u < g.nU; u++) contributorMass += r.score[g.nC + u];
  const attribution = new Float64Array(g.nU);
  if (contributorMass > 0) {
    const scale = totalMinted / contributorMass;
    for (let u = 0; u < g.nU; u++) attribution[u] = r.score[g.nC + u] * scale;
  }
  return { ...r, attribution, totalMinted };
}
