// Acquisition context and newcomer conversion (METRICS.md §2).
//
// Acquisition: the campaign active at birth(u) is one whose [startAt, endAt) window contains the
// time of u's first contribution in the full history, and whose project is null (ecosystem-wide) or
// the project of that contribution. The instant, not the birth period, decides: a campaign that
// starts on a Wednesday did not recruit Monday's newcomers. When several campaigns qualify, a
// project campaign wins over an ecosystem-wide one (it is the more specific invitation), then the
// latest start, then the lowest id, so the choice is deterministic.
//
// Conversion: P(2nd contribution within W days | 1st), over cohort members, with the first and
// second contributions taken inside the scope (for the ecosystem: any). A newcomer whose W-day
// window has not fully elapsed by asOfMs is right-censored: left out of both the numerator and the
// denominator, because counting them as unconverted would bias the rate toward zero and counting
// only the already converted would bias it up.

import { periodInfo, type Activity } from "./activity";
import type { Graph } from "./graph";

/** acquisition code of a contributor no campaign recruited */
export const ORGANIC = -1;

const DAY_MS = 86_400_000;

/** Per contributor: the index into graph.campaigns of the acquiring campaign, or ORGANIC. */
export function acquisitionOf(act: Activity, g: Graph): Int32Array {
  const out = new Int32Array(act.nU).fill(ORGANIC);
  const cs = g.campaigns;
  if (cs.length === 0) return out;
  for (let u = 0; u < act.nU; u++) {
    const i = act.firstContribution[u];
    if (i < 0) continue;
    const t = g.time[i];
    const projectId = g.projectIds[g.project[i]];
    let best = ORGANIC;
    for (let c = 0; c < cs.length; c++) {
      const k = cs[c];
      if (k.startAt > t) break; // graph.campaigns is sorted by startAt, then id
      if (t >= k.endAt || (k.projectId !== null && k.projectId !== projectId)) continue;
      if (best === ORGANIC) {
        best = c;
        continue;
      }
      const specific = k.projectId !== null ? 1 : 0;
      const bestSpecific = cs[best].projectId !== null ? 1 : 0;
      // Equal start: the earlier index has the lower id and keeps its place.
      if (specific > bestSpecific || (specific === bestSpecific && k.startAt > cs[best].startAt)) best = c;
    }
    out[u] = best;
  }
  return out;
}

export interface ConversionCell {
  /** newcomers whose W-day window had fully elapsed by asOfMs */
  eligible: number;
  converted: number;
  /** converted / eligible; null when nobody is eligible */
  rate: number | null;
}

export interface CohortConversion extends ConversionCell {
  period: number;
  label: string;
  isComplete: boolean;
}

export interface Conversion extends ConversionCell {
  windowDays: number;
  byCohort: CohortConversion[];
}

function cell(eligible: number, converted: number): ConversionCell {
  return { eligible, converted, rate: eligible === 0 ? null : converted / eligible };
}

export function computeConversion(act: Activity, g: Graph, members: Int32Array, windowDays: number): Conversion {
  const W = windowDays * DAY_MS;
  let from = Infinity;
  let to = -Infinity;
  for (const u of members) {
    from = Math.min(from, act.birth[u]);
    to = Math.max(to, act.birth[u]);
  }
  const span = members.length === 0 ? 0 : to - from + 1;
  const elig = new Int32Array(span);
  const conv = new Int32Array(span);
  for (const u of members) {
    let first = -1;
    let second = -1;
    for (let k = g.workStart[u]; k < g.workStart[u + 1] && second < 0; k++) {
      const i = g.workIdx[k];
      if (i >= act.included) break;
      if (act.project !== null && g.project[i] !== act.project) continue;
      if (first < 0) first = i;
      else second = i;
    }
    if (first < 0 || g.time[first] + W > act.asOfMs) continue;
    const c = act.birth[u] - from;
    elig[c]++;
    if (second >= 0 && g.time[second] - g.time[first] <= W) conv[c]++;
  }
  let e = 0;
  let v = 0;
  const byCohort: CohortConversion[] = [];
  for (let c = 0; c < span; c++) {
    e += elig[c];
    v += conv[c];
    byCohort.push({ ...periodInfo(act, from + c), ...cell(elig[c], conv[c]) });
  }
  return { windowDays, ...cell(e, v), byCohort };
}
