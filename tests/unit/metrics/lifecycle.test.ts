import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { computeActivity } from "@/lib/metrics/activity";
import {
  computeLifecycle, contributorStateMatrix, fillContributorStates, LIFECYCLE_STATES, type LifecyclePeriod,
} from "@/lib/metrics/lifecycle";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { contribution, contributorIndex, graphOf, inWeek, paramsWith } from "./fixtures";

type Counts = [number, number, number, number, number, number, number];
/** [new, returning, resurrecting, newly dormant, dormant, churned, active] */
function counts(r: LifecyclePeriod): Counts {
  return [r.newcomers, r.returning, r.resurrecting, r.newlyDormant, r.dormant, r.churned, r.active];
}

// Dataset L, weekly, G = 4, as of week 9 (T = week 8, week 9 incomplete). Active weeks:
//   1: 0, 1, 3, 9      2: 0      3: 2, 3 (week 3 by co-authoring 1's contribution)      4: 4, 5, 8
// Hand-derived states (N new, R returning, S resurrecting, ND newly dormant, D dormant, C churned):
//   week   0   1   2   3   4   5   6   7   8   9
//   1      N   R   ND  S   ND  D   D   C   C   S
//   2      N   ND  D   D   C   C   C   C   C   C
//   3      .   .   N   R   ND  D   D   C   C   C
//   4      .   .   .   .   N   R   ND  D   S   ND
const datasetL = graphOf([
  contribution(1, inWeek(0, 1), [1]),
  contribution(2, inWeek(0, 2), [2]),
  contribution(3, inWeek(1, 1), [1]),
  contribution(4, inWeek(2, 1), [3]),
  contribution(5, inWeek(3, 1), [1, 3]),
  contribution(6, inWeek(4, 1), [4]),
  contribution(7, inWeek(5, 1), [4]),
  contribution(8, inWeek(8, 1), [4]),
  contribution(9, inWeek(9, 1), [1]),
]);
const scopeL = { unit: "week" as const, asOfMs: inWeek(9, 2), project: null };

describe("computeLifecycle", () => {
  const act = computeActivity(datasetL, scopeL, DEFAULT_PARAMS);
  const rows = computeLifecycle(act, DEFAULT_PARAMS);

  test("counts every state per period as derived by hand", () => {
    // Newly dormant is a flow counted inside the dormant stock (G = 4 > 1).
    expect(rows.map(counts)).toEqual([
      [2, 0, 0, 0, 0, 0, 2],
      [0, 1, 0, 1, 1, 0, 1],
      [1, 0, 0, 1, 2, 0, 1],
      [0, 1, 1, 0, 1, 0, 2],
      [1, 0, 0, 2, 2, 1, 1],
      [0, 1, 0, 0, 2, 1, 1],
      [0, 0, 0, 1, 3, 1, 0],
      [0, 0, 0, 0, 1, 3, 0],
      [0, 0, 1, 0, 0, 3, 1],
      [0, 0, 1, 1, 1, 2, 1],
    ]);
  });

  test("computes the quick ratio, null when nobody became dormant", () => {
    // (new + resurrecting) / newly dormant
    expect(rows.map((r) => r.quickRatio)).toEqual([null, 0, 1, null, 0.5, null, 0, null, null, 1]);
  });

  test("marks only the current week incomplete", () => {
    expect(rows.map((r) => r.isComplete)).toEqual([true, true, true, true, true, true, true, true, true, false]);
    expect(rows[0].label).toBe("2024-01-01");
    expect(rows[9].label).toBe("2024-03-04");
  });

  test("codes each contributor's state per period", () => {
    const m = contributorStateMatrix(act, DEFAULT_PARAMS);
    const row = (id: number) => {
      const u = contributorIndex(datasetL, id);
      return Array.from(m.subarray(u * act.nPeriods, (u + 1) * act.nPeriods), (c) => LIFECYCLE_STATES[c]);
    };
    expect(row(1)).toEqual(["new", "returning", "newly_dormant", "resurrecting", "newly_dormant", "dormant", "dormant", "churned", "churned", "resurrecting"]);
    expect(row(2)).toEqual(["new", "newly_dormant", "dormant", "dormant", "churned", "churned", "churned", "churned", "churned", "churned"]);
    expect(row(3)).toEqual(["none", "none", "new", "returning", "newly_dormant", "dormant", "dormant", "churned", "churned", "churned"]);
    expect(row(4)).toEqual(["none", "none", "none", "none", "new", "returning", "newly_dormant", "dormant", "resurrecting", "newly_dormant"]);
  });

  test("with G = 1 the newly dormant are already churned", () => {
    // Contributor 2 alone: active in week 0, inactive in weeks 1..9.
    const g = graphOf([contribution(1, inWeek(0, 1), [2]), contribution(2, inWeek(3, 1), [5])]);
    const a = computeActivity(g, { unit: "week", asOfMs: inWeek(3, 2), project: null }, DEFAULT_PARAMS);
    const r = computeLifecycle(a, paramsWith({ dormancyGap: { week: 1, month: 3 } }));
    expect(r.map(counts)).toEqual([
      [1, 0, 0, 0, 0, 0, 1],
      [0, 0, 0, 1, 0, 1, 0],
      [0, 0, 0, 0, 0, 1, 0],
      [1, 0, 0, 0, 0, 1, 1],
    ]);
  });

  test("an empty period has only stocks", () => {
    // week 7 of dataset L: nobody active
    expect(rows[7].active).toBe(0);
    expect(rows[7].dormant + rows[7].churned).toBe(4);
  });
});

