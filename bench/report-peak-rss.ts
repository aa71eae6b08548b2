// Preloaded into a benchmarked CLI (`node --import ./bench/report-peak-rss.ts …`): on exit it
// writes the process's peak resident memory to the file named by BENCH_PEAK_RSS_FILE, so the
// bench reads the child's own VmHWM (a spawnSync child's ru_maxrss is not available).
import { writeFileSync } from "node:fs";
import { peakRssKb } from "./peak-rss";

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(peakRssKb())));
