import { describe, expect, test } from "vitest";
import { kendallTauB } from "@/lib/metrics/kendall";
import { lcg } from "./random-graph";
import { runReference } from "./reference/run-reference";

describe("kendallTauB", () => {
  test("is 1 for the same order and −1 for the reverse", () => {
    expect(kendallTauB([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(kendallTauB([1, 2, 3, 4], [40, 30, 20, 10])).toBe(-1);
  });

  test("handles ties in x and in y (tau-b)", () => {
    // x = [1, 2, 2, 3], y = [1, 3, 2, 2]. Pairs (0-based):
    //   (0,1) (0,2) (0,3) concordant; (1,2) tied in x; (1,3) discordant; (2,3) tied in y.
    // n0 = 6, n1 = n2 = 1: τ-b = (3 − 1) / √(5 · 5) = 0.4.
    expect(kendallTauB([1, 2, 2, 3], [1, 3, 2, 2])).toBeCloseTo(0.4, 15);
  });

  test("a pair tied in both samples is neither concordant nor discordant", () => {
    // x = [1, 1, 2], y = [5, 5, 6]: (0,1) tied in both, the other two concordant.
    // τ-b = 2 / √((3 − 1)(3 − 1)) = 1.
    expect(kendallTauB([1, 1, 2], [5, 5, 6])).toBe(1);
  });

  test("is null when undefined: fewer than two items or a constant sample", () => {
    expect(kendallTauB([], [])).toBeNull();
    expect(kendallTauB([3], [1])).toBeNull();
    expect(kendallTauB([2, 2, 2], [1, 2, 3])).toBeNull();
  });

  test("refuses samples of different lengths", () => {
    expect(() => kendallTauB([1, 2], [1])).toThrow(/aligned/);
  });
});

describe("kendallTauB agrees with scipy.stats.kendalltau", () => {
  // Seeded integer samples in 0..4 (many ties) and in 0..999 (few), lengths 2 to 100, plus a
  // constant sample (scipy: NaN, here null).
  const rnd = lcg(7);
  const sample = (n: number, range: number) => Array.from({ length: n }, () => Math.floor(rnd() * range));
  const cases = [
    { x: sample(2, 5), y: sample(2, 5) },
    { x: sample(10, 5), y: sample(10, 5) },
    { x: sample(37, 3), y: sample(37, 1000) },
    { x: sample(100, 5), y: sample(100, 5) },
    { x: sample(100, 1000), y: sample(100, 1000) },
    { x: [1, 1, 1, 1], y: [1, 2, 3, 4] },
  ];

  test("to 1e-12 on seeded samples with and without ties", () => {
    const expected = runReference("kendall_ref.py", cases) as (number | null)[];
    cases.forEach((c, k) => {
      const tau = kendallTauB(c.x, c.y);
      if (expected[k] === null) expect(tau).toBeNull();
      else expect(Math.abs((tau as number) - (expected[k] as number))).toBeLessThan(1e-12);
    });
  });
});
