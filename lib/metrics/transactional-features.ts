// Per-contributor inputs of the participation class (METRICS.md §8) and the class rules themselves.
// Definitions (scope = the Activity's; data at or before asOf):
// - contributions: scope contributions the contributor authored or co-authored (each co-author counts
//   the contribution in full, as for activity);
// - campaign share: those made inside an applicable campaign window (transactional-campaigns.ts);
// - tenure: [first scope contribution, min(asOf, start of period last + G)] where `last` is the period
//   of the last scope contribution: a contributor is still around until the dormancy gap G would
//   call them churned, so campaigns in that grace time count as exposure they did not answer;
// - campaign time share: campaign exposure inside the tenure / tenure length; lift = campaign share /
//   campaign time share (null when the tenure has zero length or saw no campaign);
// - linking ratio: contributions with a counted link to another contributor's work / contributions;
// - recognition received: counted cross links received within W days (link-scope.ts);
// - active periods: periods with Active(u,t); tenure in periods: last − first active period + 1;
// - burstiness of the inter-contribution times, see `burstiness`.
// The trailing variant keeps only contributions and active periods from the window's first period
// on; its tenure starts at the first contribution inside the window.

import type { Activity } from "./activity";
import type { Graph } from "./graph";
import { periodOf, periodStart } from "./periods";
import { exposureBetween, type CampaignExposure } from "./transactional-campaigns";

export const PARTICIPATION_CLASSES = ["new", "transactional", "persistent", "occasional"] as const;
export type ParticipationClass = (typeof PARTICIPATION_CLASSES)[number];
export const CLASS_NEW = 0;
export const CLASS_TRANSACTIONAL = 1;
export const CLASS_PERSISTENT = 2;
export const CLASS_OCCASIONAL = 3;

/** Below this many inter-event times the Kim–Jo finite-size form replaces Goh–Barabási's B. */
const KIM_JO_BELOW = 100;

/**
 * Burstiness of an event sequence's inter-event times τ, with r = σ/μ (σ the population standard
 * deviation). Goh & Barabási (2008): B = (r − 1)/(r + 1). Kim & Jo (2016, Phys. Rev. E 94, 032311)
 * show B is biased for few events and define, for n inter-event times (whose r is bounded by
 * √(n − 1)), A_n = (√(n+1)·r − √(n−1)) / ((√(n+1) − 2)·r + √(n−1)), which is −1 for a regular sequence
 * (r = 0), 1 at the maximal r = √(n−1), and tends to B as n grows. Used for n < 100.
 * Null below `minEvents` events, or when every event shares one instant (μ = 0).
 */
export function burstiness(times: ArrayLike<number>, from: number, to: number, minEvents: number): number | null {
  const events = to - from;
  if (events < Math.max(2, minEvents)) return null;
  const n = events - 1;
  let mean = 0;
  let m2 = 0;
  for (let k = 1; k <= n; k++) {
    const tau = times[from + k] - times[from + k - 1];
    const d = tau - mean;
    mean += d / k;
    m2 += d * (tau - mean);
  }
  if (mean <= 0) return null;
  const r = Math.sqrt(m2 / n) / mean;
  if (n >= KIM_JO_BELOW) return (r - 1) / (r + 1);
  const a = Math.sqrt(n + 1);
  const b = Math.sqrt(n - 1);
  const den = (a - 2) * r + b;
  return den === 0 ? null : (a * r - b) / den;
}

export interface ParticipationStats {
  contributions: number;
  campaignContributions: number;
  campaignShare: number | null;
  /** tenure [from, to), ms since the epoch; null without contributions */
  tenureFrom: number | null;
  tenureTo: number | null;
  campaignTimeShare: number | null;
  lift: number | null;
  linked: number;
  linkingRatio: number | null;
  recognitionReceived: number;
  activePeriods: number;
  tenurePeriods: number;
  burstiness: number | null;
}

export interface FeatureContext {
  act: Activity;
  g: Graph;
  /** dormancy gap G in periods */
  gap: number;
  minEvents: number;
  inCampaign: Uint8Array;
  linksOut: Uint8Array;
  recognition: Int32Array;
  exposure: CampaignExposure;
  /** scratch for one contributor's times, length ≥ the largest work list */
  times: Float64Array;
}

