import { describe, expect, test } from "vitest";
import { computeActivity } from "@/lib/metrics/activity";
import { periodOf } from "@/lib/metrics/periods";
import { computeRecognition, olsSlope } from "@/lib/metrics/recognition";
import { contribution, contributionOf, DAY_MS, graphOf, inWeek, link, paramsWith } from "./fixtures";

const params = paramsWith({ windowDays: 7 });
const week0 = periodOf(inWeek(0), "week");
const day = (d: number) => inWeek(0, d);

// Dataset R, weekly, W = 7 days, as of day 28.5 (Monday 12:00 of week 4: T = week 3).
// Contributors A..E = 1..5. "delay" = days from the target to the linking contribution.
//   r1  day 0 (Mon 00:00)  A
//   r2  day 2              B
//   r3  day 4              A+B
//   r4  day 7 (Mon 00:00)  C   → r1 (delay 7: exactly W, counts), → r2 (delay 5, unconfirmed)
//   r5  day 8              A   → r2 (delay 6), → r3 (shares A: self, never recognition)
//   r6  day 10             D   → r3 (disputed: ignored)
//   r7  day 15             B   → r4 (delay 8 > W), → r1 (delay 15 > W)
//   r8  day 16             C   → r5 (delay 8 > W)
//   r9  day 21 (Mon 00:00) D   → r7 (delay 6)
//   r10 day 27             E   → r9 (delay 6)
//   r11 day 28.25          A   → r10 (delay 1.25)
const datasetR = graphOf(
  [
    contribution(1, day(0), [1]),
    contribution(2, day(2), [2]),
    contribution(3, day(4), [1, 2]),
    contribution(4, day(7), [3]),
    contribution(5, day(8), [1]),
    contribution(6, day(10), [4]),
    contribution(7, day(15), [2]),
    contribution(8, day(16), [3]),
    contribution(9, day(21), [4]),
    contribution(10, day(27), [5]),
    contribution(11, day(28.25), [1]),
  ],
  [
    link(1, 4, 1),
    link(2, 4, 2, "cites", "unconfirmed"),
    link(3, 5, 2),
    link(4, 5, 3),
    link(5, 6, 3, "reviews", "disputed"),
    link(6, 7, 4),
    link(7, 7, 1),
    link(8, 8, 5),
    link(9, 9, 7),
    link(10, 10, 9),
    link(11, 11, 10),
  ],
);

describe("computeRecognition", () => {
  const act = computeActivity(datasetR, { unit: "week", asOfMs: day(28.5), project: null }, params);
  const report = computeRecognition(act, datasetR, params);
  const rows = report.periods;

  test("counts links from another contributor within W days, ignoring self and disputed links", () => {
    // week 0: r1 ← r4 (7 days), r2 ← r4, r5; r3 gets only a self-link and a disputed one: 2 of 3, 3 links.
    // week 1: r4 and r5 are first linked 8 days later; r6 never: 0 of 3.
    // week 2: r7 ← r9 (6 days), r8 never: 1 of 2.
    expect(rows.map((r) => r.period - week0)).toEqual([0, 1, 2, 3, 4]);
    expect(rows.slice(0, 3).map((r) => [r.contributions, r.eligible, r.recognized, r.recognitionLinks])).toEqual([
      [3, 3, 2, 3], [3, 3, 0, 0], [2, 2, 1, 1],
    ]);
    expect(rows.slice(0, 3).map((r) => [r.coverage, r.recognitionPerContribution])).toEqual([[2 / 3, 1], [0, 0], [0.5, 0.5]]);
  });

  test("right-censors contributions whose W days have not elapsed, never reporting them as unrecognized", () => {
    // week 3: r9 (day 21 + 7 = 28 ≤ 28.5) is eligible and recognized; r10 (day 27 + 7 > 28.5) is
    // censored although r11 already links to it. week 4 (incomplete): r11 is censored: null.
    expect(rows.slice(3).map((r) => [r.contributions, r.eligible, r.recognized, r.recognitionLinks, r.coverage])).toEqual([
      [2, 1, 1, 1, 1], [1, 0, 0, 0, null],
    ]);
    // Week 2 ends on day 21: its window closes on day 28 ≤ 28.5. Week 3's closes on day 35.
    expect(rows.map((r) => r.isWindowComplete)).toEqual([true, true, true, false, false]);
    expect(rows.map((r) => r.isComplete)).toEqual([true, true, true, true, false]);
  });

  test("Kaplan–Meier median time to first recognition, per period and overall", () => {
    // week 0: delays 5, 7 and r3 censored at 24.5: Ŝ(5) = 2/3, Ŝ(7) = 1/3 → 7 days.
    // week 1: r4, r5 at 8, r6 censored: Ŝ(8) = 1/3 → 8. week 2: r7 at 6, r8 censored: Ŝ(6) = 1/2 → 6.
    // week 3: r10 at 1.25, r9 at 6: Ŝ(1.25) = 1/2 → 1.25. week 4: r11 censored only: null.
    expect(rows.map((r) => r.medianDaysToFirstRecognition)).toEqual([7, 8, 6, 1.25, null]);
    // Overall: r11 censored at 0.25 leaves 10 at risk; Ŝ(1.25) = 9/10, Ŝ(5) = 8/10,
    // Ŝ(6) = 8/10 · 6/8 = 0.6 (r7, r9), Ŝ(7) = 0.6 · 5/6 = 0.5 → 7 days.
    expect(report.timeToFirstRecognition).toEqual({ contributions: 11, recognized: 7, medianDays: 7 });
  });

  test("elasticity needs three complete periods with recognition: weeks 0 and 2 only give two", () => {
    expect(report.elasticity.points.map((p) => p.period - week0)).toEqual([0, 2]);
    expect(report.elasticity.epsilon).toBeNull();
  });
});

