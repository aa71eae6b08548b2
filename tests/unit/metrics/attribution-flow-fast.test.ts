import { describe, expect, test } from "vitest";
import { computeAttributionFlow } from "@/lib/metrics/attribution-flow";
import { runCascade } from "@/lib/metrics/attribution";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { graphOf } from "./fixtures";
import { randomGraph } from "./random-graph";
import { computeAttributionFlowReference } from "./reference/attribution-flow-reference";

// The optimised flow decomposition must equal the code it replaced bit for bit: every row, every
// top link and top source with its credit, for weeks and months, everyone explained or a chosen set.

const CASES = [
  { seed: 31, contributions: 500, contributors: 60, links: 1500 },
  { seed: 32, contributions: 800, contributors: 300, links: 1000, projects: 3 },
  { seed: 33, contributions: 300, contributors: 10, links: 2000 },
];

describe("attribution flow decomposition equals the reference", () => {
  for (const c of CASES) {
    for (const unit of ["week", "month"] as const) {
      test(`seed ${c.seed}, ${unit}s`, () => {
        const { contributions, links } = randomGraph(c);
        const g = graphOf(contributions, links);
        const cascade = runCascade(g, DEFAULT_PARAMS);
        const explain = Uint8Array.from({ length: g.nU }, (_, u) => (u % 3 === 0 ? 1 : 0));
        for (const opts of [{ unit, topK: 5 }, { unit, topK: 2, explain }, { unit, withSources: false }]) {
          expect(computeAttributionFlow(g, cascade, opts)).toEqual(computeAttributionFlowReference(g, cascade, opts));
        }
      });
    }
  }
});
