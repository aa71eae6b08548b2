import { describe, expect, test } from "vitest";
import {
  cascadeOrder, contributorSums, linkWeights, mintCredit, passThroughByContributor, runCascade,
} from "@/lib/metrics/attribution";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { cascadeLinks, cascadeRows } from "./attribution-data";
import { contributionIndex, contributionOf, contributorIndex, graphOf, inWeek, link, paramsWith } from "./fixtures";


describe("minting and link weights", () => {
  test("mints w_kind · w_status: accepted 1, unreviewed 0.5, rejected 0", () => {
    const g = graphOf(cascadeRows, cascadeLinks);
    expect(Array.from(mintCredit(g, DEFAULT_PARAMS))).toEqual([1, 1, 0.5, 0, 1, 1]);
  });

  test("applies the kind weight", () => {
    const kindWeights = { ...DEFAULT_PARAMS.kindWeights, code: 2 };
    const g = graphOf([contributionOf(1, inWeek(0), [[1, 1]], { status: "unreviewed" })]);
    expect(mintCredit(g, paramsWith({ kindWeights }))[0]).toBe(1);
  });

  test("weighs links by type and status: disputed weighs 0", () => {
    const g = graphOf(cascadeRows, cascadeLinks);
    const w = linkWeights(g, DEFAULT_PARAMS);
    const byId = (id: number) => w[g.linkId.indexOf(id)];
    expect([1, 2, 3, 4, 5, 6, 7].map(byId)).toEqual([1, 1, 0.25, 0, 0.5, 0.5, 1]);
  });
});

describe("cascade", () => {
  const g = graphOf(cascadeRows, cascadeLinks);
  const r = runCascade(g, DEFAULT_PARAMS);
  const kept = (id: number) => r.kept[contributionIndex(g, id)];
  const attr = (id: number) => r.attribution[contributorIndex(g, id)];

  test("processes a same-time link's source before its target", () => {
    const order = Array.from(cascadeOrder(g)).map((i) => g.contribId[i]);
    expect(order).toEqual([14, 15, 13, 12, 11, 10]);
  });

  test("keeps 1 − ρ where a link is eligible and everything where none is", () => {
    expect(kept(14)).toBeCloseTo(0.7, 12);
    expect(kept(15)).toBeCloseTo(0.76, 12);
    expect(kept(13)).toBe(0);
    expect(kept(12)).toBeCloseTo(0.47, 12);
    expect(kept(11)).toBeCloseTo(232 / 175, 12);
    expect(kept(10)).toBeCloseTo(871 / 700, 12);
  });

  test("splits a link's share by w_type · κ and carries nothing on a disputed link", () => {
    const flow = (id: number) => r.linkFlow[g.linkId.indexOf(id)];
    expect(flow(2)).toBeCloseTo(6 / 35, 12);
    expect(flow(3)).toBeCloseTo(3 / 70, 12);
    expect(flow(4)).toBe(0);
    expect(flow(5)).toBeCloseTo(3 / 35, 12);
    expect(flow(6)).toBeCloseTo(57 / 175, 12);
    expect(flow(7)).toBeCloseTo(141 / 700, 12);
    expect(flow(1)).toBe(0);
  });

  test("splits kept credit among co-authors and conserves the total", () => {
    expect(attr(1)).toBeCloseTo(871 / 700 + 0.235, 12);
    expect(attr(2)).toBeCloseTo(232 / 175 + 0.7, 12);
    expect(attr(3)).toBeCloseTo(0.235, 12);
    expect(attr(4)).toBeCloseTo(0.76, 12);
    expect(r.totalMinted).toBe(4.5);
    expect(r.totalAttribution).toBeCloseTo(4.5, 12);
  });

  test("a rejected contribution mints nothing but keeps credit that reaches it", () => {
    const rows = [contributionOf(1, inWeek(0), [[1, 1]], { status: "rejected" }), contributionOf(2, inWeek(1), [[2, 1]])];
    const c = runCascade(graphOf(rows, [link(1, 2, 1)]), DEFAULT_PARAMS);
    expectClose(c.kept, [0.3, 0.7]);
  });

  test("orders a chain of same-time links by its links, not by index", () => {
    // P 1, Q 2, R 3 at the same instant, links P→Q and Q→R (lower index to higher).
    // P keeps 0.7; Q holds 1.3, keeps 0.91; R holds 1 + 0.39 = 1.39.
    const t = inWeek(0, 2);
    const rows = [1, 2, 3].map((id) => contributionOf(id, t, [[id, 1]]));
    const c = runCascade(graphOf(rows, [link(1, 1, 2), link(2, 2, 3)]), DEFAULT_PARAMS);
    expect(c.kept[0]).toBeCloseTo(0.7, 12);
    expect(c.kept[1]).toBeCloseTo(0.91, 12);
    expect(c.kept[2]).toBeCloseTo(1.39, 12);
  });

  test("conserves credit when a forbidden same-time cycle slips in", () => {
    // P 1 ⇄ Q 2 at one instant: descending index puts Q first; Q→P is eligible, P→Q points back.
    const t = inWeek(0, 2);
    const rows = [1, 2].map((id) => contributionOf(id, t, [[id, 1]]));
    const c = runCascade(graphOf(rows, [link(1, 1, 2), link(2, 2, 1)]), DEFAULT_PARAMS);
    expect(c.kept[1]).toBeCloseTo(0.7, 12);
    expect(c.kept[0]).toBeCloseTo(1.3, 12);
    expect(c.totalAttribution).toBeCloseTo(2, 12);
  });

  test("uses ρ from the parameters", () => {
    const rows = [contributionOf(1, inWeek(0), [[1, 1]]), contributionOf(2, inWeek(1), [[2, 1]])];
    const c = runCascade(graphOf(rows, [link(1, 2, 1)]), paramsWith({ passThrough: 0.5 }));
    expectClose(c.kept, [1.5, 0.5]);
  });

  test("gives zero everywhere on an empty graph", () => {
    const c = runCascade(graphOf([]), DEFAULT_PARAMS);
    expect(c.totalMinted).toBe(0);
    expect(c.attribution.length).toBe(0);
  });
});

