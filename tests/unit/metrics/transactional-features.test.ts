import { describe, expect, test } from "vitest";
import { campaignExposure, campaignMembership, exposureBetween } from "@/lib/metrics/transactional-campaigns";
import { burstiness, classCode, CLASS_NEW, CLASS_OCCASIONAL, CLASS_PERSISTENT, CLASS_TRANSACTIONAL } from "@/lib/metrics/transactional-features";
import { campaign, contributionIndex, contributionOf, DAY_MS, graphOf, inWeek } from "./fixtures";

/** Event times with the given inter-event times, starting at 0. */
function fromGaps(gaps: number[]): Float64Array {
  const t = new Float64Array(gaps.length + 1);
  gaps.forEach((g, k) => (t[k + 1] = t[k] + g));
  return t;
}

describe("burstiness", () => {
  test("is −1 for a perfectly regular sequence (r = 0)", () => {
    // 11 events, 10 equal gaps: A_10 = (0 − √9) / (0 + √9) = −1.
    expect(burstiness(fromGaps(new Array(10).fill(3)), 0, 11, 10)).toBe(-1);
  });

  test("applies the Kim–Jo correction below 100 inter-event times", () => {
    // Gaps nine 1s and one 11: μ = 2, population σ² = (9·1 + 121)/10 − 4 = 9, r = 3/2;
    // n = 10: A = (√11 · 1.5 − √9) / ((√11 − 2) · 1.5 + √9).
    const a = (Math.sqrt(11) * 1.5 - 3) / ((Math.sqrt(11) - 2) * 1.5 + 3);
    expect(burstiness(fromGaps([1, 1, 1, 1, 1, 1, 1, 1, 1, 11]), 0, 11, 10)).toBeCloseTo(a, 12);
  });

  test("uses Goh–Barabási B = (r − 1)/(r + 1) from 100 inter-event times on", () => {
    // 99 gaps of 1 and one of 101: μ = 2, σ² = (99 + 10201)/100 − 4 = 99, r = √99/2.
    const r = Math.sqrt(99) / 2;
    const gaps = [...new Array(99).fill(1), 101];
    expect(burstiness(fromGaps(gaps), 0, 101, 10)).toBeCloseTo((r - 1) / (r + 1), 12);
  });

  test("needs the minimum number of events and a positive mean gap", () => {
    expect(burstiness(fromGaps(new Array(8).fill(1)), 0, 9, 10)).toBeNull();
    expect(burstiness(new Float64Array(12), 0, 12, 10)).toBeNull();
  });
});

describe("classCode", () => {
  const rules = { transactionalLift: 2, linkingRatioMin: 0.2, persistentActivePeriods: 6, persistentTenurePeriods: 12 };
  test("takes the first matching rule", () => {
    expect(classCode(true, 5, 0, true, 9, 20, rules)).toBe(CLASS_NEW);
    expect(classCode(false, 2, 0.19, false, 9, 20, rules)).toBe(CLASS_TRANSACTIONAL);
    expect(classCode(false, 2, 0.2, false, 6, 12, rules)).toBe(CLASS_PERSISTENT);
    expect(classCode(false, null, 0, true, 6, 12, rules)).toBe(CLASS_TRANSACTIONAL);
    expect(classCode(false, null, 0.5, false, 5, 12, rules)).toBe(CLASS_OCCASIONAL);
  });
});

// Campaigns: 1 ecosystem [Mon w0, Mon w2); 2 ecosystem [Mon w1, Mon w3) overlapping it;
// 3 project 2 [Mon w4, Mon w5). Contributions: a (contributor 1, project 1) at Mon w0 (the start
// instant: inside) and at Mon w3 (2's end instant: outside); b (contributor 2, project 2) in w4 and
// a project-1 one in w4 (campaign 3 is project 2's only).
describe("campaign windows", () => {
  const g = graphOf(
    [
      contributionOf(1, inWeek(0), [[1, 1]], { projectId: 1 }),
      contributionOf(2, inWeek(3), [[1, 1]], { projectId: 1 }),
      contributionOf(3, inWeek(4, 1), [[2, 1]], { projectId: 2 }),
      contributionOf(4, inWeek(4, 2), [[2, 1]], { projectId: 1 }),
    ],
    [],
    [campaign(1, inWeek(0), inWeek(2)), campaign(2, inWeek(1), inWeek(3)), campaign(3, inWeek(4), inWeek(5), 2)],
  );

  test("a contribution is inside a window [startAt, endAt) of a campaign of its project or the ecosystem", () => {
    const inside = campaignMembership(g, g.nC);
    expect([1, 2, 3, 4].map((id) => inside[contributionIndex(g, id)])).toEqual([1, 0, 1, 0]);
  });

  test("exposure merges overlapping campaigns and adds those of the contributor's projects", () => {
    const ex = campaignExposure(g, g.nC, null);
    const [w1, w2] = [0, 1].map((u) => Array.from(ex.windows[ex.key[u]]));
    expect(w1).toEqual([inWeek(0), inWeek(3)]);
    expect(w2).toEqual([inWeek(0), inWeek(3), inWeek(4), inWeek(5)]);
    // From Wednesday of week 2 to Wednesday of week 4: 5 days of the merged ecosystem window and
    // 2 of project 2's.
    expect(exposureBetween(ex.windows[ex.key[1]], inWeek(2, 2), inWeek(4, 2))).toBe(7 * DAY_MS);
  });
});
