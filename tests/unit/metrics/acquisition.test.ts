import { describe, expect, test } from "vitest";
import { acquisitionOf, computeConversion, ORGANIC } from "@/lib/metrics/acquisition";
import { computeActivity } from "@/lib/metrics/activity";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { campaign, contribution, contributorIndex, DAY_MS, graphOf, inWeek } from "./fixtures";

// Dataset Q, as of week 6. First contributions (project in brackets):
//   1 week 0 Monday 00:00 [1]   — campaign 10 (ecosystem) opens at that instant: recruited
//   2 week 1 Monday 00:00 [1]   — campaign 10 closes at that instant (end exclusive): organic
//   3 week 2 [2]                — campaign 20 is for project 1 only: organic
//   4 week 2 [1], then week 3 [2] — campaign 20 matches the first contribution's project
//   5 week 4 [1]                — campaigns 30 and 31 (both ecosystem, 31 starts later): 31
//   6 week 4 [2] co-authored with 5 — also 31
const g = graphOf(
  [
    contribution(1, inWeek(0), [1]),
    contribution(2, inWeek(1), [2]),
    contribution(3, inWeek(2, 1), [3], 2),
    contribution(4, inWeek(2, 2), [4], 1),
    contribution(5, inWeek(3, 2), [4], 2),
    contribution(6, inWeek(4, 1), [5, 6], 2),
  ],
  [],
  [
    campaign(10, inWeek(0), inWeek(1)),
    campaign(20, inWeek(2), inWeek(3), 1),
    campaign(30, inWeek(3), inWeek(6)),
    campaign(31, inWeek(4), inWeek(5)),
  ],
);

describe("acquisitionOf", () => {
  const act = computeActivity(g, { unit: "week", asOfMs: inWeek(6, 1), project: null }, DEFAULT_PARAMS);
  const acq = acquisitionOf(act, g);
  const name = (id: number) => {
    const k = acq[contributorIndex(g, id)];
    return k === ORGANIC ? "organic" : g.campaigns[k].id;
  };

  test("uses the campaign window [start, end) around the first contribution instant", () => {
    expect([name(1), name(2)]).toEqual([10, "organic"]);
  });

  test("matches a project campaign only to a first contribution in that project", () => {
    expect([name(3), name(4)]).toEqual(["organic", 20]);
  });

  test("picks the latest-starting of overlapping campaigns of equal scope", () => {
    expect([name(5), name(6)]).toEqual([31, 31]);
  });
});

describe("computeConversion", () => {
  // Contributor 1: first at t0, second at t0 + 30 days exactly (inside W = 30).
  // Contributor 2: first at t0, second at t0 + 30 days + 1 ms (outside).
  // Contributor 3: first at t0 + 10 days, none since; its window ends after asOf: censored.
  const t0 = inWeek(0);
  const cg = graphOf([
    contribution(1, t0, [1, 2]),
    contribution(2, t0 + 30 * DAY_MS, [1]),
    contribution(3, t0 + 30 * DAY_MS + 1, [2]),
    contribution(4, t0 + 10 * DAY_MS, [3]),
  ]);
  const act = computeActivity(cg, { unit: "week", asOfMs: t0 + 35 * DAY_MS, project: null }, DEFAULT_PARAMS);
  const members = Int32Array.from([1, 2, 3], (id) => contributorIndex(cg, id));

  test("counts a second contribution exactly W days later and censors open windows", () => {
    const c = computeConversion(act, cg, members, 30);
    expect([c.eligible, c.converted, c.rate]).toEqual([2, 1, 0.5]);
    // cohorts: week 0 (1, 2), week 1 (3, censored)
    expect(c.byCohort.map((k) => [k.label, k.eligible, k.rate])).toEqual([["2024-01-01", 2, 0.5], ["2024-01-08", 0, null]]);
  });
});
