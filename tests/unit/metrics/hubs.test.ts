import { describe, expect, test } from "vitest";
import { passThroughByContributor, runCascade } from "@/lib/metrics/attribution";
import { betweennessCentrality, samplePivots } from "@/lib/metrics/betweenness";
import { buildContributorProjection, computeHubs, topByBetweenness } from "@/lib/metrics/hubs";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { contributionOf, contributorIndex, graphOf, inWeek, link, paramsWith } from "./fixtures";

// Dataset (contributors a 1, b 2, c 3, d 4, e 5):
//   W1 day 0      c              accepted
//   W2 day 1      b              accepted     L1 W2→W1 builds-on confirmed
//   W3 day 2      a ½ + e ½      unreviewed   L2 W3→W1 cites unconfirmed
//   W4 day 3 noon a              accepted     L3 W4→W2 builds-on confirmed, L4 W4→W1 fixes disputed,
//                                              L5 W4→W5 reviews confirmed (same instant)
//   W5 day 3 noon d              rejected
// Projection: b→c 1, a→c ½, e→c ½, a→b 1, a→d 1 (L4 is disputed, so no second a→c; W5 is rejected,
// not quarantined, so L5 counts).
// Distances 1/w: a→c direct 2 = a→b→c 1 + 1: two shortest paths, one through b, so b's raw
// betweenness is ½; n = 5, normalized ½ / (4 · 3) = 1/24. Everyone else 0.
// Cascade: W4 passes 0.2 to W2 and 0.1 to W5, keeps 0.7; W5 keeps 0.1; W3 passes 0.15, keeps 0.35;
// W2 holds 1.2, passes 0.36, keeps 0.84; W1 keeps 1.51. Attribution a 0.875, b 0.84, c 1.51,
// d 0.1, e 0.175 of 3.5. Contribution shares over the 4 minting contributions (W5 is rejected):
// a 0.375, b 0.25, c 0.25, d 0, e 0.125. H = ceil(0.5) = 1 node: b. ICR = 0.24 / 0.25 = 0.96.
const rows = [
  contributionOf(1, inWeek(0, 0), [[3, 1]]),
  contributionOf(2, inWeek(0, 1), [[2, 1]]),
  contributionOf(3, inWeek(0, 2), [[1, 0.5], [5, 0.5]], { status: "unreviewed" }),
  contributionOf(4, inWeek(0, 3.5), [[1, 1]]),
  contributionOf(5, inWeek(0, 3.5), [[4, 1]], { status: "rejected" }),
];
const links = [
  link(1, 2, 1), link(2, 3, 1, "cites", "unconfirmed"), link(3, 4, 2), link(4, 4, 1, "fixes", "disputed"),
  link(5, 4, 5, "reviews"),
];
const g = graphOf(rows, links);
const [a, b, c, d, e] = [1, 2, 3, 4, 5].map((id) => contributorIndex(g, id));
const cascade = runCascade(g, DEFAULT_PARAMS);

function edgesOf(p: ReturnType<typeof buildContributorProjection>): string[] {
  const out: string[] = [];
  for (let u = 0; u < p.n; u++) for (let k = p.outStart[u]; k < p.outStart[u + 1]; k++) out.push(`${u}>${p.outTo[k]}:${p.outWeight[k]}`);
  return out.sort();
}

describe("contributor projection", () => {
  test("weighs an edge by the links between the two contributors' work, split by author shares", () => {
    const p = buildContributorProjection(g);
    expect(edgesOf(p)).toEqual([`${b}>${c}:1`, `${a}>${c}:0.5`, `${e}>${c}:0.5`, `${a}>${b}:1`, `${a}>${d}:1`].sort());
    expect(p.nNodes).toBe(5);
  });

  test("sums parallel links and drops self edges", () => {
    // X (u1 ½, u2 ½) builds on Y (u1) twice (builds-on and cites): u2→u1 gets ½ + ½; u1→u1 is dropped.
    const g2 = graphOf(
      [contributionOf(1, inWeek(0), [[1, 1]]), contributionOf(2, inWeek(1), [[1, 0.5], [2, 0.5]])],
      [link(1, 2, 1), link(2, 2, 1, "cites")],
    );
    expect(edgesOf(buildContributorProjection(g2))).toEqual(["1>0:1"]);
  });

  test("leaves out links touching a quarantined contribution", () => {
    // Q (u2, quarantined) builds on X (u1); Y (u3) builds on Q: neither link makes an edge.
    const g2 = graphOf(
      [
        contributionOf(1, inWeek(0), [[1, 1]]),
        contributionOf(2, inWeek(1), [[2, 1]], { status: "quarantined" }),
        contributionOf(3, inWeek(2), [[3, 1]]),
      ],
      [link(1, 2, 1), link(2, 3, 2)],
    );
    expect(edgesOf(buildContributorProjection(g2))).toEqual([]);
  });

  test("keeps only links whose source lies in the window", () => {
    const p = buildContributorProjection(g, { fromMs: inWeek(0, 2) });
    expect(edgesOf(p)).toEqual([`${a}>${c}:0.5`, `${e}>${c}:0.5`, `${a}>${b}:1`, `${a}>${d}:1`].sort());
    expect(p.nNodes).toBe(5);
  });
});

