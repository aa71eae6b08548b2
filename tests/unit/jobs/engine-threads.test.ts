import { describe, expect, test } from "vitest";
import { largestFirst, runEngineThreaded } from "@/lib/jobs/engine-threads";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { prepareEngine, runEngine } from "@/lib/metrics/run-engine";
import { randomGraph } from "../metrics/random-graph";

// The threaded engine must return exactly what the single-threaded one does: the same scopes in
// the same order, every row and document equal (the results travel between threads by structured
// clone). Dataset: a seeded random community of four projects, 1,200 contributions.

describe("engine threads", () => {
  test("queues the largest scopes first, ties by scope order", () => {
    expect(largestFirst([30, 100, 30, 20, 40])).toEqual([1, 4, 0, 2, 3]);
    expect(largestFirst([])).toEqual([]);
  });

  test("computes every scope as runEngine does", async () => {
    const { contributions, links } = randomGraph({ seed: 41, contributions: 1200, contributors: 150, links: 3000, projects: 4 });
    const input = { graph: { contributions, links, campaigns: [] }, asOfMs: Date.UTC(2026, 0, 1), params: DEFAULT_PARAMS };
    const single = runEngine(input);
    expect(single.scopes.length).toBe(5);
    expect(single.scopes[0].summaries.length).toBeGreaterThan(100);
    expect(single.scopes[0].units[0].series.length).toBeGreaterThan(100);
    const threaded = await runEngineThreaded(prepareEngine(input), { threads: 2 });
    expect(threaded.scopes.map((s) => s.scope)).toEqual(single.scopes.map((s) => s.scope));
    expect(threaded.quarantined).toEqual(single.quarantined);
    expect(threaded.scopes).toEqual(single.scopes);
  }, 60_000);
});
