import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { computeActivity } from "@/lib/metrics/activity";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { computeCohortTables, computeRetention } from "@/lib/metrics/retention";
import { campaign, contribution, contributorIndex, expectClose, graphOf, inWeek, paramsWith } from "./fixtures";

// Dataset R, weekly, as of Tuesday of week 4 (T = week 3; week 4 incomplete). Contributors a..f = 1..6.
//   r1 week 0 Monday 00:00 UTC   by a, b, c (co-authored: all three born in week 0)
//   r2 week 1 Monday 00:00 UTC   by a
//   r3 week 2 Thursday           by b
//   r4 week 2 Tuesday            by d (born week 2)
//   r5 week 3 Tuesday            by a and d (co-authored)
//   r6 week 3 Monday noon        by e (born week 3)
//   r7 week 4 Monday noon        by f (born in the incomplete week)
// Active weeks: a 0,1,3 · b 0,2 · c 0 · d 2,3 · e 3 · f 4. Nobody is born in week 1: an empty cohort.
// Campaigns (start inclusive, end exclusive), all contributions are in project 1:
//   300 project 2, weeks 0..6      matches nobody (wrong project)
//   100 ecosystem, [week 2, week 3) recruits d
//   400 ecosystem, [week 3, week 6) overlaps 200 but loses to it (200 is project-specific)
//   200 project 1, [week 3 Monday noon, week 5) recruits e (born exactly at its start) and f
const datasetR = graphOf(
  [
    contribution(1, inWeek(0), [1, 2, 3]),
    contribution(2, inWeek(1), [1]),
    contribution(3, inWeek(2, 3), [2]),
    contribution(4, inWeek(2, 1), [4]),
    contribution(5, inWeek(3, 1), [1, 4]),
    contribution(6, inWeek(3, 0.5), [5]),
    contribution(7, inWeek(4, 0.5), [6]),
  ],
  [],
  [
    campaign(300, inWeek(0), inWeek(6), 2),
    campaign(100, inWeek(2), inWeek(3)),
    campaign(400, inWeek(3), inWeek(6)),
    campaign(200, inWeek(3, 0.5), inWeek(5), 1),
  ],
);
const scopeR = { unit: "week" as const, asOfMs: inWeek(4, 1), project: null };
const actR = computeActivity(datasetR, scopeR, DEFAULT_PARAMS);
const allMembers = Int32Array.from([1, 2, 3, 4, 5, 6], (id) => contributorIndex(datasetR, id));

describe("computeCohortTables, exact retention", () => {
  const tables = computeCohortTables(actR, allMembers, 2);

  test("sizes the cohorts, the empty week-1 cohort included", () => {
    expect(tables.cohorts.map((c) => [c.label, c.size, c.isComplete])).toEqual([
      ["2024-01-01", 3, true], ["2024-01-08", 0, true], ["2024-01-15", 1, true], ["2024-01-22", 1, true], ["2024-01-29", 1, false],
    ]);
  });

  test("computes R_c(N) and leaves censored offsets and empty cohorts null, never 0", () => {
    expect(tables.cohorts.map((c) => c.exact)).toEqual([
      [1, 1 / 3, 1 / 3, 1 / 3], // a,b,c; a in week 1; b in week 2; a in week 3
      [null, null, null, null], // empty cohort
      [1, 1, null, null], // d in weeks 2 and 3; week 4 is not complete
      [1, null, null, null],
      [null, null, null, null], // born in the incomplete week
    ]);
    expect(tables.cohorts[0].retainedExact).toEqual([3, 1, 1, 1]);
  });

  test("aggregates R(N) over the cohorts eligible at N, weighted by size", () => {
    // N=0: 5/5; N=1: (1+0+1)/(3+0+1); N=2: 1/3 (cohorts 0,1); N=3: 1/3 (cohort 0)
    expect(tables.curveExact).toEqual([1, 0.5, 1 / 3, 1 / 3]);
  });
});

describe("computeCohortTables, unbounded retention", () => {
  test("counts a member at N when active at some k in [N, H] with c + k ≤ T (H = 2)", () => {
    const t = computeCohortTables(actR, allMembers, 2);
    // cohort 0: last active offset within [0, 2]: a 1, b 2, c 0 → 3, 2, 1 members at N = 0, 1, 2
    // cohort 2: window cut at T: d's last offset within [0, 1] is 1
    expect(t.cohorts.map((c) => c.unbounded)).toEqual([
      [1, 2 / 3, 1 / 3], [null, null, null], [1, 1, null], [1, null, null], [null, null, null],
    ]);
    // N=0: 5/5; N=1: (2+0+1)/(3+0+1); N=2: 1/3
    expect(t.curveUnbounded).toEqual([1, 0.75, 1 / 3]);
  });

  test("with the default horizon H = 12 reaches as far as T allows", () => {
    const t = computeCohortTables(actR, allMembers, 12);
    // cohort 0: last offsets a 3, b 2, c 0 → 3, 2, 2, 1 at N = 0..3; N ≥ 4 censored
    expect(t.cohorts[0].unbounded).toEqual([1, 2 / 3, 2 / 3, 1 / 3, ...new Array(9).fill(null)]);
  });

  test("returns no cohorts and null curves for no members", () => {
    const t = computeCohortTables(actR, new Int32Array(0), 2);
    expect(t).toEqual({ cohorts: [], curveExact: [], curveUnbounded: [null, null, null] });
  });
});

