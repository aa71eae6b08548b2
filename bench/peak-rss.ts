// This process's own peak resident memory in kB: VmHWM from /proc where there is one, because a
// child's ru_maxrss (process.resourceUsage) also counts the pages fork copied from its parent.
import { readFileSync } from "node:fs";

export function peakRssKb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS;
}