describe("project filter", () => {
  // X 1 (u1, project 1), Y 2 (u2, project 1) builds on X, Z 3 (u3, project 2) builds on Y.
  // Ecosystem: Z keeps 0.7, Y holds 1.3 keeps 0.91, X holds 1.39.
  // Project 1: Z mints nothing and Z→Y is cross-project: X 1.3, Y 0.7, total 2.
  // Project 2: Z→Y is ineligible, so Z keeps all of its 1.
  const rows = [
    contributionOf(1, inWeek(0), [[1, 1]]),
    contributionOf(2, inWeek(0, 1), [[2, 1]]),
    contributionOf(3, inWeek(0, 2), [[3, 1]], { projectId: 2 }),
  ];
  const g = graphOf(rows, [link(1, 2, 1), link(2, 3, 2)]);

  test("passes across projects in the ecosystem view", () => {
    const c = runCascade(g, DEFAULT_PARAMS, null);
    expect(c.kept[0]).toBeCloseTo(1.39, 12);
    expect(c.kept[1]).toBeCloseTo(0.91, 12);
    expect(c.kept[2]).toBeCloseTo(0.7, 12);
  });

  test("excludes contributions outside the project and keeps a cross-project link's share at its source", () => {
    const p1 = runCascade(g, DEFAULT_PARAMS, g.projectIds.indexOf(1));
    expectClose(p1.attribution, [1.3, 0.7, 0]);
    expect(p1.totalMinted).toBe(2);
    const p2 = runCascade(g, DEFAULT_PARAMS, g.projectIds.indexOf(2));
    expectClose(p2.attribution, [0, 0, 1]);
  });
});

describe("pass-through", () => {
  test("is credit passed on over credit held, per contributor", () => {
    // Ana: passes ½·141/700 of C, holds A 871/700 + ½·47/70 = 1.58.  Bo: passes 0.3 of E, holds
    // E 1 + B 232/175.  Cy: 0.3 (C links onward).  Di: F passes 0.3 of 38/35, D holds 0.
    const g = graphOf(cascadeRows, cascadeLinks);
    const p = passThroughByContributor(g, runCascade(g, DEFAULT_PARAMS));
    const u = (id: number) => contributorIndex(g, id);
    expect(p.ratio[u(1)]).toBeCloseTo(70.5 / 700 / 1.58, 12);
    expect(p.ratio[u(2)]).toBeCloseTo(0.3 / (1 + 232 / 175), 12);
    expect(p.ratio[u(3)]).toBeCloseTo(0.3, 12);
    expect(p.ratio[u(4)]).toBeCloseTo(0.3, 12);
    expect(p.inflow[u(2)]).toBeCloseTo(57 / 175, 12);
    expect(p.held[u(1)]).toBeCloseTo(1.58, 12);
  });

  test("sums a per-contribution quantity by author shares", () => {
    const g = graphOf(cascadeRows, cascadeLinks);
    const s = contributorSums(g, Float64Array.from([0, 0, 2, 0, 0, 0]));
    expect(s[contributorIndex(g, 1)]).toBe(1);
    expect(s[contributorIndex(g, 3)]).toBe(1);
  });
});

function expectClose(actual: Float64Array, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((x, i) => expect(actual[i]).toBeCloseTo(x, 12));
}