describe("betweenness", () => {
  test("splits a pair's dependency over tied shortest paths and normalizes by (n−1)(n−2)", () => {
    const p = buildContributorProjection(g);
    const r = betweennessCentrality(p, { isNode: p.isNode, exactUpTo: 5000, pivots: 500, seed: 42 });
    expect(r.exact).toBe(true);
    expect(r.value[b]).toBeCloseTo(1 / 24, 15);
    for (const u of [a, c, d, e]) expect(r.value[u]).toBe(0);
  });

  test("samples k seeded pivots above the exact limit and scales by n/k", () => {
    const p = buildContributorProjection(g);
    const opts = { isNode: p.isNode, exactUpTo: 0, pivots: 2, seed: 7 };
    const r = betweennessCentrality(p, opts);
    expect(r.exact).toBe(false);
    expect(Array.from(r.pivots!)).toEqual(Array.from(samplePivots(Int32Array.from([0, 1, 2, 3, 4]), 2, 7)));
    expect(new Set(r.pivots).size).toBe(2);
    // Only a's searches pass through b: ½ · (5/2) / 12 when a is a pivot.
    expect(r.value[b]).toBeCloseTo(r.pivots!.includes(a) ? (0.5 * 2.5) / 12 : 0, 15);
    expect(Array.from(betweennessCentrality(p, opts).value)).toEqual(Array.from(r.value));
    const all = betweennessCentrality(p, { ...opts, pivots: 5 });
    expect(all.exact).toBe(true);
    expect(all.value[b]).toBeCloseTo(1 / 24, 15);
  });
});

describe("hubs", () => {
  const pass = passThroughByContributor(g, cascade).ratio;
  const h = computeHubs(g, DEFAULT_PARAMS, cascade.attribution, pass);

  test("computes the structural premium as attribution share minus contribution share", () => {
    const expected: [number, number, number][] = [
      [a, 0.25, 0.375], [b, 0.24, 0.25], [c, 1.51 / 3.5, 0.25], [d, 0.1 / 3.5, 0], [e, 0.05, 0.125],
    ];
    for (const [u, as, cs] of expected) {
      expect(h.attributionShare[u]).toBeCloseTo(as, 12);
      expect(h.contributionShare[u]).toBeCloseTo(cs, 12);
      expect(h.premium[u]).toBeCloseTo(as - cs, 12);
    }
  });

  test("takes the top 10% by betweenness as hubs and compares their shares", () => {
    expect(Array.from(h.hubs)).toEqual([b]);
    expect(h.icr).toBeCloseTo(0.96, 12);
    expect(h.n).toBe(5);
  });

  test("reports pass-through beside the position", () => {
    // b: W2 holds 1.2 and passes 0.36; c: W1 keeps everything.
    expect(h.passThrough![b]).toBeCloseTo(0.3, 12);
    expect(h.passThrough![c]).toBe(0);
  });

  test("leaves ICR undefined when the hubs did no work in the window", () => {
    // From day 2 nobody lies between two others; the tie at 0 picks c (lowest index), who did no
    // minting work in the window (contribution shares: a 0.75, e 0.25 over W3 and W4).
    const w = computeHubs(g, DEFAULT_PARAMS, cascade.attribution, null, { fromMs: inWeek(0, 2) });
    expect(Array.from(w.hubs)).toEqual([c]);
    expect(w.contributionShare[a]).toBeCloseTo(0.75, 12);
    expect(w.contributionShare[e]).toBeCloseTo(0.25, 12);
    expect(w.icr).toBeNull();
  });

  test("takes ceil(0.1 · n) hubs, ties to the lower index", () => {
    const value = Float64Array.from([0, 3, 1, 3, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(topByBetweenness(value, new Uint8Array(11).fill(1), 11))).toEqual([1, 3]);
  });

  test("uses the betweenness parameters", () => {
    const r = computeHubs(g, paramsWith({ betweenness: { exactUpTo: 1, pivots: 1, seed: 3 } }), cascade.attribution);
    expect(r.betweenness.exact).toBe(false);
    expect(r.betweenness.pivots!.length).toBe(1);
  });
});
