import { describe, expect, test } from "vitest";
import { computeActivity } from "@/lib/metrics/activity";
import { computeCoherence, type CoherencePeriod } from "@/lib/metrics/coherence";
import { periodOf } from "@/lib/metrics/periods";
import { contribution, contributionOf, graphOf, inWeek, link, paramsWith } from "./fixtures";

const params = paramsWith({ coherenceWindow: 2, integrationSeniority: 1, windowDays: 7 });
const week0 = periodOf(inWeek(0), "week");

// Dataset C, weekly, trailing window 2 periods, seniority 1 period, W = 7 days,
// as of Wednesday 12:00 of week 3 (T = week 2; week 3 incomplete). Contributors A..F = 1..6.
//   week 0  c1  Mon 00:00 (boundary)   A
//           c2  Tue                    B   → c1 (A)
//           c3  Sun 23:59:59.999       A+B → c1 (shares A: self), → c2 (shares B: self)
//   week 1  c4  Mon 00:00 (boundary)   C   → c2 (B, unconfirmed), → c3 (disputed: ignored)
//           c5  Wed                    D   → c4 (C)
//           c6  Thu                    A   → c1 (A: self)
//   week 2  c7  Thu                    B   → c5 (D), → c4 (C)
//           c8  Fri                    D   → c7 (B)
//   week 3  c9  Mon 00:00              E
//           c10 Tue                    C   → c9 (E)
//           c11 Tue 12:00              F
const datasetC = graphOf(
  [
    contribution(1, inWeek(0), [1]),
    contribution(2, inWeek(0, 1), [2]),
    contribution(3, inWeek(1) - 1, [1, 2]),
    contribution(4, inWeek(1), [3]),
    contribution(5, inWeek(1, 2), [4]),
    contribution(6, inWeek(1, 3), [1]),
    contribution(7, inWeek(2, 3), [2]),
    contribution(8, inWeek(2, 4), [4]),
    contribution(9, inWeek(3), [5]),
    contribution(10, inWeek(3, 1), [3]),
    contribution(11, inWeek(3, 1.5), [6]),
  ],
  [
    link(1, 2, 1),
    link(2, 3, 1),
    link(3, 3, 2),
    link(4, 4, 2, "builds_on", "unconfirmed"),
    link(5, 4, 3, "builds_on", "disputed"),
    link(6, 5, 4),
    link(7, 6, 1),
    link(8, 7, 5),
    link(9, 7, 4),
    link(10, 8, 7),
    link(11, 10, 9),
  ],
);
const asOfC = inWeek(3, 2.5);

describe("computeCoherence", () => {
  const act = computeActivity(datasetC, { unit: "week", asOfMs: asOfC, project: null }, params);
  const report = computeCoherence(act, datasetC, params);
  const rows = report.periods;

  test("covers weeks 0..3 and marks the current week incomplete", () => {
    expect(rows.map((r) => r.period - week0)).toEqual([0, 1, 2, 3]);
    expect(rows.map((r) => r.isComplete)).toEqual([true, true, true, false]);
  });

  test("linking ratio counts links to another's work only; co-authored links to a shared author are self-links", () => {
    // week 0: only c2 links to another's work (c3's links both share an author): 1/3;
    //         counted links c2→c1, c3→c1, c3→c2, two of them self: 2/3.
    // week 1: c4 (unconfirmed link counts) and c5 link out, c6 only to itself: 2/3; the disputed c4→c3
    //         is not counted: links c4→c2, c5→c4, c6→c1, one self: 1/3.
    // week 2: c7 and c8 both link to others: 1; 3 links, none self.
    // week 3: c10 links to c9 (the Monday 00:00 contribution sits in week 3): 1/3.
    expect(rows.map((r) => [r.contributions, r.linked, r.links, r.selfLinks])).toEqual([
      [3, 1, 3, 2], [3, 2, 3, 1], [2, 2, 3, 0], [3, 1, 1, 0],
    ]);
    expect(rows.map((r) => r.linkingRatio)).toEqual([1 / 3, 2 / 3, 1, 1 / 3]);
    expect(rows.map((r) => r.selfLinkShare)).toEqual([2 / 3, 1 / 3, 0, 0]);
  });

  test("week 0 window: B→A (1 + ½ from the co-authored c3) and A→B (½) are reciprocal, one community", () => {
    // Undirected A–B weight 2, 2m = 4: one community, Q = 4/4 − (4/4)² = 0.
    expect(rows[0].window).toEqual({
      fromPeriod: week0, activeContributors: 2, edges: 2, reciprocalEdges: 2, reciprocity: 1,
      giantComponent: 2, giantComponentShare: 1, modularity: 0, communities: 1,
    });
  });

  test("week 1 window (weeks 0–1): the disputed link adds no C→A edge; Louvain splits {A,B} and {C,D}", () => {
    // Edges B→A, A→B, C→B, D→C: 2 of 4 reciprocal. Undirected A–B 2, B–C 1, C–D 1, 2m = 8,
    // degrees A 2, B 3, C 2, D 1. Communities {A,B}: in 4, tot 5; {C,D}: in 2, tot 3:
    // Q = (4/8 − 25/64) + (2/8 − 9/64) = 7/32.
    expect(rows[1].window).toEqual({
      fromPeriod: week0, activeContributors: 4, edges: 4, reciprocalEdges: 2, reciprocity: 0.5,
      giantComponent: 4, giantComponentShare: 1, modularity: 7 / 32, communities: 2,
    });
  });

  test("week 2 window (weeks 1–2): A, active only through a self-link, is outside the giant component", () => {
    // Edges C→B, D→C, B→D, B→C, D→B: 4 of 5 reciprocal. {B,C,D} connected, A isolated: 3/4.
    // Triangle B–C 2, B–D 2, C–D 1 is one community: Q = 10/10 − (10/10)² = 0.
    expect(rows[2].window).toEqual({
      fromPeriod: week0 + 1, activeContributors: 4, edges: 5, reciprocalEdges: 4, reciprocity: 0.8,
      giantComponent: 3, giantComponentShare: 0.75, modularity: 0, communities: 1,
    });
  });

  test("week 3 window (weeks 2–3, incomplete): F has no links; Louvain splits {B,D} and {C,E}", () => {
    // Edges B→D, B→C, D→B, C→E: 2 of 4 reciprocal; {B,C,D,E} connected, F isolated: 4/5.
    // Undirected B–D 2, B–C 1, C–E 1: same shape as week 1, Q = 7/32.
    expect(rows[3].window).toEqual({
      fromPeriod: week0 + 2, activeContributors: 5, edges: 4, reciprocalEdges: 2, reciprocity: 0.5,
      giantComponent: 4, giantComponentShare: 0.8, modularity: 7 / 32, communities: 2,
    });
  });

  test("newcomer integration needs a senior contributor within W days and right-censors the rest", () => {
    // week 0: A and B have nobody born by week −1 to link with: 0 of 2.
    // week 1: C's first work c4 links to B (born week 0 ≤ 1 − 1): integrated. D's c5 links to C
    //         (born week 1: too recent) and is linked by B's c7 8 days later (> W = 7): not: 1 of 2.
    // week 2: no newcomers: null.
    // week 3: E's c9 is linked by C (born week 1 ≤ 2) within a day: integrated although E's 7 days
    //         have not elapsed. F's 7 days have not elapsed and F is not integrated: censored. 1 of 1.
    expect(rows.map((r) => [r.newcomers, r.integrationEligible, r.integrated])).toEqual([
      [2, 2, 0], [2, 2, 1], [0, 0, 0], [2, 1, 1],
    ]);
    expect(rows.map((r) => r.newcomerIntegration)).toEqual([0, 0.5, null, 1]);
  });
});

