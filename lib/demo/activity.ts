// When people contribute: a week-by-week simulation over the population. Each week, everyone
// within their span is active with their persona's probability (times the season), makes one or
// more contributions on weighted weekdays, and the week's contributions are sorted by time before
// they get their indices. So index order is time order (ties keep creation order), which is what
// lets the linker point only at lower indices and satisfy the database's (time, id) check.
import { type Calendar, DAY_MS, WEEK_MS, WEEKDAY_WEIGHTS, isEcosystemCampaignWeek } from "./calendar";
import { ACCEPTED, KIND_CODE, REJECTED, UNREVIEWED } from "./codes";
import { Persona, type Population } from "./population";
import { Random } from "./random";
import { grow } from "./typed";
import { KIND_MIX, type ProjectSpec } from "./vocabulary";

/** Contribution i (0-based) becomes row id i + 1; arrays hold exactly n entries. */
export interface Activity {
  n: number;
  time: Float64Array;
  author: Int32Array;
  project: Uint8Array;
  kind: Uint8Array;
  status: Uint8Array;
  withdrawn: Uint8Array;
  /** co-authors of i: coAuthors[coStart[i] .. coStart[i + 1]) */
  coStart: Int32Array;
  coAuthors: Int32Array;
  coShareBp: Uint16Array;
  /** the primary author's share in basis points (10000 when alone) */
  primaryBp: Uint16Array;
  /** per user: first authored contribution time, NaN if none */
  firstTime: Float64Array;
}

const RECENT = 64;
const HOUR_MS = 3_600_000;
const SHARES_2 = [5000, 5000, 6000, 7000, 5000];
const SHARES_3 = [[3334, 3333, 3333], [5000, 2500, 2500], [4000, 3000, 3000]];

/** probability of co-authoring, per persona (the ring and campaign farmers work alone) */
function coAuthorChance(persona: number): number {
  if (persona === Persona.ring) return 0;
  if (persona === Persona.campaign) return 0.02;
  if (persona === Persona.occasional) return 0.04;
  return 0.12;
}

function statusOf(rng: Random, persona: number, ageMs: number): number {
  if (persona === Persona.ring) return rng.chance(0.85) ? ACCEPTED : UNREVIEWED;
  // maintainers have not yet reached the last days' work
  if (ageMs < 10 * DAY_MS) return rng.chance(0.65) ? UNREVIEWED : rng.chance(0.97) ? ACCEPTED : REJECTED;
  const r = rng.next();
  if (persona === Persona.campaign) return r < 0.8 ? ACCEPTED : r < 0.86 ? UNREVIEWED : REJECTED;
  return r < 0.92 ? ACCEPTED : r < 0.97 ? UNREVIEWED : REJECTED;
}

function kindOf(rng: Random, persona: number, project: ProjectSpec): number {
  const mix = KIND_MIX[project.kind];
  // campaign farmers do the quickest thing the project accepts; the demo maintainer mostly reviews
  if (persona === Persona.campaign && rng.chance(0.7)) return KIND_CODE[mix[0][0]];
  if (persona === Persona.demoMaintainer && rng.chance(0.5)) return KIND_CODE.review;
  return KIND_CODE[mix[rng.weighted(mix.map((m) => m[1]))][0]];
}

interface SeasonSums {
  /** prefix sums of the season factor, and of the season factor in ecosystem-campaign weeks */
  all: Float64Array;
  eco: Float64Array;
}

function seasonSums(cal: Calendar): SeasonSums {
  const all = new Float64Array(cal.weeks + 1);
  const eco = new Float64Array(cal.weeks + 1);
  for (let w = 0; w < cal.weeks; w++) {
    all[w + 1] = all[w] + cal.season[w];
    eco[w + 1] = eco[w] + (isEcosystemCampaignWeek(cal, w) ? cal.season[w] : 0);
  }
  return { all, eco };
}

