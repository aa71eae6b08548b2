import { describe, expect, test } from "vitest";
import { buildPageRankGraph, runPageRank } from "@/lib/metrics/pagerank";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { contributionOf, graphOf, inWeek, link, paramsWith } from "./fixtures";

// Nodes are contributions (time order) then contributors (first appearance). α = 0.15, δ = 0.85.

describe("personalized PageRank", () => {
  test("solves a two-contribution chain and ignores a disputed duplicate link", () => {
    // v0 (Ana, week 0), v1 (Bo, week 1), v1→v0 builds-on confirmed and v1→v0 cites disputed.
    // Nodes 0 v0, 1 v1, 2 Ana, 3 Bo; s = (½, ½, 0, 0).
    // v0 → Ana (1); v1 → v0 (1), Bo (1); Ana → v0 (½); Bo → v1 (½).
    //   π1 = 0.075 + δ·π3, π3 = δ·½·π1          ⇒ π1 = 0.075 / (1 − 0.36125)
    //   π0 = 0.075 + δ(½π1 + π2), π2 = δ·π0     ⇒ π0 = (0.075 + 0.425·π1) / (1 − 0.7225)
    const g = graphOf(
      [contributionOf(1, inWeek(0), [[1, 1]]), contributionOf(2, inWeek(1), [[2, 1]])],
      [link(1, 2, 1), link(2, 2, 1, "cites", "disputed")],
    );
    const r = runPageRank(g, DEFAULT_PARAMS);
    const p1 = 0.075 / 0.63875;
    const p0 = (0.075 + 0.425 * p1) / 0.2775;
    const expected = [p0, p1, 0.85 * p0, 0.425 * p1];
    expected.forEach((x, v) => expect(r.score[v]).toBeCloseTo(x, 9));
    expect(r.converged).toBe(true);
    const c = 0.85 * p0 + 0.425 * p1;
    expect(r.attribution[0]).toBeCloseTo((2 * 0.85 * p0) / c, 8);
    expect(r.attribution[1]).toBeCloseTo((2 * 0.425 * p1) / c, 8);
    expect(r.attribution[0] + r.attribution[1]).toBeCloseTo(2, 12);
  });

  test("splits a co-authored contribution by shares and gives a rejected one nothing", () => {
    // v (Ana ½ + Bo ½, accepted, m = 1); w (Cy, rejected, m = 0) builds on v (unconfirmed).
    // Nodes 0 v, 1 w, 2 Ana, 3 Bo, 4 Cy; s = (1, 0, 0, 0, 0). w and Cy never receive mass.
    //   π0 = 0.15 + δ(π2 + π3), π2 = π3 = δ·½·π0  ⇒ π0 = 0.15 / (1 − 0.7225)
    const g = graphOf(
      [
        contributionOf(1, inWeek(0), [[1, 0.5], [2, 0.5]]),
        contributionOf(2, inWeek(1), [[3, 1]], { status: "rejected" }),
      ],
      [link(1, 2, 1, "builds_on", "unconfirmed")],
    );
    const r = runPageRank(g, DEFAULT_PARAMS);
    const p0 = 0.15 / 0.2775;
    [p0, 0, 0.425 * p0, 0.425 * p0, 0].forEach((x, v) => expect(r.score[v]).toBeCloseTo(x, 9));
    expect(Array.from(r.attribution).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0.5, 0.5, 0]);
  });

  test("sends a dangling node's mass to the seed", () => {
    // v (no authors, accepted), w (Ana). Nodes 0 v, 1 w, 2 Ana; s = (½, ½, 0); v is dangling.
    //   π0 = ½(0.15 + δπ0)                       ⇒ π0 = 0.075 / 0.575
    //   π1 = ½(0.15 + δπ0) + δπ2, π2 = δπ1       ⇒ π1 = π0 / 0.2775
    const g = graphOf([contributionOf(1, inWeek(0), []), contributionOf(2, inWeek(1), [[1, 1]])]);
    const pg = buildPageRankGraph(g, DEFAULT_PARAMS);
    expect(Array.from(pg.dangling)).toEqual([0]);
    const r = runPageRank(g, DEFAULT_PARAMS);
    const p0 = 0.075 / 0.575;
    [p0, p0 / 0.2775, (0.85 * p0) / 0.2775].forEach((x, v) => expect(r.score[v]).toBeCloseTo(x, 9));
    expect(r.attribution[0]).toBeCloseTo(2, 12);
  });

  test("stops at the iteration cap and reports it did not converge", () => {
    const g = graphOf([contributionOf(1, inWeek(0), [[1, 1]]), contributionOf(2, inWeek(1), [[2, 1]])], [link(1, 2, 1)]);
    const r = runPageRank(g, paramsWith({ pagerank: { ...DEFAULT_PARAMS.pagerank, maxIterations: 3 } }));
    expect(r.iterations).toBe(3);
    expect(r.converged).toBe(false);
  });

  test("excludes contributions outside the project", () => {
    // Project 1 holds v (Ana); w (Bo, project 2) builds on v. With project 1, w and its edges vanish:
    // nodes v, w, Ana, Bo; v ⇄ Ana only. π_v = 0.15 + δ·π_Ana, π_Ana = δ·π_v.
    const g = graphOf(
      [contributionOf(1, inWeek(0), [[1, 1]]), contributionOf(2, inWeek(1), [[2, 1]], { projectId: 2 })],
      [link(1, 2, 1)],
    );
    const r = runPageRank(g, DEFAULT_PARAMS, g.projectIds.indexOf(1));
    const pv = 0.15 / 0.2775;
    [pv, 0, 0.85 * pv, 0].forEach((x, v) => expect(r.score[v]).toBeCloseTo(x, 9));
    expect(r.attribution[0]).toBeCloseTo(1, 12);
    expect(r.attribution[1]).toBe(0);
  });

  test("returns zeros when nothing is minted", () => {
    const g = graphOf([contributionOf(1, inWeek(0), [[1, 1]], { status: "rejected" })]);
    const r = runPageRank(g, DEFAULT_PARAMS);
    expect(Array.from(r.score)).toEqual([0, 0]);
    expect(Array.from(r.attribution)).toEqual([0]);
  });
});