// Dataset P, two projects, same parameters, as of Wednesday of week 2. Scope: project 2 only.
//   p1 week 0 Mon, project 1, A (10)
//   p2 week 0 Wed, project 2, B (20) → p1 (A)
//   p3 week 1 Wed, project 2, C (30) → p2 (B)
describe("computeCoherence with a project filter", () => {
  const g = graphOf(
    [
      contributionOf(1, inWeek(0), [[10, 1]], { projectId: 1 }),
      contributionOf(2, inWeek(0, 2), [[20, 1]], { projectId: 2 }),
      contributionOf(3, inWeek(1, 2), [[30, 1]], { projectId: 2 }),
    ],
    [link(1, 2, 1), link(2, 3, 2)],
  );
  const project2 = g.projectIds.indexOf(2);
  const act = computeActivity(g, { unit: "week", asOfMs: inWeek(2, 2), project: project2 }, params);
  const rows: CoherencePeriod[] = computeCoherence(act, g, params).periods;

  test("excludes contributors outside the project from the projection", () => {
    // week 0: B's link to A (not active in project 2) gives no edge. week 1: C→B only.
    // week 2: window weeks 1–2 holds only C; B is not active in it, so C→B is dropped.
    expect(rows.map((r) => [r.contributions, r.linked, r.linkingRatio])).toEqual([[1, 1, 1], [1, 1, 1], [0, 0, null]]);
    expect(rows.map((r) => [r.window.activeContributors, r.window.edges, r.window.reciprocity, r.window.giantComponentShare])).toEqual([
      [1, 0, null, 1], [2, 1, 0, 1], [1, 0, null, 1],
    ]);
    // Two nodes, one edge: one community, Q = 2/2 − 1 = 0; no edges: no modularity.
    expect(rows.map((r) => [r.window.modularity, r.window.communities])).toEqual([[null, 0], [0, 1], [null, 0]]);
  });

  test("counts only the project's cohorts as newcomers, with birth from the full history", () => {
    // B (born week 0, first work in project 2) links to A, born the same week: not integrated.
    // C (born week 1) links to B, born week 0 ≤ 1 − 1: integrated. A is not a project-2 newcomer.
    expect(rows.map((r) => [r.newcomers, r.integrationEligible, r.integrated])).toEqual([[1, 1, 0], [1, 1, 1], [0, 0, 0]]);
  });
});

describe("computeCoherence on an empty graph", () => {
  test("reports the current period with null ratios, never zeros", () => {
    const g = graphOf([]);
    const act = computeActivity(g, { unit: "month", asOfMs: inWeek(3), project: null }, params);
    const [row] = computeCoherence(act, g, params).periods;
    expect([row.isComplete, row.linkingRatio, row.selfLinkShare, row.newcomerIntegration]).toEqual([false, null, null, null]);
    expect(row.window).toMatchObject({ activeContributors: 0, reciprocity: null, giantComponentShare: null, modularity: null, communities: 0 });
  });
});
