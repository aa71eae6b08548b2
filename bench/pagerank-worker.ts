// One timed PageRank solve in its own process, so its peak memory is comparable with the C
// process's: node bench/out/pagerank-worker.mjs wasm|js GRAPH.bin ALPHA TOL MAXITER OUT.f64
// (bundled by bench/pagerank.ts). Prints one JSON line like bench/pagerank.c.
import { writeFileSync } from "node:fs";
import { iterateJs, iteratePageRank } from "@/lib/metrics/pagerank-kernel";
import { readPageRankFile } from "./pagerank-file";
import { peakRssKb } from "./peak-rss";

const [mode, file, alpha, tol, maxIter, out] = process.argv.slice(2);
const pg = readPageRankFile(file, mode === "js");
if (mode === "wasm" && !pg.arena) throw new Error("WebAssembly kernel unavailable");
const t0 = performance.now();
const r = mode === "js" ? iterateJs(pg, Number(alpha), Number(tol), Number(maxIter)) : iteratePageRank(pg, Number(alpha), Number(tol), Number(maxIter));
const seconds = (performance.now() - t0) / 1000;
writeFileSync(out, new Uint8Array(r.score.buffer, r.score.byteOffset, r.score.byteLength));
console.log(JSON.stringify({ iterations: r.iterations, delta: r.delta, seconds, maxRssKb: peakRssKb() }));
