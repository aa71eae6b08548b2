// Transactional versus persistent participation, METRICS.md §8.
//
// Per contributor with scope work up to asOf: the class (first matching rule) with every rule's
// inputs beside it, computed over the whole history; the same statistics over the trailing window
// are shown as evidence. Definitions of each input: transactional-features.ts. Choices:
// - "now" is the current period (the one holding asOf): "born within the last G periods" means
//   birth ≥ current − G + 1, and the trailing window is the `trailingPeriods` periods ending with
//   the current one, so the class of a contributor active now equals the per-period class mix of the
//   current period (transactional-community.ts).
// - "joined during a campaign" = recruited by it (acquisition.ts: the campaign whose window holds the
//   first contribution); "gone within G periods of its end" = postCampaignStay is false.
// - A missing lift (no campaign in the tenure) never matches the lift rule; a missing linking ratio
//   cannot occur for a contributor with work.

import { type Activity } from "./activity";
import { acquisitionOf, ORGANIC } from "./acquisition";
import type { Graph } from "./graph";
import { dormancyGapFor } from "./lifecycle";
import { classifyLinks, linksToOthers, recognitionOf } from "./link-scope";
import type { MetricParams } from "./params";
import { periodLabel, periodOf } from "./periods";
import { campaignExposure, campaignMembership } from "./transactional-campaigns";
import { campaignOutcomes, classMixByPeriod, type CampaignOutcome, type ClassMixPeriod } from "./transactional-community";
import {
  classCode, participation, PARTICIPATION_CLASSES, postCampaignStay,
  type FeatureContext, type ParticipationClass, type ParticipationStats,
} from "./transactional-features";

export interface ClassEvidence {
  new: { birthPeriod: number; bornSincePeriod: number; matched: boolean };
  transactional: {
    lift: number | null; liftMin: number; linkingRatio: number | null; linkingRatioBelow: number;
    recruitingCampaignId: number | null; postCampaignStay: boolean | null; matched: boolean;
  };
  persistent: {
    activePeriods: number; activePeriodsMin: number; tenurePeriods: number; tenurePeriodsMin: number;
    linkingRatio: number | null; linkingRatioMin: number; matched: boolean;
  };
}

export interface ContributorParticipation {
  /** dense contributor index */
  contributor: number;
  contributorId: number;
  class: ParticipationClass;
  /** absolute birth period (full history) and its label */
  birthPeriod: number;
  birthLabel: string;
  whole: ParticipationStats;
  trailing: ParticipationStats & { fromPeriod: number };
  evidence: ClassEvidence;
}

export interface TransactionalReport {
  unit: Activity["unit"];
  project: number | null;
  currentPeriod: number;
  trailingPeriods: number;
  dormancyGap: number;
  contributors: ContributorParticipation[];
  periods: ClassMixPeriod[];
  campaigns: CampaignOutcome[];
}

export function computeTransactional(act: Activity, g: Graph, params: MetricParams): TransactionalReport {
  const G = dormancyGapFor(act, params);
  const rules = params.classRules;
  const cls = classifyLinks(g);
  const inCampaign = campaignMembership(g, act.included);
  const linksOut = linksToOthers(g, cls, act.included);
  const exposure = campaignExposure(g, act.included, act.project);
  let maxWorks = 0;
  for (let u = 0; u < g.nU; u++) maxWorks = Math.max(maxWorks, g.workStart[u + 1] - g.workStart[u]);
  const ctx: FeatureContext = {
    act, g, gap: G, minEvents: rules.burstinessMinEvents, inCampaign, linksOut,
    recognition: recognitionOf(g, cls, act.included, params.windowDays).withinWindow,
    exposure, times: new Float64Array(maxWorks),
  };
  const acq = acquisitionOf(act, g);
  const current = act.nPeriods - 1;
  const trailingFrom = current - rules.trailingPeriods + 1;
  const gone = new Uint8Array(g.nU);
  const campaignEnd = new Int32Array(g.nU);

  const contributors: ContributorParticipation[] = [];
  for (let u = 0; u < g.nU; u++) {
    const c = acq[u] === ORGANIC ? null : g.campaigns[acq[u]];
    const stay = c === null ? null : postCampaignStay(act, u, c.endAt, G);
    if (c !== null && stay === false) {
      gone[u] = 1;
      campaignEnd[u] = periodOf(c.endAt - 1, act.unit) - act.firstPeriod;
    }
    const whole = participation(ctx, u, -Infinity);
    if (whole.contributions === 0) continue;
    const trailing = { ...participation(ctx, u, trailingFrom), fromPeriod: act.firstPeriod + trailingFrom };
    const birthPeriod = act.firstPeriod + act.birth[u];
    const isNew = act.birth[u] > current - G;
    const lr = whole.linkingRatio;
    const code = classCode(isNew, whole.lift, lr, stay === false, whole.activePeriods, whole.tenurePeriods, rules);
    contributors.push({
      contributor: u,
      contributorId: g.contributorId[u],
      class: PARTICIPATION_CLASSES[code],
      birthPeriod,
      birthLabel: periodLabel(birthPeriod, act.unit),
      whole,
      trailing,
      evidence: {
        new: { birthPeriod, bornSincePeriod: act.firstPeriod + current - G + 1, matched: isNew },
        transactional: {
          lift: whole.lift, liftMin: rules.transactionalLift, linkingRatio: lr, linkingRatioBelow: rules.linkingRatioMin,
          recruitingCampaignId: c === null ? null : c.id, postCampaignStay: stay,
          matched: (whole.lift !== null && whole.lift >= rules.transactionalLift && (lr ?? 0) < rules.linkingRatioMin) || stay === false,
        },
        persistent: {
          activePeriods: whole.activePeriods, activePeriodsMin: rules.persistentActivePeriods,
          tenurePeriods: whole.tenurePeriods, tenurePeriodsMin: rules.persistentTenurePeriods,
          linkingRatio: lr, linkingRatioMin: rules.linkingRatioMin,
          matched: whole.activePeriods >= rules.persistentActivePeriods && whole.tenurePeriods >= rules.persistentTenurePeriods && (lr ?? 0) >= rules.linkingRatioMin,
        },
      },
    });
  }

  return {
    unit: act.unit,
    project: act.project,
    currentPeriod: act.firstPeriod + current,
    trailingPeriods: rules.trailingPeriods,
    dormancyGap: G,
    contributors,
    periods: classMixByPeriod({ act, g, rules, gap: G, inCampaign, linksOut, exposure, gone, campaignEnd }),
    campaigns: campaignOutcomes(act, g, params),
  };
}
