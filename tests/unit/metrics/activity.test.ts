import { describe, expect, test } from "vitest";
import {
  NO_BIRTH, activeByPeriod, activeInWindow, computeActivity, contributionPeriods, isActive, type Activity,
} from "@/lib/metrics/activity";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { periodOf } from "@/lib/metrics/periods";
import { contribution, contributorIndex, graphOf, inWeek, paramsWith } from "./fixtures";

function activeList(act: Activity, u: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = act.activeStart[u]; k < act.activeStart[u + 1]; k++) out.push([act.activePeriod[k], act.activeCount[k]]);
  return out;
}

// Dataset A, weekly, as of Wednesday of week 5 (so T = week 4, week 5 incomplete):
//   c1 week 0 Monday 00:00:00.000 UTC (the period boundary)  by 10
//   c2 week 0 Sunday 23:59:59.999                            by 10 and 20 (co-authored)
//   c3 week 1 Monday 00:00:00.000                            by 20
//   c4 week 3                                                by 10
//   c5 week 5 (current week)                                 by 30
//   c6 week 6, after asOf                                    by 40 (ignored)
const datasetA = graphOf([
  contribution(1, inWeek(0), [10]),
  contribution(2, inWeek(1) - 1, [10, 20]),
  contribution(3, inWeek(1), [20]),
  contribution(4, inWeek(3, 2), [10]),
  contribution(5, inWeek(5, 1), [30]),
  contribution(6, inWeek(6, 1), [40]),
]);
const asOfA = inWeek(5, 2);

describe("computeActivity", () => {
  const act = computeActivity(datasetA, { unit: "week", asOfMs: asOfA, project: null }, DEFAULT_PARAMS);
  const [u10, u20, u30, u40] = [10, 20, 30, 40].map((id) => contributorIndex(datasetA, id));

  test("puts the axis from the first contribution to the incomplete current week", () => {
    expect(act.firstPeriod).toBe(periodOf(inWeek(0), "week"));
    expect(act.nPeriods).toBe(6);
    expect(act.lastComplete).toBe(4);
    expect(act.included).toBe(5);
  });

  test("counts a Monday 00:00 UTC contribution in the week it opens and co-authors in full", () => {
    // 10: c1 + c2 in week 0, c4 in week 3. 20: c2 in week 0, c3 (Monday 00:00) in week 1.
    expect(activeList(act, u10)).toEqual([[0, 2], [3, 1]]);
    expect(activeList(act, u20)).toEqual([[0, 1], [1, 1]]);
    expect(activeList(act, u30)).toEqual([[5, 1]]);
    expect(isActive(act, u20, 1)).toBe(true);
    expect(isActive(act, u10, 1)).toBe(false);
  });

  test("ignores contributions after asOf: a contributor seen only later has no birth", () => {
    expect([u10, u20, u30, u40].map((u) => act.birth[u])).toEqual([0, 0, 5, NO_BIRTH]);
    expect(act.inCohort[u40]).toBe(0);
    expect(activeList(act, u40)).toEqual([]);
    expect(act.firstContribution[u10]).toBe(0);
    expect(act.firstContribution[u40]).toBe(-1);
  });

  test("with threshold m = 2 keeps only periods with two contributions", () => {
    const m2 = computeActivity(datasetA, { unit: "week", asOfMs: asOfA, project: null }, paramsWith({ activityThreshold: 2 }));
    expect(activeList(m2, u10)).toEqual([[0, 2]]);
    expect(activeList(m2, u20)).toEqual([]);
    // birth and cohort membership do not depend on m
    expect(m2.birth[u20]).toBe(0);
    expect(m2.inCohort[u20]).toBe(1);
  });

  test("transposes to who is active in each period", () => {
    const bp = activeByPeriod(act);
    expect(Array.from(bp.start)).toEqual([0, 2, 3, 3, 4, 4, 5]);
    expect(Array.from(bp.contributor)).toEqual([u10, u20, u20, u10, u30]);
    expect(Array.from(bp.count)).toEqual([2, 1, 1, 1, 1]);
  });

  test("sums contribution counts of contributors active in a window", () => {
    // weeks 0..1: 10 has 2 (c1, c2), 20 has 2 (c2, c3)
    const w = activeInWindow(act, 0, 1);
    expect(Array.from(w.contributors)).toEqual([u10, u20]);
    expect(Array.from(w.counts)).toEqual([2, 2]);
  });

  test("an as-of exactly on Monday 00:00 makes the week that just ended T", () => {
    const onBoundary = computeActivity(datasetA, { unit: "week", asOfMs: inWeek(1), project: null }, DEFAULT_PARAMS);
    // c3 at exactly asOf is included, in week 1, the incomplete one
    expect(onBoundary.nPeriods).toBe(2);
    expect(onBoundary.lastComplete).toBe(0);
    expect(onBoundary.included).toBe(3);
    expect(activeList(onBoundary, u20)).toEqual([[0, 1], [1, 1]]);
  });

  test("an empty graph yields one incomplete period and no contributors", () => {
    const empty = computeActivity(graphOf([]), { unit: "week", asOfMs: asOfA, project: null }, DEFAULT_PARAMS);
    expect(empty.nU).toBe(0);
    expect(empty.nPeriods).toBe(1);
    expect(empty.lastComplete).toBe(-1);
    expect(empty.firstPeriod).toBe(periodOf(asOfA, "week"));
  });
});

