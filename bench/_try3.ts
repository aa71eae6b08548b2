import { buildPlan } from "@/lib/demo/plan";
import { BENCH_SIZE } from "@/lib/demo/generator";
const t = performance.now();
const p = buildPlan({ ...BENCH_SIZE, seed: 1, endAt: Date.parse("2026-06-01T00:00:00Z"), passwordHash: "" });
console.log((performance.now() - t).toFixed(0), p.act.n, p.links.n);
