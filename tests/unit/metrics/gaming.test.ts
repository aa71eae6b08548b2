import { describe, expect, test } from "vitest";
import { detectLinkRings } from "@/lib/metrics/gaming";
import type { ContributionRow, LinkRow } from "@/lib/metrics/graph";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { contributionOf, graphOf, inWeek, link, paramsWith } from "./fixtures";

const day = (d: number) => inWeek(0, d);
const farFuture = inWeek(10);

// Dataset G1: a ring R1, R2, R3 (1, 2, 3) next to an honest pair H, I (4, 5) and J (6).
//   id 1 h1  day 0  H
//   id 2 r1  day 1  R1 (already quarantined: must still be found)
//   id 3 r2  day 2  R2   → r1                      [1]
//   id 4 r3  day 3  R3   → r1                      [2]
//   id 5 r4  day 4  R1   → r2 [3], → r3 [4]
//   id 6 r5  day 5  R2   → r3 [5], → r1 disputed [6]
//   id 7 r6  day 6  R3   → r5 [7], → h1 [8] (the ring's one outside link)
//   id 8 r7  day 7  R1+R2 (½ each) → r1 [9]: R2→R1 weighs ½, R1→R1 is a self-link
//   id 9 i1  day 8  I    → h1 [10]
//   id 10 j1 day 9  J    → h1 [11], → i1 [12]
//   id 11 h2 day 10 H    → i1 [13]
const one = (id: number, at: number, who: number, status?: "quarantined") => contributionOf(id, at, [[who, 1]], { status });
const datasetG1 = graphOf(
  [
    one(1, day(0), 4), one(2, day(1), 1, "quarantined"), one(3, day(2), 2), one(4, day(3), 3), one(5, day(4), 1),
    one(6, day(5), 2), one(7, day(6), 3), contributionOf(8, day(7), [[1, 0.5], [2, 0.5]]), one(9, day(8), 5),
    one(10, day(9), 6), one(11, day(10), 4),
  ],
  [
    link(1, 3, 2), link(2, 4, 2), link(3, 5, 3), link(4, 5, 4), link(5, 6, 4), link(6, 6, 2, "builds_on", "disputed"),
    link(7, 7, 6), link(8, 7, 1), link(9, 8, 2), link(10, 9, 1), link(11, 10, 1), link(12, 10, 9), link(13, 11, 9),
  ],
);

describe("detectLinkRings", () => {
  test("finds nothing in an empty graph", () => {
    expect(detectLinkRings(graphOf([]), DEFAULT_PARAMS, farFuture)).toEqual({ rings: [], quarantineContributionIds: [] });
  });

  test("finds the ring and its evidence; the honest pair has too few links", () => {
    // Member out-weights: R1 → R2, R3 = 2; R2 → R1 1 + ½, → R3 1 = 2.5; R3 → R1, R2, H = 3.
    // Internal 6.5 of 7.5 = 13/15. All 6 directed member pairs are reciprocal. Internal links:
    // [1] [2] [3] [4] [5] [7] [9]; the disputed [6] and the outside [8] are not.
    // H, I: internal share 1, reciprocity 1, but only 2 links [10] [13].
    const { rings, quarantineContributionIds } = detectLinkRings(datasetG1, DEFAULT_PARAMS, farFuture);
    expect(rings).toHaveLength(1);
    const r = rings[0];
    expect(r.members).toEqual([1, 2, 3]);
    expect(r.internalWeight).toBe(6.5);
    expect(r.outWeight).toBe(7.5);
    expect(r.internalShare).toBe(13 / 15);
    expect([r.directedPairs, r.reciprocalPairs, r.reciprocity]).toEqual([6, 6, 1]);
    expect(r.internalLinks).toBe(7);
    expect(r.linkIds).toEqual([1, 2, 3, 4, 5, 7, 9]);
    expect(r.tieThreshold).toBe(0.8 / 18);
    // Both ends of every internal link; h1 (target of the outside link) stays clear.
    expect(r.contributionIds).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(quarantineContributionIds).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  test("ignores links made after asOf", () => {
    // As of day 6.5, r7 and its link [9] do not exist yet: 6 internal links over out-weight 7.
    const { rings } = detectLinkRings(datasetG1, DEFAULT_PARAMS, day(6.5));
    expect(rings.map((r) => [r.members, r.internalLinks, r.internalShare])).toEqual([[[1, 2, 3], 6, 6 / 7]]);
  });

  test("a group larger than maxSize is not a ring", () => {
    // maxSize 2: the ring's ties (strength ≥ 0.4 = γ) join all three; at γ = 0.8 none is left.
    const params = paramsWith({ ring: { ...DEFAULT_PARAMS.ring, maxSize: 2 } });
    expect(detectLinkRings(datasetG1, params, farFuture).rings).toEqual([]);
  });
});

// Dataset G2: the same 3-ring (one link each way between members) tied to a hub H (4) by one
// link each way, H tied the same way to C1..C12 (101..112). Totals (in + out): R1 6, R2 4, R3 4,
// H 26, Ci 2. Tie strengths: R1–R2, R1–R3 1/3, R2–R3 1/2, R1–H and H–Ci 2/26 = 1/13.
// γ0 = 0.8/18 ≈ 0.044 keeps every tie: one component of 16 > 10. At γ = 0.8/9 ≈ 0.089 the hub ties
// drop and the ring stands alone: internal 6 of out-weight 7 (R1 → H).
describe("detectLinkRings with a ring hidden behind a hub", () => {
  const rows: ContributionRow[] = [contributionOf(1, day(0), [[4, 1]])];
  const links: LinkRow[] = [];
  let id = 2;
  let linkId = 1;
  const add = (at: number, who: number, to: number[] = []) => {
    const me = id++;
    rows.push(contributionOf(me, at, [[who, 1]]));
    for (const t of to) links.push(link(linkId++, me, t));
    return me;
  };
  for (let i = 1; i <= 12; i++) {
    const own = add(day(0.1 * i), 100 + i);
    add(day(2 + 0.1 * i), 4, [own]); // H → Ci
    add(day(4 + 0.1 * i), 100 + i, [1]); // Ci → H
  }
  const r1 = add(day(6), 1);
  const r2 = add(day(6.1), 2, [r1]);
  const r3 = add(day(6.2), 3, [r1]);
  const r4 = add(day(6.3), 1, [r2, r3, 1]); // R1 → R2, R3 and H
  const r5 = add(day(6.4), 2, [r3]);
  add(day(6.5), 3, [r5]); // R3 → R2
  add(day(6.6), 4, [r1]); // H → R1
  const g = graphOf(rows, links);

  test("splits the too-large component again with a doubled threshold", () => {
    const { rings } = detectLinkRings(g, DEFAULT_PARAMS, farFuture);
    expect(rings).toHaveLength(1);
    expect(rings[0].members).toEqual([1, 2, 3]);
    expect(rings[0].tieThreshold).toBe((2 * 0.8) / 18);
    expect([rings[0].internalShare, rings[0].reciprocity, rings[0].internalLinks]).toEqual([6 / 7, 1, 6]);
    expect(rings[0].contributionIds).toEqual([r1, r2, r3, r4, r5, r5 + 1].sort((a, b) => a - b));
  });
});
