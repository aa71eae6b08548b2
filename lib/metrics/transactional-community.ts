// Community views of participation (METRICS.md §8): the class mix of active contributors per
// period, the mercenary index of each campaign, and the post-campaign half-life.
//
// Class "as of" period t uses only what was known at the end of t (its inputs are cumulative
// counts), so the series does not rewrite history when someone later turns persistent. One forward
// pass over periods updates each author's running counts, then classifies the period's active
// contributors: O(authorships + active entries · campaigns). For a contributor active in t the
// tenure ends at min(end of t, asOf) (the grace time after t has not happened yet), and
// "new" means born within the G periods ending at t. Two inputs come from hindsight, both cheap and
// nearly always equal to what was known then: the set of projects whose campaigns count as exposure,
// and "gone after the campaign", which is only read after the G periods following its end.

import { activeByPeriod, computeActivity, periodInfo, type Activity } from "./activity";
import { acquisitionOf, ORGANIC } from "./acquisition";
import type { Graph } from "./graph";
import { lowerBoundTime } from "./link-scope";
import type { MetricParams } from "./params";
import { periodEnd, periodOf, periodStart } from "./periods";
import { computeCohortTables } from "./retention";
import { exposureBetween, type CampaignExposure } from "./transactional-campaigns";
import { CLASS_TRANSACTIONAL, classCode, type ClassRules } from "./transactional-features";

export interface ClassMixPeriod {
  period: number;
  label: string;
  isComplete: boolean;
  active: number;
  /** active contributors per class as of the period, PARTICIPATION_CLASSES order */
  byClass: [number, number, number, number];
  transactionalShare: number | null;
}

export interface ClassMixInput {
  act: Activity;
  g: Graph;
  rules: ClassRules;
  gap: number;
  inCampaign: Uint8Array;
  linksOut: Uint8Array;
  exposure: CampaignExposure;
  /** per contributor: 1 when recruited by a campaign and inactive in the G periods after it */
  gone: Uint8Array;
  /** per contributor: relative last period of the recruiting campaign (meaningful when gone) */
  campaignEnd: Int32Array;
}

export function classMixByPeriod(x: ClassMixInput): ClassMixPeriod[] {
  const { act, g, rules, gap } = x;
  const nU = g.nU;
  const cumN = new Int32Array(nU);
  const cumCamp = new Int32Array(nU);
  const cumLinked = new Int32Array(nU);
  const firstTime = new Float64Array(nU).fill(NaN);
  const activeSoFar = new Int32Array(nU);
  const firstActive = new Int32Array(nU);
  const byPeriod = activeByPeriod(act);
  const out: ClassMixPeriod[] = [];
  let i = lowerBoundTime(g.time, periodStart(act.firstPeriod, act.unit));
  for (let t = 0; t < act.nPeriods; t++) {
    const end = periodEnd(act.firstPeriod + t, act.unit);
    for (; i < act.included && g.time[i] < end; i++) {
      if (act.project !== null && g.project[i] !== act.project) continue;
      for (let a = g.authorStart[i]; a < g.authorStart[i + 1]; a++) {
        const u = g.authorIdx[a];
        if (cumN[u]++ === 0) firstTime[u] = g.time[i];
        cumCamp[u] += x.inCampaign[i];
        cumLinked[u] += x.linksOut[i];
      }
    }
    const tenureTo = Math.min(end, act.asOfMs);
    const byClass: [number, number, number, number] = [0, 0, 0, 0];
    for (let k = byPeriod.start[t]; k < byPeriod.start[t + 1]; k++) {
      const u = byPeriod.contributor[k];
      if (activeSoFar[u]++ === 0) firstActive[u] = t;
      const len = tenureTo - firstTime[u];
      const timeShare = len > 0 ? exposureBetween(x.exposure.windows[x.exposure.key[u]], firstTime[u], tenureTo) / len : 0;
      const lift = timeShare > 0 ? cumCamp[u] / cumN[u] / timeShare : null;
      const isGone = x.gone[u] === 1 && t > x.campaignEnd[u];
      const c = classCode(act.birth[u] > t - gap, lift, cumLinked[u] / cumN[u], isGone, activeSoFar[u], t - firstActive[u] + 1, rules);
      byClass[c]++;
    }
    const active = byPeriod.start[t + 1] - byPeriod.start[t];
    out.push({
      ...periodInfo(act, t), active, byClass,
      transactionalShare: active === 0 ? null : byClass[CLASS_TRANSACTIONAL] / active,
    });
  }
  return out;
}

