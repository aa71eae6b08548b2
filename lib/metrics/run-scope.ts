// One scope (the ecosystem or a project) of an engine run: every metric family of METRICS.md for
// weekly and monthly periods, reshaped into stored rows. Pure: the job hands in the graph and
// parameters, and writes what comes back.

import { activeByPeriod, computeActivity, type Activity } from "./activity";
import { computeAttributionFlow, sumFlow, type AttributionFlow } from "./attribution-flow";
import { passThroughByContributor, runCascade, type CascadeResult } from "./attribution";
import { computeCoherence } from "./coherence";
import { buildContributionScalePanel, computeConcentration, type ScalePoint } from "./concentration";
import type { Graph } from "./graph";
import { computeHubs, type HubsResult } from "./hubs";
import { computeLifecycle, dormancyGapFor } from "./lifecycle";
import type { EngineMemo } from "./memo";
import { type MetricParams, decayFor, paramsHash } from "./params";
import { runPageRank } from "./pagerank";
import { periodEnd, periodInfoOf, periodOf, periodStart, type PeriodUnit } from "./periods";
import { computeRecognition } from "./recognition";
import type { ClassRow, ScopeResults, ScopeUnitResults } from "./results";
import { SeriesCollector } from "./results";
import { computeRetention } from "./retention";
import { contributionCounts, contributorPeriodRows, contributorSummaries } from "./run-contributors";
import {
  addCoherence, addConcentrationGap, addConversion, addLifecycle, addParticipation, addRecognition, addScalePanel,
  campaignsDocument, concentrationDocument, recognitionDocument, retentionCohortRows, retentionDocument,
} from "./run-series";
import { scopeSignals } from "./run-signals";
import { computeTransactional } from "./transactional";
import type { LinkRing } from "./gaming";

export const PERIOD_UNITS: PeriodUnit[] = ["week", "month"];
/** top sources and links kept per contributor in the stored decomposition */
const SOURCES_TOP_K = 5;
/** builders kept per contributor for their profile */
export const BUILDERS_TOP_K = 10;

export interface ScopeSpec {
  /** dense project index, null for the ecosystem */
  project: number | null;
  params: MetricParams;
  asOfMs: number;
  /** link rings with a contribution in this scope (detected once per run, on the ecosystem) */
  rings: LinkRing[];
}

/** Concentration of each period's attribution flow A_u(t) over the contributors active in t. */
function attributionScalePanel(act: Activity, flow: AttributionFlow): ScalePoint[] {
  const byPeriod = activeByPeriod(act);
  const dense = new Float64Array(act.nU);
  const rows: ScalePoint[] = [];
  for (let t = 0; t < act.nPeriods; t++) {
    const p = act.firstPeriod + t - flow.firstPeriod;
    const inFlow = p >= 0 && p < flow.nPeriods;
    if (inFlow) for (let r = flow.periodStart[p]; r < flow.periodStart[p + 1]; r++) dense[flow.contributor[r]] = flow.value[r];
    const values = new Float64Array(byPeriod.start[t + 1] - byPeriod.start[t]);
    for (let k = byPeriod.start[t]; k < byPeriod.start[t + 1]; k++) values[k - byPeriod.start[t]] = dense[byPeriod.contributor[k]];
    if (inFlow) for (let r = flow.periodStart[p]; r < flow.periodStart[p + 1]; r++) dense[flow.contributor[r]] = 0;
    const c = computeConcentration(values);
    rows.push({ ...periodInfoOf(act.firstPeriod + t, act.firstPeriod + act.lastComplete, act.unit), ...c, d1PerN: c.d1 === null ? null : c.d1 / c.n });
  }
  return rows;
}

/**
 * ICR over time: hubs and shares of the trailing window of `window` periods ending at each period,
 * attribution being the flow minted inside the window.
 */
function icrSeries(s: SeriesCollector, g: Graph, act: Activity, flow: AttributionFlow, params: MetricParams, window: number, memo: EngineMemo | undefined): void {
  for (let t = 0; t < act.nPeriods; t++) {
    const period = act.firstPeriod + t;
    const from = Math.max(act.firstPeriod, period - window + 1);
    const attribution = sumFlow(flow, g.nU, from, period);
    const toMs = Math.min(periodEnd(period, act.unit), act.asOfMs + 1);
    const h = computeHubs(g, params, attribution, null, { project: act.project, fromMs: periodStart(from, act.unit), toMs }, memo);
    const at = periodInfoOf(period, act.firstPeriod + act.lastComplete, act.unit);
    s.add("hubs.icr", at, h.icr);
    s.add("hubs.hub_attribution_share", at, h.n > 0 ? h.hubAttributionShare : null);
    s.add("hubs.hub_contribution_share", at, h.n > 0 ? h.hubContributionShare : null);
    s.add("hubs.nodes", at, h.n);
  }
}

