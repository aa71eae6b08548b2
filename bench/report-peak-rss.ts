// Preloaded into a benchmarked CLI (`node --import ./bench/report-peak-rss.ts …`): on exit it
// writes the process's peak resident memory (kB) and CPU time (ms) to the file named by
// BENCH_PEAK_RSS_FILE, so the bench reads the child's own figures (a spawnSync child's
// ru_maxrss is not available, and its wall time alone says little on a loaded machine).
import { writeFileSync } from "node:fs";
import { peakRssKb } from "./peak-rss";

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) {
  process.on("exit", () => {
    const cpu = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ peakRssKb: peakRssKb(), cpuMs: (cpu.user + cpu.system) / 1000 }));
  });
}
