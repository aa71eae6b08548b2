import { describe, expect, test } from "vitest";
import { classifyLinks, LINK_CROSS, LINK_IGNORED, LINK_SELF, linksToOthers, recognitionOf } from "@/lib/metrics/link-scope";
import { contributionIndex, contributionOf, DAY_MS, graphOf, inWeek, link } from "./fixtures";

// Six contributions, one link each (ids in brackets), contributors 1..4:
//   v1 by 1; v2 by 2+3 (½ each); v3 by 3; v6 by 2 (quarantined); v4 by 4; v5 by 1+4
//   [1] v2 → v1  disjoint authors                         cross
//   [2] v3 → v2  shares contributor 3                     self
//   [3] v4 → v6  target quarantined                       ignored
//   [4] v4 → v1  disputed                                 ignored
//   [5] v5 → v2  {1,4} vs {2,3}, unconfirmed              cross
//   [6] v5 → v4  shares contributor 4                     self
const g = graphOf(
  [
    contributionOf(1, inWeek(0), [[1, 1]]),
    contributionOf(2, inWeek(0, 1), [[2, 0.5], [3, 0.5]]),
    contributionOf(3, inWeek(0, 2), [[3, 1]]),
    contributionOf(6, inWeek(0, 2.5), [[2, 1]], { status: "quarantined" }),
    contributionOf(4, inWeek(0, 3), [[4, 1]]),
    contributionOf(5, inWeek(0, 40), [[1, 0.5], [4, 0.5]]),
  ],
  [link(1, 2, 1), link(2, 3, 2), link(3, 4, 6), link(4, 4, 1, "fixes", "disputed"), link(5, 5, 2, "cites", "unconfirmed"), link(6, 5, 4)],
);

function classOf(cls: Uint8Array, linkId: number): number {
  return cls[g.linkId.indexOf(linkId)];
}

describe("classifyLinks", () => {
  const cls = classifyLinks(g);

  test("a link to a contribution sharing any author is a self-link, disjoint authors make it cross", () => {
    expect([1, 2, 5, 6].map((id) => classOf(cls, id))).toEqual([LINK_CROSS, LINK_SELF, LINK_CROSS, LINK_SELF]);
  });

  test("ignores disputed links and links touching a quarantined contribution", () => {
    expect([3, 4].map((id) => classOf(cls, id))).toEqual([LINK_IGNORED, LINK_IGNORED]);
  });

  test("recognition counts cross links within W days and the first delay at any distance", () => {
    // v1 ← v2 one day later (within 30 days); v2 ← v5 39 days later (outside W, but a first recognition).
    const rec = recognitionOf(g, cls, g.nC, 30);
    const [i1, i2, i4] = [1, 2, 4].map((id) => contributionIndex(g, id));
    expect([rec.withinWindow[i1], rec.withinWindow[i2], rec.withinWindow[i4]]).toEqual([1, 0, 0]);
    expect([rec.firstDelay[i1] / DAY_MS, rec.firstDelay[i2] / DAY_MS]).toEqual([1, 39]);
    expect(Number.isNaN(rec.firstDelay[i4])).toBe(true);
    // Only the first five contributions are "included" (as of before v5): v2 is then unrecognized.
    expect(Number.isNaN(recognitionOf(g, cls, 5, 30).firstDelay[i2])).toBe(true);
  });

  test("linksToOthers flags contributions with a cross link out", () => {
    const out = linksToOthers(g, cls, g.nC);
    expect([1, 2, 3, 4, 5, 6].map((id) => out[contributionIndex(g, id)])).toEqual([0, 1, 0, 0, 1, 0]);
  });
});
