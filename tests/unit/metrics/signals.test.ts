import { describe, expect, test } from "vitest";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { detectSignals, type SignalInput } from "@/lib/metrics/signals";
import { paramsWith } from "./fixtures";

// Every dataset is a handful of consecutive weekly periods 100, 101, …; the last one is the current,
// incomplete period unless stated. The signal window n is 2 periods (transactionalRisePeriods), so
// rules need n + 1 (rises, drops) or 2n (volume) complete periods; other thresholds are the defaults:
// rise > 15 points, N_0.5 drop ≥ 1/3, giant component < 0.5, ε < −0.3.
const params = paramsWith({ signals: { ...DEFAULT_PARAMS.signals, transactionalRisePeriods: 2 } });

type Series = (number | null)[];

/** A weekly input of `rows` periods from 100, the last incomplete, every series null unless given. */
function input(rows: number, over: Partial<SignalInput> = {}, allComplete = false): SignalInput {
  const nulls = (): Series => new Array(rows).fill(null);
  return {
    unit: "week",
    periods: Array.from({ length: rows }, (_, i) => ({ period: 100 + i, label: `p${100 + i}`, isComplete: allComplete || i < rows - 1 })),
    transactionalShare: nulls(), nakamoto50: nulls(), giantComponentShare: nulls(), contributions: nulls(), coverage: nulls(),
    elasticity: null, rings: [],
    ...over,
  };
}

const ring = { members: [7, 3, 5], links: 9, internalShare: 0.875, reciprocity: 1 };

