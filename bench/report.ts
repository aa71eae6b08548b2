// Shared printing and timing of the benchmarks: one machine line, aligned tables, best-of-N timing.
import os from "node:os";

/** CPU, cores, memory, Node and the load average when the run started (the machine is shared). */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const [l1, l5, l15] = os.loadavg().map((x) => x.toFixed(2));
  return `Machine: ${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ` +
    `load average ${l1} / ${l5} / ${l15} (1 / 5 / 15 min) at ${new Date().toISOString()}`;
}

export function section(title: string): void {
  console.log(`\n## ${title}\n`);
}

/** A Markdown table, columns padded so it also reads well in a terminal. */
export function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const width = headers.map((_, c) => Math.max(3, ...cells.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => `| ${r.map((x, c) => x.padEnd(width[c])).join(" | ")} |`;
  console.log(line(headers));
  console.log(`| ${width.map((w) => "-".repeat(w)).join(" | ")} |`);
  for (const r of cells.slice(1)) console.log(line(r));
}

/** Best wall time in seconds of `runs` calls of f (after `warmup` untimed calls), and f's last result. */
export function bestOf<T>(runs: number, f: () => T, warmup = 0): { seconds: number; result: T } {
  let result = undefined as T;
  for (let i = 0; i < warmup; i++) result = f();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = f();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return { seconds: best, result };
}

export const fmt = (seconds: number, digits = 2) => seconds.toFixed(digits);
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
