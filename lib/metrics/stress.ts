// The stress lab, METRICS.md §10: run a scenario (stress-scenarios.ts) on an in-memory copy of the
// ecosystem as of asOf and report how the whole-ecosystem metrics move. Pure: rows in, report out.
//
// Metrics, before and after, over every contributor with work up to asOf (zeros included, as in
// §4: a contributor with no credit is part of the inequality), on the cascade attribution:
// contributors, total minted, total attribution (equal to it: the cascade conserves credit), Gini,
// N_0.5, D1, top-10% share, the share of minted credit passed down links, the Gini of the weekly
// visibility stock at asOf (the one metric d moves), and the share of contributors active
// (≥ m contributions) in the rolling 4 weeks (asOf − 28 days, asOf].
//
// Rank agreement: Kendall τ-b of attribution before vs after over the UNION of the two top-50 sets
// (top by attribution, ties to the smaller contributor id), a contributor absent on one side scored
// 0 there (sybils and surge accounts before the scenario). The union, not the intersection: a
// newcomer pushing into the top and a veteran falling out of it are exactly the displacement the
// lab looks for, and the intersection would drop both.
//
// Sybil gain = (sybils' attribution / total attribution) / (sybils / contributors), after the
// scenario; 1 means the ring earns what its head count would, above 1 it captures more. The ring
// detector runs on the stressed graph as of asOf; a ring above params.ring.maxSize accounts is
// never flagged (the detector's documented size limit), which the report shows rather than hides.

import { runCascade } from "./attribution";
import { computeAttributionFlow } from "./attribution-flow";
import { computeConcentration } from "./concentration";
import { detectLinkRings } from "./gaming";
import { buildGraph, type Graph, type GraphInput } from "./graph";
import { kendallTauB } from "./kendall";
import { countUpTo } from "./link-scope";
import type { MetricParams } from "./params";
import { periodOf } from "./periods";
import { applyScenario, RECENT_MS, snapshotAsOf, stressScenarioSchema, type StressScenario, type StressScenarioInput } from "./stress-scenarios";
import { visibilityAt } from "./visibility";

export { stressScenarioSchema, type StressScenario, type StressScenarioInput } from "./stress-scenarios";

/** contributors per side in the rank comparison */
export const STRESS_TOP_N = 50;

export interface StressMetric {
  key: string;
  label: string;
  before: number | null;
  after: number | null;
  /** after − before; null when either side is undefined */
  delta: number | null;
}

export interface StressReport {
  scenario: StressScenario;
  asOfMs: number;
  metrics: StressMetric[];
  rankAgreement: {
    /** Kendall τ-b over the union of both top-50 sets; null when undefined (fewer than 2, or constant) */
    tau: number | null;
    /** size of the union */
    compared: number;
    topN: number;
  };
  /** null for scenarios without sybils, or when nothing is credited after the scenario */
  sybilGain: number | null;
  sybil: {
    accounts: number;
    attributionShare: number | null;
    populationShare: number;
    /** sybils that are members of a ring detectLinkRings reports */
    flagged: number;
    /** every sybil is flagged */
    isRingDetected: boolean;
  } | null;
  added: { contributions: number; contributors: number; links: number };
  disputedLinks: number;
}

interface Summary {
  g: Graph;
  attribution: Float64Array;
  totalAttribution: number;
  values: Record<string, number | null>;
}

const LABELS: [key: string, label: string][] = [
  ["contributors", "Contributors"],
  ["total_minted", "Total minted"],
  ["total_attribution", "Total attribution (equals total minted)"],
  ["gini", "Gini of attribution"],
  ["nakamoto50", "Nakamoto N₀.₅ of attribution"],
  ["d1", "Effective number D1 of attribution"],
  ["top10_share", "Top-10% share of attribution"],
  ["passed_share", "Share of minted credit passed down links"],
  ["visibility_gini", "Gini of visibility"],
  ["active_share_4w", "Share of contributors active in the last 4 weeks"],
];