describe("detectSignals", () => {
  test("fires nothing without a complete period, even for a ring", () => {
    expect(detectSignals(input(0), params)).toEqual([]);
    expect(detectSignals(input(1, { rings: [ring], giantComponentShare: [0.1] }), params)).toEqual([]);
  });

  test("transactional share rising by more than 15 points over the window; the current period is ignored", () => {
    // shares 10%, 12%, 20%, 30% (complete, T = 103), 90% (current). T − 2 = 101: 12% → 30%, 18 points.
    const [s] = detectSignals(input(5, { transactionalShare: [0.1, 0.12, 0.2, 0.3, 0.9] }), params);
    expect(s).toMatchObject({ code: "transactional_rise", severity: "warning", period: 103, chart: "participation" });
    expect(s.message).toBe("Transactional share rose from 12.0% to 30.0% over 2 weeks");
    expect(s.evidence).toMatchObject({ from: 0.12, to: 0.3, fromPeriod: 101, thresholdPoints: 15, windowPeriods: 2 });
    expect(s.evidence.risePoints).toBeCloseTo(18, 12);
  });

  test("a transactional rise of twice the points is critical, exactly the points is not a rise", () => {
    // 10% → 45%: 35 > 30 points. With 25 points as the threshold, 25% → 50% is exactly 25: no signal.
    expect(detectSignals(input(4, { transactionalShare: [0.1, 0.2, 0.45, null] }), params)[0].severity).toBe("critical");
    const p25 = paramsWith({ signals: { ...params.signals, transactionalRisePoints: 25 } });
    expect(detectSignals(input(4, { transactionalShare: [0.25, 0.3, 0.5, null] }), p25)).toEqual([]);
  });

  test("a window reaching before the first complete period, or a null end, fires nothing", () => {
    // Two complete periods (100, 101) cannot span 2 periods; a null baseline is no evidence.
    expect(detectSignals(input(3, { transactionalShare: [0, 0.9, 0.9] }), params)).toEqual([]);
    expect(detectSignals(input(4, { transactionalShare: [null, 0, 0.9, 0.9] }), params)).toEqual([]);
  });

  test("N_0.5 falling by a third from the previous window's maximum", () => {
    // N_0.5 = 9, 6, 5 | 4 (T = 103) | 1 (current). Previous window 101..102 = 6, 5: max 6 at 101,
    // 9 at 100 is outside it. Drop (6 − 4)/6 = 1/3, exactly the threshold: it fires.
    const [s] = detectSignals(input(5, { nakamoto50: [9, 6, 5, 4, 1] }), params);
    expect(s).toMatchObject({ code: "nakamoto_drop", severity: "warning", period: 103, chart: "attribution" });
    expect(s.message).toBe("N₀.₅ of attribution fell to 4 from 6 within 2 weeks (−33.3%)");
    expect(s.evidence).toEqual({ latest: 4, previousMax: 6, previousMaxPeriod: 101, dropFraction: 1 / 3, thresholdFraction: 1 / 3, windowPeriods: 2 });
  });

  test("an N_0.5 drop of two thirds is critical; one of a sixth fires nothing", () => {
    // 6 → 2: drop 2/3 = 2 · 1/3. 6 → 5: drop 1/6.
    expect(detectSignals(input(4, { nakamoto50: [6, 3, 2, null] }), params)[0].severity).toBe("critical");
    expect(detectSignals(input(4, { nakamoto50: [6, 6, 5, null] }), params)).toEqual([]);
  });

  test("giant-component share below 0.5 in the last complete period, critical below 0.25", () => {
    // 0.625 in 100, 0.375 in T = 101, 0.9 in the current period (ignored).
    const [s] = detectSignals(input(3, { giantComponentShare: [0.625, 0.375, 0.9] }), params);
    expect(s).toMatchObject({ code: "giant_component_low", severity: "warning", period: 101, chart: "coherence" });
    expect(s.message).toBe("Giant-component share fell to 37.5%, below 50.0%");
    expect(s.evidence).toEqual({ share: 0.375, previous: 0.625, threshold: 0.5 });
    expect(detectSignals(input(2, { giantComponentShare: [0.2, null] }), params)[0]).toMatchObject({ severity: "critical", evidence: { previous: null } });
    expect(detectSignals(input(2, { giantComponentShare: [0.5, null] }), params)).toEqual([]);
  });

  test("recognition getting scarce: ε below −0.3 while volume rose window over window", () => {
    // contributions 10, 12 | 15, 20 (T = 103): 22 → 35. coverage 0.5, 0.5 | 0.25, 0.375: means
    // 50% → 31.25%. ε = −0.45 (critical would need < −0.6).
    const x = input(5, { contributions: [10, 12, 15, 20, 99], coverage: [0.5, 0.5, 0.25, 0.375, 0], elasticity: -0.45 });
    const [s] = detectSignals(x, params);
    expect(s).toMatchObject({ code: "recognition_scarce", severity: "warning", period: 103, chart: "recognition" });
    expect(s.message).toBe("Recognition is getting scarcer: elasticity -0.45 while contributions rose from 22 to 35 over the last 2 weeks (coverage 50.0% → 31.3%)");
    expect(s.evidence).toEqual({
      elasticity: -0.45, threshold: -0.3, contributionsBefore: 22, contributionsAfter: 35,
      coverageBefore: 0.5, coverageAfter: 0.3125, windowPeriods: 2,
    });
    expect(detectSignals({ ...x, elasticity: -0.7 }, params)[0].severity).toBe("critical");
  });

  test("recognition: no signal when volume fell, ε is null or not low enough, or history is short", () => {
    const base = { contributions: [10, 12, 15, 20, 0], elasticity: -0.45 };
    expect(detectSignals(input(5, { ...base, contributions: [20, 15, 12, 10, 0] }), params)).toEqual([]);
    expect(detectSignals(input(5, { ...base, elasticity: null }), params)).toEqual([]);
    expect(detectSignals(input(5, { ...base, elasticity: -0.3 }), params)).toEqual([]);
    // Three complete periods cannot hold two windows of 2.
    expect(detectSignals(input(4, { ...base, contributions: [10, 12, 20, 0] }), params)).toEqual([]);
  });

  test("one critical signal per ring, rings ordered by their smallest member, members ascending", () => {
    const rings = [ring, { members: [2, 1], links: 5, internalShare: 1, reciprocity: 0.5 }];
    const out = detectSignals(input(2, { rings }), params);
    expect(out.map((s) => [s.code, s.severity, s.period, s.chart, s.evidence.members])).toEqual([
      ["link_ring", "critical", 100, "hubs", [1, 2]],
      ["link_ring", "critical", 100, "hubs", [3, 5, 7]],
    ]);
    expect(out[1].message).toBe("Suspected link ring of 3 contributors: 9 links, 87.5% internal, reciprocity 100.0%");
    expect(out[1].evidence).toMatchObject({ links: 9, internalShare: 0.875, reciprocity: 1, internalShareMin: 0.8, reciprocityMin: 0.5, minLinks: 5 });
  });

  test("every rule firing at once comes out in rule order; months are named as months", () => {
    // Four complete monthly periods (no current one), T = 103.
    const x = input(4, {
      unit: "month",
      transactionalShare: [0, 0.1, 0.2, 0.5], nakamoto50: [5, 6, 6, 2], giantComponentShare: [0.5, 0.5, 0.5, 0.4],
      contributions: [1, 1, 2, 2], elasticity: -1, rings: [ring],
    }, true);
    const out = detectSignals(x, params);
    expect(out.map((s) => s.code)).toEqual(["transactional_rise", "nakamoto_drop", "giant_component_low", "recognition_scarce", "link_ring"]);
    expect(out.every((s) => s.period === 103)).toBe(true);
    expect(out[0].message).toBe("Transactional share rose from 10.0% to 50.0% over 2 months");
    // No coverage at all: the message leaves it out, the evidence says null.
    expect(out[3].evidence).toMatchObject({ coverageBefore: null, coverageAfter: null });
    expect(out[3].message).toBe("Recognition is getting scarcer: elasticity -1.00 while contributions rose from 2 to 4 over the last 2 months");
  });

  test("refuses misaligned series and non-consecutive periods", () => {
    expect(() => detectSignals({ ...input(3), coverage: [null] }, params)).toThrow(/coverage has 1 rows for 3 periods/);
    const gap = input(3);
    gap.periods[2] = { ...gap.periods[2], period: 105 };
    expect(() => detectSignals(gap, params)).toThrow(/consecutive/);
  });
});
