import { describe, expect, test } from "vitest";
import { runCascade } from "@/lib/metrics/attribution";
import { buildGraph, type GraphInput } from "@/lib/metrics/graph";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { runStressScenario, stressScenarioSchema, type StressReport, type StressScenarioInput } from "@/lib/metrics/stress";
import { applyScenario } from "@/lib/metrics/stress-scenarios";
import { contributionOf, DAY_MS, inWeek, link, W0 } from "./fixtures";
import { randomGraph } from "./random-graph";

// Dataset S1, as of Monday of week 8, 00:00 UTC. The lab's 4 weeks are (week 4 00:00, asOf].
// Contributors A = 1, B = 2, C = 3; every contribution accepted, minting 1.
//   c1 A week 0
//   c2 B week 1  → c1 builds-on confirmed                [1]  (w 1)
//   c5 B week 4, Monday 00:00: on the window's open edge, outside it
//   c3 C week 5  → c2 builds-on confirmed [2] (w 1), → c1 cites unconfirmed [3] (w 0.5·0.5)
//   c4 A week 6  → c3 builds-on confirmed                [4]  (w 1)
//   c6 C week 9, after asOf (dropped with its link [5])  → c4
// Cascade (ρ 0.3): c4 keeps 0.7, passes 0.3 to c3; c3 holds 1.3, passes 0.39: 0.312 to c2, 0.078
// to c1, keeps 0.91; c5 keeps 1; c2 holds 1.312, passes 0.3936 to c1, keeps 0.9184; c1 keeps
// 1.4716. A = 2.1716, B = 1.9184, C = 0.91, total 5. Passed: 0.3 + 0.39 + 0.3936 = 1.0836.
// Active in the window: A (c4), C (c3); B's c5 sits on the boundary: 2 of 3.
const asOf = inWeek(8);
const datasetS1: GraphInput = {
  contributions: [
    contributionOf(1, inWeek(0), [[1, 1]]), contributionOf(2, inWeek(1), [[2, 1]]), contributionOf(5, inWeek(4), [[2, 1]]),
    contributionOf(3, inWeek(5), [[3, 1]]), contributionOf(4, inWeek(6), [[1, 1]]), contributionOf(6, inWeek(9), [[3, 1]]),
  ],
  links: [link(1, 2, 1), link(2, 3, 2), link(3, 3, 1, "cites", "unconfirmed"), link(4, 4, 3), link(5, 6, 4)],
  campaigns: [],
};

const metric = (r: StressReport, key: string) => {
  const m = r.metrics.find((x) => x.key === key);
  if (!m) throw new Error(`no metric ${key}`);
  return m;
};