function summarize(input: GraphInput, params: MetricParams, asOfMs: number): Summary {
  const g = buildGraph(input);
  const cascade = runCascade(g, params);
  const conc = computeConcentration(cascade.attribution);
  let passed = 0;
  for (let e = 0; e < g.nE; e++) passed += cascade.linkFlow[e];
  const flow = computeAttributionFlow(g, cascade, { unit: "week", withSources: false });
  const stock = visibilityAt(flow, g.nU, params.visibilityDecayWeekly, periodOf(asOfMs, "week"));

  // Contributions in the window per contributor; co-authors each count the contribution in full.
  const recent = new Int32Array(g.nU);
  for (let i = countUpTo(g.time, asOfMs - RECENT_MS); i < g.nC && g.time[i] <= asOfMs; i++) {
    for (let a = g.authorStart[i]; a < g.authorStart[i + 1]; a++) recent[g.authorIdx[a]]++;
  }
  let active = 0;
  for (let u = 0; u < g.nU; u++) if (recent[u] >= params.activityThreshold) active++;

  return {
    g, attribution: cascade.attribution, totalAttribution: cascade.totalAttribution,
    values: {
      contributors: g.nU,
      total_minted: cascade.totalMinted,
      total_attribution: cascade.totalAttribution,
      gini: conc.gini,
      nakamoto50: conc.nakamoto50,
      d1: conc.d1,
      top10_share: conc.top10Share,
      passed_share: cascade.totalMinted > 0 ? passed / cascade.totalMinted : null,
      visibility_gini: computeConcentration(stock).gini,
      active_share_4w: g.nU > 0 ? active / g.nU : null,
    },
  };
}

/** Attribution by contributor database id. */
function byId(s: Summary): Map<number, number> {
  return new Map(Array.from(s.g.contributorId, (id, u) => [id, s.attribution[u]]));
}

function topIds(scores: Map<number, number>, n: number): number[] {
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n).map(([id]) => id);
}

function rankAgreement(before: Summary, after: Summary): StressReport["rankAgreement"] {
  const b = byId(before);
  const a = byId(after);
  const union = [...new Set([...topIds(b, STRESS_TOP_N), ...topIds(a, STRESS_TOP_N)])].sort((x, y) => x - y);
  const x = union.map((id) => b.get(id) ?? 0);
  const y = union.map((id) => a.get(id) ?? 0);
  return { tau: kendallTauB(x, y), compared: union.length, topN: STRESS_TOP_N };
}

/**
 * Runs one scenario against the rows as of `asOfMs`. `input` is never mutated; `scenario` is
 * validated here (throws a ZodError on bad bounds) so the API and the tests share one boundary.
 */
export function runStressScenario(input: GraphInput, scenario: StressScenarioInput, params: MetricParams, asOfMs: number): StressReport {
  const parsed = stressScenarioSchema.parse(scenario);
  const base = snapshotAsOf(input, asOfMs);
  const before = summarize(base, params, asOfMs);
  const applied = applyScenario(input, parsed, params, asOfMs);
  const after = summarize(applied.input, applied.params, asOfMs);

  const metrics = LABELS.map(([key, label]) => {
    const b = before.values[key];
    const a = after.values[key];
    return { key, label, before: b, after: a, delta: a === null || b === null ? null : a - b };
  });

  let sybil: StressReport["sybil"] = null;
  let sybilGain: number | null = null;
  if (applied.sybilIds.length > 0) {
    const scores = byId(after);
    const ids = new Set(applied.sybilIds);
    let credit = 0;
    for (const id of ids) credit += scores.get(id) ?? 0;
    const attributionShare = after.totalAttribution > 0 ? credit / after.totalAttribution : null;
    const populationShare = ids.size / after.g.nU;
    const rings = detectLinkRings(after.g, applied.params, asOfMs).rings;
    const flagged = new Set(rings.flatMap((r) => r.members).filter((id) => ids.has(id))).size;
    sybilGain = attributionShare === null ? null : attributionShare / populationShare;
    sybil = { accounts: ids.size, attributionShare, populationShare, flagged, isRingDetected: flagged === ids.size };
  }

  return {
    scenario: parsed, asOfMs, metrics, rankAgreement: rankAgreement(before, after), sybilGain, sybil,
    added: applied.added, disputedLinks: applied.disputedLinks,
  };
}
