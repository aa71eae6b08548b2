import { describe, expect, test } from "vitest";
import { computeAttributionFlow, type AttributionFlow } from "@/lib/metrics/attribution-flow";
import { passThroughByContributor, runCascade } from "@/lib/metrics/attribution";
import type { Graph } from "@/lib/metrics/graph";
import { computeHubs } from "@/lib/metrics/hubs";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { contributionCounts, contributorSummaries } from "@/lib/metrics/run-contributors";
import { graphOf } from "./fixtures";
import { randomGraph } from "./random-graph";

// The whole-history top sources and links of each summary row, against the map-based code they
// replaced (kept here as the reference): the same ids, credits bit for bit, in the same order.

function referenceTop(g: Graph, flow: AttributionFlow, k: number) {
  const bySource = new Map<number, Map<number, number>>();
  const byLink = new Map<number, Map<number, number>>();
  const s = flow.sources!;
  const add = (m: Map<number, Map<number, number>>, u: number, key: number, x: number) => {
    let inner = m.get(u);
    if (!inner) m.set(u, (inner = new Map()));
    inner.set(key, (inner.get(key) ?? 0) + x);
  };
  for (let r = 0; r < flow.contributor.length; r++) {
    const u = flow.contributor[r];
    for (let q = s.sourceStart[r]; q < s.sourceStart[r + 1]; q++) add(bySource, u, s.sourceContributor[q], s.sourceValue[q]);
    for (let q = s.linkStart[r]; q < s.linkStart[r + 1]; q++) add(byLink, u, g.linkId[s.linkEdge[q]], s.linkValue[q]);
  }
  const topOf = (m: Map<number, number> | undefined) => (m ? [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k) : []);
  return (u: number) => ({
    sources: topOf(bySource.get(u)).map(([contributor, credit]) => ({ contributor, credit })),
    links: topOf(byLink.get(u)).map(([linkId, credit]) => ({ linkId, credit })),
  });
}

describe("contributor summaries: whole-history sources", () => {
  for (const c of [
    { seed: 21, contributions: 400, contributors: 40, links: 1200 },
    { seed: 22, contributions: 600, contributors: 200, links: 900, projects: 2 },
    { seed: 23, contributions: 300, contributors: 12, links: 1500 },
  ]) {
    test(`match the map-based reference (seed ${c.seed})`, () => {
      const { contributions, links } = randomGraph(c);
      const g = graphOf(contributions, links);
      const cascade = runCascade(g, DEFAULT_PARAMS);
      const flow = computeAttributionFlow(g, cascade, { unit: "week", withSources: true, topK: 3 });
      const hubs = computeHubs(g, DEFAULT_PARAMS, cascade.attribution, passThroughByContributor(g, cascade).ratio);
      const rows = contributorSummaries({
        g, counts: contributionCounts(g, null, g.nC), cascade, hubs, pagerank: new Float64Array(g.nU), flow,
        finalStock: new Float64Array(g.nU), topK: 3,
      });
      const ref = referenceTop(g, flow, 3);
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) expect(row.sources).toEqual(ref(row.contributor));
    });
  }
});