/** Expected contributions of user u with activity scaled by s: the same rules as the simulation. */
function expectedOf(pop: Population, cal: Calendar, sums: SeasonSums, u: number, s: number): number {
  const p = Math.min(0.97, pop.pActive[u] * Math.sqrt(s));
  const extra = pop.extra[u] * Math.sqrt(s);
  const from = pop.joinWeek[u] + 1; // the join week is always active
  const to = pop.leaveWeek[u] + 1;
  const persona = pop.persona[u];
  if (persona === Persona.campaign) {
    const end = Math.max(from, Math.min(to, cal.campaigns[pop.campaign[u]].endWeek));
    const during = sums.all[end] - sums.all[from];
    const after = sums.all[to] - sums.all[end];
    return 1 + extra + p * during * (1 + extra) + 0.4 * p * after * (1 + 0.3 * extra);
  }
  const boosted = persona === Persona.regular || persona === Persona.occasional ? 0.15 * (sums.eco[to] - sums.eco[from]) : 0;
  return (1 + extra) * (1 + p * (sums.all[to] - sums.all[from] + boosted));
}

/**
 * Scales weekly activity and volume by one factor so the expected number of contributions meets
 * the target (the benchmark size); bisection over a monotone sum, so it is exact in expectation.
 */
export function scaleToTarget(pop: Population, cal: Calendar, target: number): void {
  const sums = seasonSums(cal);
  const total = (s: number) => {
    let e = 0;
    for (let u = 2; u <= pop.nUsers; u++) e += expectedOf(pop, cal, sums, u, s);
    return e;
  };
  let lo = 1e-4;
  let hi = 1e4;
  for (let i = 0; i < 60; i++) {
    const mid = Math.sqrt(lo * hi);
    if (total(mid) < target) lo = mid;
    else hi = mid;
  }
  const root = Math.sqrt(lo);
  for (let u = 2; u <= pop.nUsers; u++) {
    pop.pActive[u] = Math.min(0.97, pop.pActive[u] * root);
    pop.extra[u] *= root;
  }
}

