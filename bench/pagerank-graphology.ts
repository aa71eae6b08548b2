// graphology-metrics pagerank end to end, in its own process: build a graphology graph from the
// benchmark's PageRank graph file, then run pagerank. graphology has no personalization, so this
// solves the uniform-teleport PageRank of the same weighted graph: the same size of problem, not the
// same answer (the bench compares times only). Its stopping rule is L1 change < N · tolerance.
// Usage: tsx bench/pagerank-graphology.ts GRAPH.bin ALPHA TOL MAXITER → one JSON line.
import Graph from "graphology";
import pagerank from "graphology-metrics/centrality/pagerank";
import { readPageRankFile } from "./pagerank-file";
import { peakRssKb } from "./peak-rss";

const [file, alpha, tol, maxIter] = process.argv.slice(2);
const pg = readPageRankFile(file, true);
const t0 = performance.now();
const g = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
for (let v = 0; v < pg.n; v++) g.addNode(v);
for (let v = 0; v < pg.n; v++) {
  for (let k = pg.inStart[v]; k < pg.inStart[v + 1]; k++) g.addDirectedEdge(pg.inSrc[k], v, { weight: pg.inProb[k] });
}
const built = performance.now();
const scores = pagerank(g, { alpha: 1 - Number(alpha), tolerance: Number(tol) / pg.n, maxIterations: Number(maxIter), getEdgeWeight: "weight" });
const done = performance.now();
let sum = 0;
for (const v in scores) sum += scores[v];
console.log(JSON.stringify({
  seconds: (done - built) / 1000, setupSeconds: (built - t0) / 1000, endToEndSeconds: (done - t0) / 1000,
  sum, maxRssKb: peakRssKb(),
}));
