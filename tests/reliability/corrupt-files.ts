// The damaged import files of corrupt-imports.test.ts, each with what the import must end with.
// The long-line file is written as a stream of 1 MiB pieces (never the whole line in memory),
// and can be sent to the upload route the same way (hugeLineBody).
import { createWriteStream } from "node:fs";
import { once } from "node:events";

export const HEADER = "external_id,project,title,kind,occurred_at,authors";
export const good = (id: string) => `${id},alpha,Survey ${id},data,2026-01-10,ada@example.org`;
export const goodJson = (id: string) => JSON.stringify({ external_id: id, project: "alpha", title: `Survey ${id}`, kind: "data", occurred_at: "2026-01-10", authors: "ada@example.org" });

const PIECE = 1 << 20;

/** The pieces of a file with one row of `chars` characters between two good ones (ids prefixed with `p`): CSV (one bare cell) or a JSON line. */
export function* hugeLinePieces(format: "csv" | "jsonl", chars: number, p: string): Generator<Buffer> {
  const head = format === "csv" ? `${HEADER}\n${good(`${p}h1`)}\n${p}h2,alpha,` : `${goodJson(`${p}h1`)}\n{"external_id":"${p}h2","title":"`;
  const tail = format === "csv" ? `,data,2026-01-10,ada@example.org\n${good(`${p}h3`)}\n` : `"}\n${goodJson(`${p}h3`)}\n`;
  yield Buffer.from(head);
  const piece = Buffer.alloc(PIECE, "x");
  let left = chars;
  while (left > 0) {
    const n = Math.min(left, PIECE);
    yield n === PIECE ? piece : piece.subarray(0, n);
    left -= n;
  }
  yield Buffer.from(tail);
}

export async function writeHugeLineFile(filePath: string, format: "csv" | "jsonl", chars: number, p: string): Promise<void> {
  const out = createWriteStream(filePath);
  for (const piece of hugeLinePieces(format, chars, p)) if (!out.write(piece)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

/** The same file as a request body, made piece by piece as the route reads it. */
export function hugeLineBody(format: "csv" | "jsonl", chars: number, p: string): ReadableStream<Uint8Array> {
  const pieces = hugeLinePieces(format, chars, p);
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
  });
}

/** Samples the process's resident memory while `work` runs; returns its result and the peak growth in MB. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; baseMb: number; peakMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, baseMb: Math.round(base / 2 ** 20), peakMb: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}
