import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { computeActivity } from "@/lib/metrics/activity";
import {
  buildContributionScalePanel, buildScalePanel, computeConcentration, concentrationGap,
} from "@/lib/metrics/concentration";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { contribution, contributorIndex, expectClose, graphOf, inWeek } from "./fixtures";

describe("computeConcentration", () => {
  test("equal shares [1, 1, 1, 1]: Gini 0, N_0.5 3 (two halves are not more than half), D1 = D2 = 4", () => {
    const { d1, ...rest } = computeConcentration([1, 1, 1, 1]);
    expect(rest).toEqual({
      n: 4, total: 4, gini: 0, nakamoto50: 3, nakamoto33: 2, hhi: 0.25, hhiNormalized: 0,
      d2: 4, top10Count: 1, top10Share: 0.25,
    });
    expectClose([d1], [4]);
  });

  test("[1, 2, 3, 4]: Gini 0.25 raw, 1/3 with the n/(n−1) correction", () => {
    // Σ|xi − xj| over ordered pairs = 20; 2n²x̄ = 80 → 0.25; × 4/3. Shares .1 .2 .3 .4.
    const c = computeConcentration([3, 1, 4, 2]);
    expectClose([c.gini, c.hhi, c.hhiNormalized, c.d2, c.top10Share], [1 / 3, 0.3, 1 / 15, 1 / 0.3, 0.4]);
    expectClose([c.d1], [Math.exp(-(0.1 * Math.log(0.1) + 0.2 * Math.log(0.2) + 0.3 * Math.log(0.3) + 0.4 * Math.log(0.4)))]);
    // N_0.5: .4, .7 → 2; N_1/3: .4 > 1/3 → 1
    expect([c.nakamoto50, c.nakamoto33]).toEqual([2, 1]);
  });

  test("one holder among four: corrected Gini 1, everything at its extreme", () => {
    // raw Gini 60/80 = 0.75, × 4/3 = 1
    expect(computeConcentration([0, 0, 10, 0])).toEqual({
      n: 4, total: 10, gini: 1, nakamoto50: 1, nakamoto33: 1, hhi: 1, hhiNormalized: 1,
      d1: 1, d2: 1, top10Count: 1, top10Share: 1,
    });
  });

  test("applies the small-n correction below 50 contributors only", () => {
    // one holder among 49: raw 48/49, corrected 1; among 50: raw 49/50 = 0.98, reported as is
    const of = (n: number) => computeConcentration(Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0))).gini;
    expectClose([of(49), of(50)], [1, 0.98]);
  });

  test("ties at θ exactly are not 'more than' θ: three equal shares give N_1/3 = 2", () => {
    expect([computeConcentration([1, 1, 1]).nakamoto33, computeConcentration([0.1, 0.1, 0.1]).nakamoto33]).toEqual([2, 2]);
  });

  test("takes the top 10% as the ceil(n/10) largest values", () => {
    // n = 30 equal: 3 holders, share 0.1; n = 11: 2 holders (9 of 1, and 5, 4) → 9/18
    const thirty = computeConcentration(new Array(30).fill(2));
    expect([thirty.top10Count]).toEqual([3]);
    expectClose([thirty.top10Share], [0.1]);
    const eleven = computeConcentration([5, 4, ...new Array(9).fill(1)]);
    expect([eleven.top10Count, eleven.top10Share]).toEqual([2, 0.5]);
  });

  test("returns nulls, not NaN, for no contributors, a zero sum and a single contributor", () => {
    const nulls = { gini: null, nakamoto50: null, nakamoto33: null, hhi: null, hhiNormalized: null, d1: null, d2: null, top10Share: null };
    expect(computeConcentration([])).toEqual({ n: 0, total: 0, top10Count: 0, ...nulls });
    expect(computeConcentration([0, 0, 0])).toEqual({ n: 3, total: 0, top10Count: 1, ...nulls });
    expect(computeConcentration([5])).toEqual({
      n: 1, total: 5, gini: null, nakamoto50: 1, nakamoto33: 1, hhi: 1, hhiNormalized: null, d1: 1, d2: 1, top10Count: 1, top10Share: 1,
    });
  });

  test("rejects negative values", () => {
    expect(() => computeConcentration([1, -1])).toThrow();
  });
});