export function simulateActivity(seed: number, pop: Population, cal: Calendar, projects: readonly ProjectSpec[]): Activity {
  const rng = new Random(seed, 2);
  let cap = 1 << 16;
  let time = new Float64Array(cap), author = new Int32Array(cap), project = new Uint8Array(cap);
  let kind = new Uint8Array(cap), status = new Uint8Array(cap), withdrawn = new Uint8Array(cap);
  let coStart = new Int32Array(cap + 1), primaryBp = new Uint16Array(cap);
  let coAuthors = new Int32Array(1 << 12), coShareBp = new Uint16Array(1 << 12);
  const firstTime = new Float64Array(pop.nUsers + 1).fill(NaN);
  const recent = new Int32Array(projects.length * RECENT);
  const recentCount = new Int32Array(projects.length);
  let wTime = new Float64Array(4096), wAuthor = new Int32Array(4096), wProject = new Uint8Array(4096);
  let n = 0;
  let nCo = 0;

  for (let w = 0; w < cal.weeks; w++) {
    const weekStart = cal.startAt + w * WEEK_MS;
    const days = Math.min(7, Math.ceil((cal.endAt - weekStart + 1) / DAY_MS));
    const dayWeights = WEEKDAY_WEIGHTS.slice(0, days);
    const boost = isEcosystemCampaignWeek(cal, w) ? 1.15 : 1;
    let m = 0;
    for (let u = 2; u <= pop.nUsers; u++) {
      if (w < pop.joinWeek[u] || w > pop.leaveWeek[u]) continue;
      const persona = pop.persona[u];
      let p = pop.pActive[u] * cal.season[w];
      let extra = pop.extra[u];
      if (persona === Persona.campaign) {
        if (w >= cal.campaigns[pop.campaign[u]].endWeek) {
          // the rewards are over: the few who linger come by less and do less
          p *= 0.4;
          extra *= 0.3;
        }
      } else if (persona === Persona.regular || persona === Persona.occasional) p *= boost;
      if (w !== pop.joinWeek[u] && !rng.chance(p)) continue;
      const count = 1 + rng.poisson(extra);
      for (let k = 0; k < count; k++) {
        const dayStart = weekStart + rng.weighted(dayWeights) * DAY_MS;
        const offset = rng.chance(0.75) ? 7 * HOUR_MS + rng.int(15 * HOUR_MS) : rng.int(DAY_MS);
        const t = dayStart + offset <= cal.endAt ? dayStart + offset : dayStart + rng.int(cal.endAt - dayStart + 1);
        if (m === wTime.length) {
          wTime = grow(wTime, m + 1);
          wAuthor = grow(wAuthor, m + 1);
          wProject = grow(wProject, m + 1);
        }
        wTime[m] = t;
        wAuthor[m] = u;
        wProject[m] = rng.chance(pop.spread[u]) ? pop.second[u] : pop.home[u];
        m++;
      }
    }
    const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => wTime[a] - wTime[b] || a - b);
    if (n + m > cap) {
      cap = Math.max(cap * 2, n + m);
      time = grow(time, cap); author = grow(author, cap); project = grow(project, cap);
      kind = grow(kind, cap); status = grow(status, cap); withdrawn = grow(withdrawn, cap);
      coStart = grow(coStart, cap + 1); primaryBp = grow(primaryBp, cap);
    }
    for (const e of order) {
      const u = wAuthor[e];
      const pr = wProject[e];
      const persona = pop.persona[u];
      time[n] = wTime[e];
      author[n] = u;
      project[n] = pr;
      kind[n] = kindOf(rng, persona, projects[pr]);
      status[n] = statusOf(rng, persona, cal.endAt - wTime[e]);
      withdrawn[n] = (status[n] === REJECTED && rng.chance(0.15)) || rng.chance(0.001) ? 1 : 0;
      if (Number.isNaN(firstTime[u])) firstTime[u] = wTime[e];
      coStart[n] = nCo;
      primaryBp[n] = 10000;
      if (rng.chance(coAuthorChance(persona)) && recentCount[pr] > 0) {
        const want = rng.chance(0.8) ? 1 : 2;
        const found: number[] = [];
        for (let tries = 0; tries < 6 && found.length < want; tries++) {
          const c = recent[pr * RECENT + rng.int(Math.min(RECENT, recentCount[pr]))];
          if (c !== u && !found.includes(c)) found.push(c);
        }
        if (found.length > 0) {
          const shares = found.length === 1 ? [rng.pick(SHARES_2)] : rng.pick(SHARES_3);
          const bp = found.length === 1 ? [shares[0], 10000 - shares[0]] : shares;
          primaryBp[n] = bp[0];
          coAuthors = grow(coAuthors, nCo + found.length);
          coShareBp = grow(coShareBp, nCo + found.length);
          found.forEach((c, j) => {
            coAuthors[nCo] = c;
            coShareBp[nCo] = bp[j + 1];
            nCo++;
            if (Number.isNaN(firstTime[c])) firstTime[c] = wTime[e];
          });
        }
      }
      // co-author candidates: people recently at work in this project, never farmers or the ring
      if (persona !== Persona.campaign && persona !== Persona.ring) {
        recent[pr * RECENT + (recentCount[pr] % RECENT)] = u;
        recentCount[pr]++;
      }
      n++;
    }
  }
  coStart[n] = nCo;
  return {
    n,
    time: time.subarray(0, n), author: author.subarray(0, n), project: project.subarray(0, n),
    kind: kind.subarray(0, n), status: status.subarray(0, n), withdrawn: withdrawn.subarray(0, n),
    coStart: coStart.subarray(0, n + 1), coAuthors: coAuthors.subarray(0, nCo), coShareBp: coShareBp.subarray(0, nCo),
    primaryBp: primaryBp.subarray(0, n), firstTime,
  };
}