// Dataset E: A (1) works in project 1; B (2) recognizes from project 2. Scope: project 1. As of
// Monday 00:00 of week 6 (the current week has just begun; T = week 5).
//   week 0: a1; b1 → a1, b2 → a1                 1 contribution, 2 links: 2 per contribution
//   week 1: a2, a3; b3 → a2, b4 → a3             2 contributions, 2 links: 1
//   week 2: a4..a7; b5 → a4, b6 → a5             4 contributions, 2 links: 1/2
// ln(rpc) = ln 2 − ln(contributions) exactly: ε = −1.
describe("scarcity elasticity", () => {
  const a = (id: number, at: number) => contributionOf(id, at, [[1, 1]], { projectId: 1 });
  const b = (id: number, at: number) => contributionOf(id, at, [[2, 1]], { projectId: 2 });
  const g = graphOf(
    [
      a(1, inWeek(0, 1)), b(101, inWeek(0, 2)), b(102, inWeek(0, 3)),
      a(2, inWeek(1, 1)), a(3, inWeek(1, 1)), b(103, inWeek(1, 2)), b(104, inWeek(1, 2)),
      a(4, inWeek(2, 1)), a(5, inWeek(2, 1)), a(6, inWeek(2, 1)), a(7, inWeek(2, 1)), b(105, inWeek(2, 2)), b(106, inWeek(2, 2)),
    ],
    [link(1, 101, 1), link(2, 102, 1), link(3, 103, 2), link(4, 104, 3), link(5, 105, 4), link(6, 106, 5)],
  );
  const act = computeActivity(g, { unit: "week", asOfMs: inWeek(6), project: g.projectIds.indexOf(1) }, params);
  const report = computeRecognition(act, g, params);

  test("is the OLS slope of ln(recognition per contribution) on ln(contributions)", () => {
    expect(report.periods.slice(0, 3).map((r) => [r.contributions, r.recognitionPerContribution, r.coverage])).toEqual([
      [1, 2, 1], [2, 1, 1], [4, 0.5, 0.5],
    ]);
    // Weeks 3–5 have no project-1 work and are skipped (ln 0); week 6 is incomplete.
    expect(report.elasticity.points.map((p) => p.period - week0)).toEqual([0, 1, 2]);
    expect(report.elasticity.epsilon).toBeCloseTo(-1, 12);
  });

  test("olsSlope is null below three points or without spread in x", () => {
    expect(olsSlope([1, 2], [3, 4])).toBeNull();
    expect(olsSlope([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(olsSlope([0, 1, 2], [1, 3, 5])).toBe(2);
  });

  test("reports delays in days", () => {
    // a1 is first recognized by b1 one day later; week 0's median is 1 day.
    expect(report.periods[0].medianDaysToFirstRecognition).toBe((inWeek(0, 2) - inWeek(0, 1)) / DAY_MS);
  });
});

describe("computeRecognition on an empty graph", () => {
  test("has no coverage, median or elasticity", () => {
    const g = graphOf([]);
    const act = computeActivity(g, { unit: "week", asOfMs: inWeek(3), project: null }, params);
    const report = computeRecognition(act, g, params);
    expect(report.periods.map((r) => [r.contributions, r.coverage, r.medianDaysToFirstRecognition])).toEqual([[0, null, null]]);
    expect(report.timeToFirstRecognition).toEqual({ contributions: 0, recognized: 0, medianDays: null });
    expect(report.elasticity).toEqual({ epsilon: null, points: [] });
  });
});
