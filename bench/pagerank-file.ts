// The PageRank graph file every solver of the benchmark reads (layout: bench/pagerank.c). Written
// from buildPageRankGraph's arrays, read straight into a kernel arena so the JS process holds the
// graph once, like the C process.
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { type PageRankGraph, createPageRankArena } from "@/lib/metrics/pagerank-kernel";

type View = Int32Array | Float64Array | BigInt64Array;

export function writePageRankFile(file: string, pg: PageRankGraph): void {
  const fd = openSync(file, "w");
  try {
    const head = BigInt64Array.of(BigInt(pg.n), BigInt(pg.inSrc.length), BigInt(pg.dangling.length), BigInt(pg.descendingBelow ?? 0));
    for (const a of [head, pg.inStart, pg.inSrc, pg.inProb, pg.seed, pg.dangling] as View[]) {
      writeSync(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    }
  } finally {
    closeSync(fd);
  }
}

function readInto(fd: number, a: View, at: number): number {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  for (let done = 0; done < bytes.length; ) done += readSync(fd, bytes, done, bytes.length - done, at + done);
  return at + a.byteLength;
}

/** The file as a PageRankGraph whose arrays live in a kernel arena (or plain arrays with `plain`). */
export function readPageRankFile(file: string, plain = false): PageRankGraph {
  const fd = openSync(file, "r");
  try {
    const head = new BigInt64Array(4);
    let at = readInto(fd, head, 0);
    const [n, m, nd, descendingBelow] = Array.from(head, Number);
    const arena = plain ? null : createPageRankArena(n, m);
    const pg: PageRankGraph = {
      n, arena, descendingBelow,
      inStart: arena?.inStart ?? new Int32Array(n + 1), inSrc: arena?.inSrc ?? new Int32Array(m),
      inProb: arena?.inProb ?? new Float64Array(m), seed: arena?.seed ?? new Float64Array(n), dangling: new Int32Array(nd),
    };
    for (const a of [pg.inStart, pg.inSrc, pg.inProb, pg.seed, pg.dangling]) at = readInto(fd, a, at);
    return pg;
  } finally {
    closeSync(fd);
  }
}