export interface CampaignOutcome {
  campaignId: number;
  name: string;
  /** scope newcomers the campaign recruited (acquisition.ts) */
  recruits: number;
  /** MI(N) = 1 − R_campaign(N) / R_organic(N), N = 0 .. H; null where either is undefined or R_organic = 0 */
  mercenaryIndex: (number | null)[];
  retentionCampaign: (number | null)[];
  retentionOrganic: (number | null)[];
  /** recruits active in the campaign's last week */
  weeklyActiveAtEnd: number | null;
  /** weeks after that until weekly active recruits are ≤ half of it; null if not (yet) */
  halfLifeWeeks: number | null;
}

/**
 * Mercenary index from exact aggregate retention (retention.ts, same censoring) of the campaign's
 * recruits against all organic newcomers of the scope, and the post-campaign half-life, always in
 * weeks whatever the report's unit.
 */
export function campaignOutcomes(act: Activity, g: Graph, params: MetricParams): CampaignOutcome[] {
  const H = params.retentionHorizon;
  const acq = acquisitionOf(act, g);
  const organic: number[] = [];
  const recruits: number[][] = g.campaigns.map(() => []);
  for (let u = 0; u < act.nU; u++) {
    if (!act.inCohort[u]) continue;
    if (acq[u] === ORGANIC) organic.push(u);
    else recruits[acq[u]].push(u);
  }
  const curve = (members: number[]) => {
    const exact = computeCohortTables(act, Int32Array.from(members), H).curveExact;
    return Array.from({ length: H + 1 }, (_, N) => exact[N] ?? null);
  };
  const ro = curve(organic);
  const weekly = act.unit === "week" ? act : computeActivity(g, { unit: "week", asOfMs: act.asOfMs, project: act.project }, params);
  const acqWeekly = weekly === act ? acq : acquisitionOf(weekly, g);
  const weeklyRecruits: number[][] = g.campaigns.map(() => []);
  for (let u = 0; u < weekly.nU; u++) if (weekly.inCohort[u] && acqWeekly[u] !== ORGANIC) weeklyRecruits[acqWeekly[u]].push(u);

  return g.campaigns.map((c, k) => {
    const rc = curve(recruits[k]);
    const half = halfLife(weekly, weeklyRecruits[k], c.endAt);
    return {
      campaignId: c.id,
      name: c.name,
      recruits: recruits[k].length,
      mercenaryIndex: rc.map((r, N) => (r === null || ro[N] === null || ro[N] === 0 ? null : 1 - r / (ro[N] as number))),
      retentionCampaign: rc,
      retentionOrganic: ro,
      ...half,
    };
  });
}

function halfLife(weekly: Activity, members: number[], endAt: number): { weeklyActiveAtEnd: number | null; halfLifeWeeks: number | null } {
  if (endAt > weekly.asOfMs) return { weeklyActiveAtEnd: null, halfLifeWeeks: null };
  const endW = periodOf(endAt - 1, "week") - weekly.firstPeriod;
  const T = weekly.lastComplete;
  if (endW > T) return { weeklyActiveAtEnd: null, halfLifeWeeks: null };
  // Ended before the scope's first week: nobody can have been active then.
  if (endW < 0) return { weeklyActiveAtEnd: 0, halfLifeWeeks: null };
  const count = new Int32Array(T - endW + 1);
  for (const u of members) {
    for (let k = weekly.activeStart[u]; k < weekly.activeStart[u + 1]; k++) {
      const p = weekly.activePeriod[k];
      if (p >= endW && p <= T) count[p - endW]++;
    }
  }
  const level = count[0];
  if (level === 0) return { weeklyActiveAtEnd: 0, halfLifeWeeks: null };
  for (let w = 1; w < count.length; w++) if (count[w] <= level / 2) return { weeklyActiveAtEnd: level, halfLifeWeeks: w };
  return { weeklyActiveAtEnd: level, halfLifeWeeks: null };
}