function runUnit(g: Graph, spec: ScopeSpec, unit: PeriodUnit, cascade: CascadeResult, withSources: boolean, memo: EngineMemo | undefined) {
  const { params, asOfMs, project } = spec;
  const act = computeActivity(g, { unit, asOfMs, project }, params);
  const flow = computeAttributionFlow(g, cascade, { unit, throughPeriod: periodOf(asOfMs, unit), withSources, topK: SOURCES_TOP_K });
  const gap = dormancyGapFor(act, params);
  const { columns, finalStock } = contributorPeriodRows(act, flow, gap, decayFor(unit, params));

  const s = new SeriesCollector();
  addLifecycle(s, computeLifecycle(act, params));
  const retention = computeRetention(act, g, params);
  addConversion(s, retention);
  const attributionPanel = attributionScalePanel(act, flow);
  const contributionPanel = buildContributionScalePanel(act);
  addScalePanel(s, "attribution", attributionPanel);
  addScalePanel(s, "contributions", contributionPanel);
  addConcentrationGap(s, attributionPanel, contributionPanel);
  for (let p = 0; p < flow.nPeriods; p++) {
    const period = flow.firstPeriod + p;
    if (period < act.firstPeriod) continue;
    let total = 0;
    for (let r = flow.periodStart[p]; r < flow.periodStart[p + 1]; r++) total += flow.value[r];
    s.add("attribution.flow_total", periodInfoOf(period, act.firstPeriod + act.lastComplete, unit), total);
  }
  // One betweenness per window: weekly windows would cost 4× the monthly ones for a series that
  // moves slowly, so ICR over time is a monthly series (trailing coherenceWindow months).
  if (unit === "month") icrSeries(s, g, act, flow, params, params.coherenceWindow, memo);
  const coherence = computeCoherence(act, g, params, memo);
  addCoherence(s, coherence);
  const recognition = computeRecognition(act, g, params);
  addRecognition(s, recognition);
  const transactional = computeTransactional(act, g, params);
  addParticipation(s, transactional);

  const result: ScopeUnitResults = {
    unit,
    series: s.rows,
    cohorts: retentionCohortRows(retention),
    contributorPeriods: columns,
    documents: {
      retention: retentionDocument(retention),
      recognition: recognitionDocument(recognition),
      campaigns: campaignsDocument(transactional),
      period: { unit, firstPeriod: act.firstPeriod, lastComplete: act.firstPeriod + act.lastComplete, currentPeriod: act.firstPeriod + act.nPeriods - 1, dormancyGap: gap, decay: decayFor(unit, params) },
    },
    signals: scopeSignals({ series: s.rows, recognition, rings: spec.rings, g, project, params, unit }),
  };
  return { result, act, flow, finalStock, transactional };
}

/**
 * Every result of one scope. `memo` (memo.ts) lets windows whose inputs an earlier run already saw
 * be reused instead of recomputed; the results are the same with or without it.
 */
export function computeScope(g: Graph, spec: ScopeSpec, memo?: EngineMemo): ScopeResults {
  const { params, project } = spec;
  const cascade = runCascade(g, params, project);
  const pass = passThroughByContributor(g, cascade);
  const hubs: HubsResult = computeHubs(g, params, cascade.attribution, pass.ratio, { project }, memo);
  const pagerank = runPageRank(g, params, project).attribution;

  const week = runUnit(g, spec, "week", cascade, true, memo);
  const month = runUnit(g, spec, "month", cascade, false, memo);
  const counts = contributionCounts(g, project, week.act.included);

  // Whole-history concentration over every contributor with scope work.
  const attributionValues: number[] = [];
  const countValues: number[] = [];
  for (let u = 0; u < g.nU; u++) {
    if (counts[u] === 0) continue;
    attributionValues.push(cascade.attribution[u]);
    countValues.push(counts[u]);
  }
  const concentration = concentrationDocument(computeConcentration(attributionValues), computeConcentration(countValues), attributionValues, countValues);
  const hubsDoc = { n: hubs.n, icr: hubs.icr, hubAttributionShare: hubs.hubAttributionShare, hubContributionShare: hubs.hubContributionShare, betweenness: { exact: hubs.betweenness.exact, pivots: hubs.betweenness.pivots } };
  const gaming = { rings: spec.rings };
  for (const u of [week, month]) {
    u.result.documents.concentration = concentration;
    u.result.documents.hubs = hubsDoc;
    u.result.documents.gaming = gaming;
    u.result.documents.totals = { minted: cascade.totalMinted, attribution: cascade.totalAttribution, contributors: attributionValues.length };
  }

  const classes: ClassRow[] = week.transactional.contributors.map((c) => ({ contributor: c.contributor, class: c.class, evidence: { ...c.evidence, whole: c.whole, trailing: c.trailing, birthLabel: c.birthLabel } }));
  return {
    scope: project === null ? "all" : `project:${g.projectIds[project]}`,
    projectId: project === null ? null : g.projectIds[project],
    paramsHash: paramsHash(params),
    units: [week.result, month.result],
    summaries: contributorSummaries({ g, counts, cascade, hubs, pagerank, flow: week.flow, finalStock: week.finalStock, topK: SOURCES_TOP_K, buildersTopK: project === null ? BUILDERS_TOP_K : 0 }),
    classes,
  };
}