function deepFreeze<T>(x: T): T {
  if (x && typeof x === "object") {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

const SCENARIOS: StressScenarioInput[] = [
  { kind: "surge", k: 2 },
  { kind: "sybil_ring", accounts: 3, contributionsEach: 3 },
  { kind: "dispute_storm", percent: 50, seed: 9 },
  { kind: "weight_sweep", rho: 0.6, d: 0.3, typeWeights: { cites: 2 } },
];

describe("runStressScenario", () => {
  test("never mutates its input", () => {
    const input = deepFreeze(structuredClone(datasetS1));
    for (const s of SCENARIOS) runStressScenario(input, s, DEFAULT_PARAMS, asOf);
    expect(input).toEqual(datasetS1);
  });

  test("a dispute storm of 0% changes nothing", () => {
    const r = runStressScenario(datasetS1, { kind: "dispute_storm", percent: 0 }, DEFAULT_PARAMS, asOf);
    expect(r.disputedLinks).toBe(0);
    expect(r.rankAgreement).toEqual({ tau: 1, compared: 3, topN: 50 });
    for (const m of r.metrics) expect([m.key, m.delta]).toEqual([m.key, 0]);
    expect(metric(r, "total_minted").before).toBe(5);
    expect(metric(r, "total_attribution").before).toBeCloseTo(5, 12);
    expect(metric(r, "passed_share").before).toBeCloseTo(1.0836 / 5, 12);
    expect(metric(r, "active_share_4w").before).toBe(2 / 3);
    expect(r.sybilGain).toBeNull();
    expect(r.sybil).toBeNull();
  });

  test("a dispute storm of 100% stops every flow", () => {
    // All 4 links disputed: A 2, B 2, C 1. τ-b of (2.1716, 1.9184, 0.91) vs (2, 2, 1): A–B tied
    // after, A–C and B–C concordant: 2 / √(3 · 2).
    const r = runStressScenario(datasetS1, { kind: "dispute_storm", percent: 100 }, DEFAULT_PARAMS, asOf);
    expect(r.disputedLinks).toBe(4);
    expect(metric(r, "passed_share").after).toBe(0);
    expect(r.rankAgreement.tau).toBeCloseTo(2 / Math.sqrt(6), 12);
  });

  test("a sybil ring's gain, and the detector needs at least 5 internal links", () => {
    // 2 sybils (ids 4, 5), 2 rounds: 4 contributions minting 1, 2 links, all credit stays inside.
    // Sybil share 4/9 of attribution, 2/5 of contributors: gain (4/9)/(2/5) = 10/9.
    const small = runStressScenario(datasetS1, { kind: "sybil_ring", accounts: 2, contributionsEach: 2 }, DEFAULT_PARAMS, asOf);
    expect(small.added).toEqual({ contributions: 4, contributors: 2, links: 2 });
    expect(small.sybilGain).toBeCloseTo(10 / 9, 12);
    expect(small.sybil).toMatchObject({ accounts: 2, populationShare: 2 / 5, flagged: 0, isRingDetected: false });
    expect(small.sybil?.attributionShare).toBeCloseTo(4 / 9, 12);
    // 4 rounds: 8 contributions, 2 · 1 · 3 = 6 reciprocal links, internal share 1: flagged.
    // Gain (8/13)/(2/5) = 20/13.
    const big = runStressScenario(datasetS1, { kind: "sybil_ring", accounts: 2, contributionsEach: 4 }, DEFAULT_PARAMS, asOf);
    expect(big.sybilGain).toBeCloseTo(20 / 13, 12);
    expect(big.sybil).toMatchObject({ flagged: 2, isRingDetected: true });
  });

  test("a sybil ring above the detector's maxSize goes unflagged", () => {
    // 11 accounts, 2 rounds: 22 minted of 27, 11 of 14 contributors: gain (22/27)/(11/14) = 28/27.
    const r = runStressScenario(datasetS1, { kind: "sybil_ring", accounts: 11, contributionsEach: 2 }, DEFAULT_PARAMS, asOf);
    expect(r.sybilGain).toBeCloseTo(28 / 27, 12);
    expect(r.sybil).toMatchObject({ accounts: 11, flagged: 0, isRingDetected: false });
  });

  test("a surge adds k× the window's contributions as unlinked work of new accounts inside the window", () => {
    // The window holds c3, c4 (c5 is on its open edge): 2 · 2 = 4 new accounts (ids 4..7), one
    // contribution each (ids 7..10, above c6 which is after asOf), each keeping its 1.
    const applied = applyScenario(datasetS1, stressScenarioSchema.parse({ kind: "surge", k: 2 }), DEFAULT_PARAMS, asOf);
    const added = applied.input.contributions.filter((c) => c.id > 6);
    expect(added.map((c) => [c.id, c.authors[0].contributorId])).toEqual([[7, 4], [8, 5], [9, 6], [10, 7]]);
    expect(added.every((c) => c.occurredAt > asOf - 28 * DAY_MS && c.occurredAt <= asOf)).toBe(true);
    expect(applied.input.links).toHaveLength(4);

    const r = runStressScenario(datasetS1, { kind: "surge", k: 2 }, DEFAULT_PARAMS, asOf);
    expect(metric(r, "contributors")).toMatchObject({ before: 3, after: 7, delta: 4 });
    expect(metric(r, "total_minted")).toMatchObject({ before: 5, after: 9 });
    // Active: A, C and the 4 newcomers of 7.
    expect(metric(r, "active_share_4w").after).toBe(6 / 7);
    // Union of the top sets: all 7. Before (2.1716, 1.9184, 0.91, 0, 0, 0, 0), after the same with
    // the newcomers at 1. Originals among themselves: 3 concordant; A, B vs a newcomer: 8
    // concordant; C vs a newcomer: 4 discordant; newcomer pairs: 6 tied in both.
    // τ-b = (11 − 4) / √((21 − 6)(21 − 6)) = 7/15.
    expect(r.rankAgreement.compared).toBe(7);
    expect(r.rankAgreement.tau).toBeCloseTo(7 / 15, 12);
  });

  test("a weight sweep of d alone moves only the visibility Gini", () => {
    const r = runStressScenario(datasetS1, { kind: "weight_sweep", d: 0.5 }, DEFAULT_PARAMS, asOf);
    for (const m of r.metrics) if (m.key !== "visibility_gini") expect([m.key, m.delta]).toEqual([m.key, 0]);
    expect(metric(r, "visibility_gini").delta).not.toBe(0);
    expect(r.rankAgreement.tau).toBe(1);
  });

  test("a weight sweep of ρ = 0 keeps all credit where it is minted; unnamed type weights keep their value", () => {
    const r = runStressScenario(datasetS1, { kind: "weight_sweep", rho: 0 }, DEFAULT_PARAMS, asOf);
    expect(metric(r, "passed_share").after).toBe(0);
    expect(r.rankAgreement.tau).toBeCloseTo(2 / Math.sqrt(6), 12);
    const applied = applyScenario(datasetS1, stressScenarioSchema.parse({ kind: "weight_sweep", typeWeights: { cites: 2 } }), DEFAULT_PARAMS, asOf);
    expect(applied.params.typeWeights).toEqual({ builds_on: 1, fixes: 0.75, reviews: 0.5, cites: 2 });
  });

  test("an empty ecosystem yields undefined concentration and no rank agreement", () => {
    const empty = { contributions: [], links: [], campaigns: [] };
    const r = runStressScenario(empty, { kind: "surge", k: 3 }, DEFAULT_PARAMS, asOf);
    expect(r.added.contributions).toBe(0);
    expect(metric(r, "gini")).toEqual({ key: "gini", label: "Gini of attribution", before: null, after: null, delta: null });
    expect(r.rankAgreement).toEqual({ tau: null, compared: 0, topN: 50 });
    // Sybils alone: all the credit and all the people, gain 1.
    expect(runStressScenario(empty, { kind: "sybil_ring", accounts: 2, contributionsEach: 2 }, DEFAULT_PARAMS, asOf).sybilGain).toBe(1);
  });

  test("cascade credit is conserved after every scenario on a random graph", () => {
    // 300 contributions over 60 days from W0 (co-authors, every status), as of day 45.
    const { contributions, links } = randomGraph({ seed: 5, contributions: 300, contributors: 60, links: 800 });
    const input = { contributions, links, campaigns: [] };
    const at = W0 + 45 * DAY_MS;
    for (const s of [...SCENARIOS, { kind: "dispute_storm", percent: 100 } as const]) {
      const r = runStressScenario(input, s, DEFAULT_PARAMS, at);
      const minted = metric(r, "total_minted");
      const attributed = metric(r, "total_attribution");
      expect(Math.abs((attributed.after as number) - (minted.after as number))).toBeLessThan(1e-9 * (minted.after as number));
      const applied = applyScenario(input, stressScenarioSchema.parse(s), DEFAULT_PARAMS, at);
      const c = runCascade(buildGraph(applied.input), applied.params);
      expect(Math.abs(c.totalAttribution - c.totalMinted)).toBeLessThan(1e-9 * c.totalMinted);
    }
  });

  test("is deterministic for a seed; the dispute storm disputes round(x% · L) links", () => {
    const { contributions, links } = randomGraph({ seed: 6, contributions: 200, contributors: 40, links: 500 });
    const input = { contributions, links, campaigns: [] };
    const at = W0 + 60 * DAY_MS;
    const storm = (seed: number) => applyScenario(input, stressScenarioSchema.parse({ kind: "dispute_storm", percent: 30, seed }), DEFAULT_PARAMS, at);
    const eligible = storm(1).input.links.length - input.links.filter((l) => l.status >= 2).length;
    const disputedIds = (seed: number) => storm(seed).input.links.filter((l, i) => l.status === 2 && input.links[i].status !== 2).map((l) => l.id);
    expect(storm(1).disputedLinks).toBe(Math.round(0.3 * eligible));
    expect(disputedIds(1)).toEqual(disputedIds(1));
    expect(disputedIds(1)).not.toEqual(disputedIds(2));
    expect(runStressScenario(input, { kind: "surge", k: 1, seed: 3 }, DEFAULT_PARAMS, at))
      .toEqual(runStressScenario(input, { kind: "surge", k: 1, seed: 3 }, DEFAULT_PARAMS, at));
  });
});

describe("stressScenarioSchema", () => {
  test("fills the default seed and status", () => {
    expect(stressScenarioSchema.parse({ kind: "dispute_storm", percent: 10 })).toEqual({ kind: "dispute_storm", percent: 10, seed: 1 });
    expect(stressScenarioSchema.parse({ kind: "sybil_ring", accounts: 2, contributionsEach: 1 })).toMatchObject({ status: "accepted" });
  });

  test.each([
    { kind: "sybil_ring", accounts: 1, contributionsEach: 1 },
    { kind: "sybil_ring", accounts: 51, contributionsEach: 1 },
    { kind: "dispute_storm", percent: 101 },
    { kind: "surge", k: -1 },
    { kind: "weight_sweep", rho: 1.5 },
    { kind: "weight_sweep", typeWeights: { likes: 1 } },
    { kind: "surge", k: 1, extra: true },
    { kind: "flood" },
  ])("refuses %j", (bad) => {
    expect(() => runStressScenario(datasetS1, bad as StressScenarioInput, DEFAULT_PARAMS, asOf)).toThrow();
  });
});
