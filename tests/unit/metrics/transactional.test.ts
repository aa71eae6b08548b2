import { describe, expect, test } from "vitest";
import { computeActivity } from "@/lib/metrics/activity";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { periodOf } from "@/lib/metrics/periods";
import { computeTransactional, type ContributorParticipation } from "@/lib/metrics/transactional";
import { campaign, contributionOf, DAY_MS, graphOf, inWeek, link } from "./fixtures";

const week0 = periodOf(inWeek(0), "week");
const params = DEFAULT_PARAMS; // G = 4 weeks, W = 30 days, lift ≥ 2, linking 0.2, 6 active over 12, trailing 12

// Dataset T, weekly, as of Wednesday of week 20 (current week 20, T = 19). Contributors:
// Q 1, P 2, O 3, M 4, X 5, N 6. Campaigns: K1 ecosystem-wide, weeks 2–3 [Mon w2, Mon w4);
// K2 project 2 only, week 10; K3 project 3, weeks 19–29 (still running, nobody in project 3).
//   q1  w0 Mon 00:00   Q
//   p1  w0 +1d         P  → q1
//   o1  w1 +1d         O  → p1 (unconfirmed)
//   m1  w2 +1d, m2 w2 +2d  M   (inside K1, no links)
//   p2  w2 +3d         P  → q1   (inside K1)
//   m3  w3 +1d         M   (inside K1)
//   p3  w4 +1d         P  → q1, → o1 (disputed)
//   p4  w6 +1d, p5 w8 +1d   P → q1
//   o2  w9 +1d         O+P (co-authored) → q1
//   m4  w9 +2d         M   (no links)
//   p6  w10 +1d        P  → q1   (project 1: K2 does not apply)
//   x1  w10 +2d        X   project 2 (inside K2)
//   p7  w12 +1d        P  → q1
//   o3  w15 +1d        O  → p7
//   n1  w18 +1d        N
//   p8  w21            P  (after asOf: ignored)
const one = (id: number, at: number, who: number, projectId = 1) => contributionOf(id, at, [[who, 1]], { projectId });
const datasetT = graphOf(
  [
    one(1, inWeek(0), 1), one(2, inWeek(0, 1), 2), one(3, inWeek(1, 1), 3),
    one(4, inWeek(2, 1), 4), one(5, inWeek(2, 2), 4), one(6, inWeek(2, 3), 2), one(7, inWeek(3, 1), 4),
    one(8, inWeek(4, 1), 2), one(9, inWeek(6, 1), 2), one(10, inWeek(8, 1), 2),
    contributionOf(11, inWeek(9, 1), [[3, 0.5], [2, 0.5]]), one(12, inWeek(9, 2), 4),
    one(13, inWeek(10, 1), 2), one(14, inWeek(10, 2), 5, 2), one(15, inWeek(12, 1), 2),
    one(16, inWeek(15, 1), 3), one(17, inWeek(18, 1), 6), one(18, inWeek(21), 2),
  ],
  [
    link(1, 2, 1), link(2, 3, 2, "builds_on", "unconfirmed"), link(3, 6, 1), link(4, 8, 1),
    link(5, 8, 3, "cites", "disputed"), link(6, 9, 1), link(7, 10, 1), link(8, 11, 1), link(9, 13, 1),
    link(10, 15, 1), link(11, 16, 15), link(12, 18, 3),
  ],
  [
    campaign(1, inWeek(2), inWeek(4)),
    campaign(2, inWeek(10), inWeek(11), 2),
    campaign(3, inWeek(19), inWeek(30), 3),
  ],
);
const asOf = inWeek(20, 2);

