import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { computeActivity } from "@/lib/metrics/activity";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { computeSurvival, contributorLifetimes, kaplanMeier } from "@/lib/metrics/survival";
import { contribution, contributorIndex, expectClose, graphOf, inWeek } from "./fixtures";

describe("kaplanMeier", () => {
  test("multiplies (1 − d/n) at each event time, keeping those censored at t at risk at t", () => {
    // times 1 2 2 3 4, events 1 1 0 1 0
    // t=1: 5 at risk, 1 event → 0.8; t=2: 4 at risk (2,2,3,4), 1 event → 0.6; t=3: 2 at risk → 0.3
    const km = kaplanMeier([1, 2, 2, 3, 4], [1, 1, 0, 1, 0]);
    expect(km.steps.map((s) => [s.time, s.atRisk, s.events])).toEqual([[1, 5, 1], [2, 4, 1], [3, 2, 1]]);
    expectClose(km.steps.map((s) => s.survival), [0.8, 0.6, 0.3]);
    expect([km.n, km.events, km.censored, km.median]).toEqual([5, 3, 2, 3]);
  });

  test("reaches the median exactly at 0.5", () => {
    // two subjects, one event at 2: Ŝ(2) = 0.5
    expect(kaplanMeier([2, 5], [1, 0]).median).toBe(2);
  });

  test("has no steps and no median when nothing happened", () => {
    expect(kaplanMeier([], [])).toEqual({ n: 0, events: 0, censored: 0, steps: [], median: null });
    expect(kaplanMeier([3, 4], [0, 0]).median).toBeNull();
  });

  test("survival stays in [0, 1] and never increases", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), { maxLength: 60 }), (xs) => {
        const km = kaplanMeier(xs.map((x) => x[0]), xs.map((x) => (x[1] ? 1 : 0)));
        let prev = 1;
        for (const s of km.steps) {
          expect(s.survival).toBeGreaterThanOrEqual(0);
          expect(s.survival).toBeLessThanOrEqual(prev);
          prev = s.survival;
        }
      }),
    );
  });
});

// Dataset S, weekly, G = 4, as of week 12 (T = week 11). Active weeks:
//   1: 0, 1, 2            last activity 9 weeks before T → churned at week 3, lifetime 3
//   2: 0, 3, 9, 10        gaps of 2 and 5 weeks: the 5-week gap (4..8) counts → churn at 4, lifetime 4
//   3: 0, 9               gap 1..8 → churn at 1, lifetime 1
//   4: 2, 8               gap 3..7 (5 weeks) → churn at 3, lifetime 1
//   5: 5, 8               last activity 3 weeks before T (< G) → censored at 9 − 5 = 4
//   6: 11                 born at T → censored at 1
//   7: 12                 born in the incomplete week → left out
describe("contributorLifetimes and computeSurvival", () => {
  const weeks: Record<number, number[]> = { 1: [0, 1, 2], 2: [0, 3, 9, 10], 3: [0, 9], 4: [2, 8], 5: [5, 8], 6: [11], 7: [12] };
  let id = 0;
  const g = graphOf(Object.entries(weeks).flatMap(([u, ws]) => ws.map((w) => contribution(++id, inWeek(w, 1), [Number(u)]))));
  const act = computeActivity(g, { unit: "week", asOfMs: inWeek(12, 3), project: null }, DEFAULT_PARAMS);
  const members = Int32Array.from([1, 2, 3, 4, 5, 6, 7], (c) => contributorIndex(g, c));

  test("takes churn as the start of the first gap of at least G periods", () => {
    const lt = contributorLifetimes(act, members, 4);
    expect(Array.from(lt.time)).toEqual([3, 4, 1, 1, 4, 1]);
    expect(Array.from(lt.isEvent)).toEqual([1, 1, 1, 1, 0, 0]);
  });

  test("estimates the curve and the median lifetime", () => {
    // t=1: 6 at risk, 2 events → 4/6; t=3: 3 at risk (3,4,4), 1 event → 4/6·2/3 = 4/9;
    // t=4: 2 at risk, 1 event → 4/9·1/2 = 2/9. Median: first t with Ŝ ≤ 0.5 is 3.
    const s = computeSurvival(act, members, 4);
    expect(s.steps.map((x) => [x.time, x.atRisk, x.events])).toEqual([[1, 6, 2], [3, 3, 1], [4, 2, 1]]);
    expectClose(s.curve, [1, 2 / 3, 2 / 3, 4 / 9, 2 / 9]);
    expect(s.medianLifetime).toBe(3);
  });
});