describe("concentrationGap", () => {
  test("is G(attribution) − G(contributions), null when either is undefined", () => {
    expect(concentrationGap(computeConcentration([0, 0, 10, 0]), computeConcentration([1, 1, 1, 1]))).toBe(1);
    expect(concentrationGap(computeConcentration([5]), computeConcentration([1, 1]))).toBeNull();
  });
});

// Dataset K, weekly, as of week 2 (week 2 incomplete):
//   week 0: contributions by 1, and by 1 with 2 (co-authored) → counts 1: 2, 2: 1
//   week 1: nobody      week 2: one contribution by 2
describe("scale panel", () => {
  const g = graphOf([
    contribution(1, inWeek(0, 1), [1]),
    contribution(2, inWeek(0, 2), [1, 2]),
    contribution(3, inWeek(2), [2]),
  ]);
  const act = computeActivity(g, { unit: "week", asOfMs: inWeek(2, 1), project: null }, DEFAULT_PARAMS);
  const [u1, u2] = [1, 2].map((id) => contributorIndex(g, id));

  test("measures contribution counts over each period's active contributors", () => {
    const p = buildContributionScalePanel(act);
    expect(p.map((r) => [r.n, r.isComplete])).toEqual([[2, true], [0, true], [1, false]]);
    // week 0, [2, 1]: raw Gini 2/12, × 2/1 = 1/3; N_0.5 = 1 (2/3 > 1/2)
    const d1 = Math.exp(-((2 / 3) * Math.log(2 / 3) + (1 / 3) * Math.log(1 / 3)));
    expectClose([p[0].gini, p[0].d1, p[0].d1PerN], [1 / 3, d1, d1 / 2]);
    expect(p[0].nakamoto50).toBe(1);
    expect([p[1].gini, p[1].nakamoto50, p[1].d1, p[1].d1PerN]).toEqual([null, null, null, null]);
    expect([p[2].gini, p[2].nakamoto50, p[2].d1, p[2].d1PerN]).toEqual([null, 1, 1, 1]);
  });

  test("takes dense per-contributor values and ignores contributors not active in the period", () => {
    const dense = (a: number, b: number) => {
      const x = new Float64Array(act.nU);
      x[u1] = a;
      x[u2] = b;
      return x;
    };
    // week 1: both hold value but neither is active; week 2: only 2 is active, with 0 → zero sum
    const p = buildScalePanel(act, [dense(3, 1), dense(5, 5), dense(7, 0)]);
    expect(p.map((r) => [r.n, r.total, r.nakamoto50])).toEqual([[2, 4, 1], [0, 0, null], [1, 0, null]]);
    expectClose([p[0].gini], [0.5]); // [3, 1]: raw 4/16 = 0.25, × 2
    expect(() => buildScalePanel(act, [dense(1, 1)])).toThrow();
  });
});

describe("concentration properties", () => {
  const valuesArb = fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 120 });

  test("Gini lies in [0, 1] (1 only for one holder with n < 50) and Nakamoto between 1 and n", () => {
    fc.assert(
      fc.property(valuesArb, (xs) => {
        const c = computeConcentration(xs);
        if (c.total === 0) return;
        if (c.gini !== null) {
          expect(c.gini).toBeGreaterThanOrEqual(0);
          expect(c.gini).toBeLessThanOrEqual(1);
          if (c.n >= 50) expect(c.gini).toBeLessThan(1);
        }
        for (const k of [c.nakamoto50!, c.nakamoto33!]) {
          expect(k).toBeGreaterThanOrEqual(1);
          expect(k).toBeLessThanOrEqual(c.n);
        }
        expect(c.nakamoto33!).toBeLessThanOrEqual(c.nakamoto50!);
        // Rényi numbers: 1 ≤ D2 ≤ D1 ≤ n
        expect(c.d2!).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(c.d2!).toBeLessThanOrEqual(c.d1! * (1 + 1e-9));
        expect(c.d1!).toBeLessThanOrEqual(c.n * (1 + 1e-9));
      }),
      { numRuns: 300 },
    );
  });

  test("equal shares give a Gini of exactly 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (n, x) => {
        expect(computeConcentration(new Array(n).fill(x)).gini).toBe(0);
      }),
    );
  });
});
