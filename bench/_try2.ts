import { buildPlan } from "@/lib/demo/plan";
for (const c of [5000, 10000, 20000]) {
  const t = performance.now();
  const p = buildPlan({ contributors: c, years: 3, projects: 12, campaigns: 6, contributions: c * 10, links: c * 30, seed: 1, endAt: Date.parse("2026-06-01T00:00:00Z"), passwordHash: "" });
  console.log(c, (performance.now() - t).toFixed(0), p.act.n, p.links.n);
}
