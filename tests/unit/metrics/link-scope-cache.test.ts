import { describe, expect, test } from "vitest";
import { STATUS_QUARANTINED } from "@/lib/metrics/codes";
import { classifyLinks, LINK_CROSS, LINK_IGNORED, recognitionOf } from "@/lib/metrics/link-scope";
import { contributionOf, graphOf, inWeek, link } from "./fixtures";

// v1 by 1, v2 by 2, link [1] v2 → v1: a cross link until one end is quarantined or the link disputed.
const twoContributions = () => graphOf([contributionOf(1, inWeek(0), [[1, 1]]), contributionOf(2, inWeek(1), [[2, 1]])], [link(1, 2, 1)]);

describe("classifyLinks memo", () => {
  test("returns the same classification to every caller of one graph", () => {
    const g = twoContributions();
    expect(classifyLinks(g)).toBe(classifyLinks(g));
    expect(classifyLinks(g)[0]).toBe(LINK_CROSS);
  });

  test("sees a contribution quarantined in place after the first call", () => {
    const g = twoContributions();
    expect(classifyLinks(g)[0]).toBe(LINK_CROSS);
    g.status[0] = STATUS_QUARANTINED;
    expect(classifyLinks(g)[0]).toBe(LINK_IGNORED);
  });

  test("sees a link disputed in place after the first call", () => {
    const g = twoContributions();
    expect(classifyLinks(g)[0]).toBe(LINK_CROSS);
    g.outStatus[0] = 2;
    expect(classifyLinks(g)[0]).toBe(LINK_IGNORED);
  });

  test("recognition follows the classification it is given, per asOf and window", () => {
    // v2 (day 7) recognizes v1 (day 0): 7 days later, inside a 30-day window, outside a 5-day one.
    const g = twoContributions();
    expect(recognitionOf(g, classifyLinks(g), g.nC, 30).withinWindow[0]).toBe(1);
    expect(recognitionOf(g, classifyLinks(g), g.nC, 5).withinWindow[0]).toBe(0);
    expect(recognitionOf(g, classifyLinks(g), 1, 30).withinWindow[0]).toBe(0);
    g.status[1] = STATUS_QUARANTINED;
    expect(recognitionOf(g, classifyLinks(g), g.nC, 30).withinWindow[0]).toBe(0);
  });
});