describe("computeTransactional", () => {
  const act = computeActivity(datasetT, { unit: "week", asOfMs: asOf, project: null }, params);
  const report = computeTransactional(act, datasetT, params);
  const byId = new Map<number, ContributorParticipation>(report.contributors.map((c) => [c.contributorId, c]));
  const who = (id: number) => byId.get(id) as ContributorParticipation;

  test("classes by the first matching rule", () => {
    expect([1, 2, 3, 4, 5, 6].map((id) => who(id).class)).toEqual([
      "occasional", "persistent", "occasional", "transactional", "transactional", "new",
    ]);
  });

  test("persistent P: tenure runs to G periods after the last activity, campaigns of other projects do not count", () => {
    // 8 contributions (o2 co-authored counts in full), only p2 inside K1: share 1/8. Tenure
    // [w0 +1d, Mon w16) = 111 days, K1 covers 14 of them: lift = (1/8)/(14/111) = 111/112.
    // Recognition within 30 days: o1 → p1 (unconfirmed, 7 days) and o3 → p7 (21 days).
    const p = who(2);
    expect(p.whole).toMatchObject({
      contributions: 8, campaignContributions: 1, campaignShare: 1 / 8, linked: 8, linkingRatio: 1,
      recognitionReceived: 2, activePeriods: 8, tenurePeriods: 13, burstiness: null,
      tenureFrom: inWeek(0, 1), tenureTo: inWeek(16),
    });
    expect(p.whole.campaignTimeShare).toBeCloseTo(14 / 111, 15);
    expect(p.whole.lift).toBeCloseTo(111 / 112, 15);
    expect(p.evidence.persistent).toEqual({
      activePeriods: 8, activePeriodsMin: 6, tenurePeriods: 13, tenurePeriodsMin: 12,
      linkingRatio: 1, linkingRatioMin: 0.2, matched: true,
    });
    expect(p.evidence.transactional.matched).toBe(false);
  });

  test("trailing window: the 12 periods ending with the current one (weeks 9–20)", () => {
    // P in weeks 9–20: o2, p6, p7; tenure from o2 to Mon w16 holds no campaign: lift null.
    expect(who(2).trailing).toMatchObject({
      fromPeriod: week0 + 9, contributions: 3, campaignContributions: 0, linkingRatio: 1,
      recognitionReceived: 1, activePeriods: 3, tenurePeriods: 4, lift: null, campaignTimeShare: 0,
    });
  });

  test("transactional M: recruited by K1, gone in the 4 weeks after it, lift 57/13", () => {
    // m1..m3 inside K1, m4 not: share 3/4. Tenure [w2 +1d, Mon w13) = 76 days, K1 covers 13:
    // lift = 0.75 · 76/13 = 57/13. K1's last week is 3; no activity in weeks 4–7.
    const m = who(4);
    expect(m.whole).toMatchObject({ contributions: 4, campaignContributions: 3, linkingRatio: 0, activePeriods: 3, tenurePeriods: 8 });
    expect(m.whole.lift).toBeCloseTo(57 / 13, 14);
    expect(m.evidence.transactional).toMatchObject({ recruitingCampaignId: 1, postCampaignStay: false, matched: true });
  });

  test("transactional X: a project campaign applies to its project's work", () => {
    // x1 inside K2 (project 2). Tenure [w10 +2d, Mon w14) = 26 days, K2 covers 5: lift 26/5.
    const x = who(5);
    expect(x.whole.campaignShare).toBe(1);
    expect(x.whole.lift).toBeCloseTo(26 / 5, 14);
    expect(x.evidence.transactional).toMatchObject({ recruitingCampaignId: 2, postCampaignStay: false });
  });

  test("occasional Q and O; a disputed link is no recognition", () => {
    // Q: one contribution; tenure [Mon w0, Mon w4) is half K1: lift 0/0.5 = 0. Recognized by p1,
    // p2, p3 within 30 days (day 1, 17, 29); p4 on day 43 is too late.
    expect(who(1).whole).toMatchObject({ contributions: 1, campaignTimeShare: 0.5, lift: 0, linkingRatio: 0, recognitionReceived: 3 });
    // O: p3 → o1 is disputed, so nothing recognizes O; tenure [w1 +1d, Mon w19) = 125 days.
    expect(who(3).whole).toMatchObject({ contributions: 3, linkingRatio: 1, recognitionReceived: 0, activePeriods: 3, tenurePeriods: 15, lift: 0 });
    expect(who(3).whole.campaignTimeShare).toBeCloseTo(14 / 125, 15);
  });

  test("new N: born within the last G = 4 periods ending with the current one", () => {
    // N's tenure [w18 +1d, asOf) = 15 days saw no campaign: lift null.
    expect(who(6).evidence.new).toEqual({ birthPeriod: week0 + 18, bornSincePeriod: week0 + 17, matched: true });
    expect(who(6).whole).toMatchObject({ lift: null, campaignTimeShare: 0, tenureTo: asOf });
  });

  test("class mix per period uses each contributor's class as of that period", () => {
    // w0 Q, P new; w1 O new; w2 M, P new; w3 M new; w4, w6, w8 P occasional (3–5 active periods);
    // w9 O occasional, P occasional (6 active, tenure 10 < 12), M transactional (gone after K1);
    // w10 X new, P occasional; w12 P persistent (8 active over 13); w15 O occasional; w18 N new.
    const mix = report.periods;
    expect(mix.map((r) => r.period - week0)).toEqual(Array.from({ length: 21 }, (_, t) => t));
    expect(mix[20].isComplete).toBe(false);
    const active = new Map(mix.filter((r) => r.active > 0).map((r) => [r.period - week0, r.byClass]));
    expect(Object.fromEntries(active)).toEqual({
      0: [2, 0, 0, 0], 1: [1, 0, 0, 0], 2: [2, 0, 0, 0], 3: [1, 0, 0, 0], 4: [0, 0, 0, 1], 6: [0, 0, 0, 1],
      8: [0, 0, 0, 1], 9: [0, 1, 0, 2], 10: [1, 0, 0, 1], 12: [0, 0, 1, 0], 15: [0, 0, 0, 1], 18: [1, 0, 0, 0],
    });
    expect(mix[9].transactionalShare).toBe(1 / 3);
    expect(mix[5].transactionalShare).toBeNull();
  });

  test("mercenary index compares exact retention of recruits with organic newcomers", () => {
    // Organic Q, P (born w0), O (w1), N (w18); exact R_organic(N), N = 0..12:
    //   1, 0, 1/3, 0, 1/3, 0, 1/3, 0, 2/3, 1/3, 1/3, 0, 1/3 (N's cohort counts only at N ≤ 1)
    // K1 recruit M (born w2, active w2, w3, w9): R = 1 at N = 0, 1, 7, else 0.
    // MI = 1 − R_K1/R_organic, null where R_organic = 0.
    const [k1, k2, k3] = report.campaigns;
    expect(k1.recruits).toBe(1);
    expect(k1.mercenaryIndex).toEqual([0, null, 1, null, 1, null, 1, null, 1, 1, 1, null, 1]);
    // K2 recruit X (born w10, active w10 only) is observed up to N = 9 (10 + 9 = T).
    expect(k2.retentionCampaign).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null]);
    expect(k2.mercenaryIndex).toEqual([0, null, 1, null, 1, null, 1, null, 1, 1, null, null, null]);
    // K3 recruited nobody and still runs.
    expect(k3.recruits).toBe(0);
    expect(k3.mercenaryIndex.every((x) => x === null)).toBe(true);
  });

  test("post-campaign half-life in weeks; null while the campaign runs", () => {
    // K1 ends after week 3, where M is active (1); week 4 has 0 ≤ 1/2: one week. Same for K2.
    expect(report.campaigns.map((c) => [c.weeklyActiveAtEnd, c.halfLifeWeeks])).toEqual([[1, 1], [1, 1], [null, null]]);
  });

  test("ignores work after asOf", () => {
    // p8 (week 21) would be P's 9th contribution and O's first recognition.
    expect(who(2).whole.contributions).toBe(8);
    expect(who(3).whole.recognitionReceived).toBe(0);
    expect(who(2).whole.tenureTo! - who(2).whole.tenureFrom!).toBe(111 * DAY_MS);
  });
});

describe("computeTransactional on an empty graph", () => {
  test("has no contributors, a null share and empty campaign cohorts", () => {
    const g = graphOf([], [], [campaign(1, inWeek(0), inWeek(1))]);
    const act = computeActivity(g, { unit: "week", asOfMs: inWeek(3), project: null }, params);
    const report = computeTransactional(act, g, params);
    expect(report.contributors).toEqual([]);
    expect(report.periods.map((r) => [r.active, r.transactionalShare])).toEqual([[0, null]]);
    expect(report.campaigns[0]).toMatchObject({ recruits: 0, weeklyActiveAtEnd: 0, halfLifeWeeks: null });
    expect(report.campaigns[0].mercenaryIndex.every((x) => x === null)).toBe(true);
  });
});