// Dataset P: contributor 1 works in project 1 in week 0, then in project 2 in week 1; contributor 2
// starts in project 2 in week 0 and is active there again in week 1. As of week 2, project 2.
describe("computeLifecycle for a project", () => {
  test("counts an arrival from another project as resurrecting, not new", () => {
    const g = graphOf([
      contribution(1, inWeek(0, 1), [1], 1),
      contribution(2, inWeek(0, 2), [2], 2),
      contribution(3, inWeek(1, 1), [1], 2),
      contribution(4, inWeek(1, 2), [2], 2),
    ]);
    const a = computeActivity(g, { unit: "week", asOfMs: inWeek(2, 1), project: g.projectIds.indexOf(2) }, DEFAULT_PARAMS);
    expect(computeLifecycle(a, DEFAULT_PARAMS).map(counts)).toEqual([
      [1, 0, 0, 0, 0, 0, 1],
      [0, 1, 1, 0, 0, 0, 2],
      [0, 0, 0, 2, 2, 0, 0],
    ]);
  });
});

describe("lifecycle with threshold m = 2", () => {
  test("a birth period under the threshold has no state and the first active period resurrects", () => {
    // Contributor 1: one contribution in week 0, two in week 1; as of week 2.
    const g = graphOf([
      contribution(1, inWeek(0, 1), [1]),
      contribution(2, inWeek(1, 1), [1]),
      contribution(3, inWeek(1, 2), [1]),
    ]);
    const a = computeActivity(g, { unit: "week", asOfMs: inWeek(2, 1), project: null }, paramsWith({ activityThreshold: 2 }));
    const out = new Uint8Array(a.nPeriods);
    fillContributorStates(a, 0, 4, out);
    expect(Array.from(out, (c) => LIFECYCLE_STATES[c])).toEqual(["none", "resurrecting", "newly_dormant"]);
  });
});

describe("lifecycle properties", () => {
  test("active = new + returning + resurrecting and every contributor seen is active, dormant or churned", () => {
    const contributionArb = fc.record({ week: fc.integer({ min: 0, max: 20 }), day: fc.integer({ min: 0, max: 6 }), author: fc.integer({ min: 1, max: 6 }) });
    fc.assert(
      fc.property(fc.array(contributionArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (cs, G) => {
        const g = graphOf(cs.map((c, i) => contribution(i + 1, inWeek(c.week, c.day), [c.author])));
        const act = computeActivity(g, { unit: "week", asOfMs: inWeek(21), project: null }, DEFAULT_PARAMS);
        const rows = computeLifecycle(act, paramsWith({ dormancyGap: { week: G, month: 3 } }));
        rows.forEach((r, t) => {
          let seen = 0;
          for (let u = 0; u < act.nU; u++) if (act.birth[u] <= t) seen++;
          expect(r.active).toBe(r.newcomers + r.returning + r.resurrecting);
          expect(r.active + r.dormant + r.churned).toBe(seen);
        });
      }),
      { numRuns: 200 },
    );
  });
});