/** Stats of u over scope contributions and active periods from relative period `fromRel` on. */
export function participation(ctx: FeatureContext, u: number, fromRel: number): ParticipationStats {
  const { act, g } = ctx;
  const fromMs = fromRel === -Infinity ? -Infinity : periodStart(act.firstPeriod + fromRel, act.unit);
  let n = 0;
  let camp = 0;
  let linked = 0;
  let recog = 0;
  for (let k = g.workStart[u]; k < g.workStart[u + 1]; k++) {
    const i = g.workIdx[k];
    if (i >= act.included) break;
    if ((act.project !== null && g.project[i] !== act.project) || g.time[i] < fromMs) continue;
    ctx.times[n++] = g.time[i];
    camp += ctx.inCampaign[i];
    linked += ctx.linksOut[i];
    recog += ctx.recognition[i];
  }
  let activePeriods = 0;
  let firstActive = 0;
  let lastActive = 0;
  for (let k = act.activeStart[u]; k < act.activeStart[u + 1]; k++) {
    const p = act.activePeriod[k];
    if (p < fromRel) continue;
    if (activePeriods++ === 0) firstActive = p;
    lastActive = p;
  }
  let tenureFrom: number | null = null;
  let tenureTo: number | null = null;
  let campaignTimeShare: number | null = null;
  if (n > 0) {
    const last = periodOf(ctx.times[n - 1], act.unit);
    tenureFrom = ctx.times[0];
    tenureTo = Math.min(act.asOfMs, periodStart(last + ctx.gap, act.unit));
    const len = tenureTo - tenureFrom;
    if (len > 0) campaignTimeShare = exposureBetween(ctx.exposure.windows[ctx.exposure.key[u]], tenureFrom, tenureTo) / len;
  }
  const campaignShare = n === 0 ? null : camp / n;
  return {
    contributions: n,
    campaignContributions: camp,
    campaignShare,
    tenureFrom,
    tenureTo,
    campaignTimeShare,
    lift: campaignShare === null || !campaignTimeShare ? null : campaignShare / campaignTimeShare,
    linked,
    linkingRatio: n === 0 ? null : linked / n,
    recognitionReceived: recog,
    activePeriods,
    tenurePeriods: activePeriods === 0 ? 0 : lastActive - firstActive + 1,
    burstiness: burstiness(ctx.times, 0, n, ctx.minEvents),
  };
}

/**
 * Post-campaign stay of a contributor the campaign recruited: active in one of the G periods after
 * the campaign's last period (the one holding endAt − 1). True as soon as seen; false once those G
 * periods are complete without activity; null while the campaign runs or the G periods are not over.
 */
export function postCampaignStay(act: Activity, u: number, endAt: number, gap: number): boolean | null {
  if (endAt > act.asOfMs) return null;
  const endP = periodOf(endAt - 1, act.unit) - act.firstPeriod;
  for (let k = act.activeStart[u]; k < act.activeStart[u + 1]; k++) {
    const p = act.activePeriod[k];
    if (p > endP && p <= endP + gap) return true;
    if (p > endP + gap) break;
  }
  return endP + gap <= act.lastComplete ? false : null;
}

export interface ClassRules {
  transactionalLift: number;
  linkingRatioMin: number;
  persistentActivePeriods: number;
  persistentTenurePeriods: number;
}

/** The first matching rule of METRICS.md §8; no allocation, so the per-period pass can call it often. */
export function classCode(
  isNew: boolean, lift: number | null, linkingRatio: number | null, isGoneAfterCampaign: boolean,
  activePeriods: number, tenurePeriods: number, rules: ClassRules,
): number {
  if (isNew) return CLASS_NEW;
  const lr = linkingRatio ?? 0;
  if ((lift !== null && lift >= rules.transactionalLift && lr < rules.linkingRatioMin) || isGoneAfterCampaign) {
    return CLASS_TRANSACTIONAL;
  }
  if (activePeriods >= rules.persistentActivePeriods && tenurePeriods >= rules.persistentTenurePeriods && lr >= rules.linkingRatioMin) {
    return CLASS_PERSISTENT;
  }
  return CLASS_OCCASIONAL;
}