describe("contributionPeriods", () => {
  test("splits months at the 1st 00:00 UTC", () => {
    // Jan 31 23:59:59.999, Feb 1 00:00, Mar 1 00:00 (2024 is a leap year)
    const g = graphOf([
      contribution(1, Date.UTC(2024, 1, 1) - 1, [1]),
      contribution(2, Date.UTC(2024, 1, 1), [1]),
      contribution(3, Date.UTC(2024, 2, 1), [1]),
    ]);
    expect(Array.from(contributionPeriods(g, "month"))).toEqual([2024 * 12, 2024 * 12 + 1, 2024 * 12 + 2]);
    // Wednesday Jan 31 and Thursday Feb 1 share an ISO week; Friday Mar 1 is four weeks later.
    const weeks = Array.from(contributionPeriods(g, "week"));
    expect([weeks[1] - weeks[0], weeks[2] - weeks[0]]).toEqual([0, 4]);
  });
});

// Dataset P, two projects (ids 1 and 2), weekly, as of week 3:
//   week 0: 1 in project 1          week 1: 2 in project 2; 3 in project 1 and in project 2
//   week 2: 1 in project 2; 2 in project 2
describe("computeActivity for a project", () => {
  const g = graphOf([
    contribution(1, inWeek(0, 1), [1], 1),
    contribution(2, inWeek(1, 1), [2], 2),
    contribution(3, inWeek(1, 2), [3], 1),
    contribution(4, inWeek(1, 3), [3], 2),
    contribution(5, inWeek(2, 1), [1], 2),
    contribution(6, inWeek(2, 2), [2], 2),
  ]);
  const p2 = g.projectIds.indexOf(2);
  const act = computeActivity(g, { unit: "week", asOfMs: inWeek(3, 1), project: p2 }, DEFAULT_PARAMS);
  const [u1, u2, u3] = [1, 2, 3].map((id) => contributorIndex(g, id));

  test("starts the axis at the project's first contribution", () => {
    expect(act.firstPeriod).toBe(periodOf(inWeek(1), "week"));
    expect(act.nPeriods).toBe(3);
  });

  test("keeps birth from the full history, so a veteran of project 1 is born before the axis", () => {
    expect(act.birth[u1]).toBe(-1);
    expect(act.birth[u2]).toBe(0);
    expect(act.birth[u3]).toBe(0);
  });

  test("excludes from the cohorts contributors without project work in their birth period", () => {
    expect(Array.from([u1, u2, u3], (u) => act.inCohort[u])).toEqual([0, 1, 1]);
  });

  test("excludes contributions outside the project", () => {
    expect(activeList(act, u1)).toEqual([[1, 1]]);
    expect(activeList(act, u2)).toEqual([[0, 1], [1, 1]]);
    expect(activeList(act, u3)).toEqual([[0, 1]]);
  });
});