describe("computeRetention, split by acquisition context", () => {
  const params = paramsWith({ retentionHorizon: 2, dormancyGap: { week: 2, month: 3 }, windowDays: 7 });
  const report = computeRetention(actR, datasetR, params);

  test("reports T, the current period and the parameters", () => {
    expect([report.lastCompleteLabel, report.currentPeriod - report.lastComplete]).toEqual(["2024-01-22", 1]);
    expect([report.horizon, report.dormancyGap, report.windowDays]).toEqual([2, 2, 7]);
  });

  test("splits members into organic (a, b, c) and campaign (d by 100; e, f by 200)", () => {
    expect([report.all.size, report.organic.size, report.campaign.size]).toEqual([6, 3, 3]);
    expect(report.perCampaign.map((g) => [g.key, g.size])).toEqual([
      ["campaign:300", 0], ["campaign:100", 1], ["campaign:400", 0], ["campaign:200", 2],
    ]);
  });

  test("computes every group's curves on its own cohorts", () => {
    expect(report.organic.curveExact).toEqual([1, 1 / 3, 1 / 3, 1 / 3]);
    // d (cohort 2) and e (cohort 3): N=0 2/2, N=1 only cohort 2 eligible: 1/1
    expect(report.campaign.cohorts.map((c) => [c.label, c.exact])).toEqual([
      ["2024-01-15", [1, 1]], ["2024-01-22", [1, null]], ["2024-01-29", [null, null]],
    ]);
    expect(report.campaign.curveExact).toEqual([1, 1]);
    expect(report.perCampaign[3].curveExact).toEqual([1]);
  });

  test("gives a campaign that recruited nobody empty tables, not zeros", () => {
    const g = report.perCampaign[0];
    expect([g.cohorts, g.curveExact, g.curveUnbounded]).toEqual([[], [], [null, null, null]]);
    expect([g.survival.n, g.survival.medianLifetime, g.conversion.rate]).toEqual([0, null, null]);
  });

  test("attaches survival: only c churned, at 1 week, among 5 born by T (G = 2)", () => {
    // a censored at 4, b at 3, c churned at 1, d censored at 2, e censored at 1; f not born by T
    const s = report.all.survival;
    expect([s.n, s.events, s.censored, s.medianLifetime]).toEqual([5, 1, 4, null]);
    expect(s.steps.map((x) => [x.time, x.atRisk, x.events])).toEqual([[1, 5, 1]]);
    expectClose(s.curve, [1, 0.8, 0.8, 0.8, 0.8]);
  });

  test("attaches conversion within W = 7 days", () => {
    // a: r1 → r2 exactly 7 days later (converted); b: r3 after 17 days; c: no second;
    // d: r4 → r5 after 7 days; e: none; f: window ends after asOf (censored).
    const c = report.all.conversion;
    expect([c.eligible, c.converted, c.rate]).toEqual([5, 2, 0.4]);
    expect(c.byCohort.map((k) => k.rate)).toEqual([1 / 3, null, 1, 0, null]);
    expect(report.organic.conversion.rate).toBe(1 / 3);
  });
});

describe("retention for a project", () => {
  test("counts only newcomers whose birth period has project work", () => {
    // 1 starts in project 1 (week 0) and moves to project 2 (week 1); 2 starts in project 2 in week 0
    // and stays through week 1. Project 2 as of week 2: one cohort of one (2), retained at N=1.
    const g = graphOf([
      contribution(1, inWeek(0, 1), [1], 1),
      contribution(2, inWeek(0, 2), [2], 2),
      contribution(3, inWeek(1, 1), [1], 2),
      contribution(4, inWeek(1, 2), [2], 2),
    ]);
    const a = computeActivity(g, { unit: "week", asOfMs: inWeek(2, 1), project: g.projectIds.indexOf(2) }, DEFAULT_PARAMS);
    const r = computeRetention(a, g, DEFAULT_PARAMS);
    expect(r.all.size).toBe(1);
    expect(r.all.curveExact).toEqual([1, 1]);
  });
});

describe("retention properties", () => {
  const contributionArb = fc.record({
    week: fc.integer({ min: 0, max: 15 }), day: fc.double({ min: 0, max: 6.99, noNaN: true }),
    authors: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 2 }),
  });
  const datasetArb = fc.record({
    cs: fc.array(contributionArb, { minLength: 1, maxLength: 40 }),
    asOfWeek: fc.integer({ min: 0, max: 17 }),
    H: fc.integer({ min: 1, max: 6 }),
  });

  test("every retention value lies in [0, 1]; unbounded R_c(N) never increases with N", () => {
    fc.assert(
      fc.property(datasetArb, ({ cs, asOfWeek, H }) => {
        const g = graphOf(cs.map((c, i) => contribution(i + 1, inWeek(c.week, c.day), c.authors)));
        const act = computeActivity(g, { unit: "week", asOfMs: inWeek(asOfWeek, 3), project: null }, DEFAULT_PARAMS);
        const members = Int32Array.from({ length: act.nU }, (_, u) => u).filter((u) => act.inCohort[u] === 1);
        const t = computeCohortTables(act, members, H);
        const inUnit = (v: number | null) => v === null || (v >= 0 && v <= 1);
        for (const c of t.cohorts) {
          expect(c.exact.every(inUnit) && c.unbounded.every(inUnit)).toBe(true);
          const known = c.unbounded.filter((v): v is number => v !== null);
          for (let N = 1; N < known.length; N++) expect(known[N]).toBeLessThanOrEqual(known[N - 1]);
          // right-censoring: a cell is null exactly when c + N > T (or the cohort is empty)
          const rel = c.period - act.firstPeriod;
          c.exact.forEach((v, N) => expect(v === null).toBe(c.size === 0 || rel + N > act.lastComplete));
        }
        expect(t.curveExact.every(inUnit) && t.curveUnbounded.every(inUnit)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
