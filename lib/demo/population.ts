// Who the demo community is: every contributor gets a persona, a span of weeks in which they may
// be active, how active and how linking they are, and a home project. Arrays are indexed by user
// id (index 0 unused) so that 100k people cost a few typed arrays, not 100k objects.
import type { Calendar } from "./calendar";
import { Random } from "./random";
import { PROJECT_SPECS } from "./vocabulary";

export const Persona = {
  none: 0,
  core: 1,
  hub: 2,
  regular: 3,
  occasional: 4,
  campaign: 5,
  ring: 6,
  demoContributor: 7,
  demoMaintainer: 8,
} as const;

export const ADMIN_ID = 1;
export const MAINTAINER_ID = 2;
export const CONTRIBUTOR_ID = 3;
export const RING_SIZE = 5;
export const MIN_CONTRIBUTORS = 50;

/** Per persona: weekly activity probability, extra contributions per active week, link probability. */
const RATES: Record<number, readonly [pActive: number, extra: number, linkProb: number]> = {
  [Persona.core]: [0.85, 0.6, 0.85],
  [Persona.hub]: [0.9, 1.2, 0.5],
  [Persona.regular]: [0.45, 0.35, 0.55],
  [Persona.occasional]: [0.22, 0.1, 0.35],
  [Persona.campaign]: [0.75, 0.9, 0.1],
  [Persona.ring]: [0.95, 1, 1],
  [Persona.demoContributor]: [0.6, 0.3, 0.75],
  [Persona.demoMaintainer]: [0.5, 0.2, 0.7],
};

/** Relative popularity of each project as a home: datanets draw the most people. */
const PROJECT_PULL = [1.4, 1.1, 1, 0.8, 0.9, 0.9, 0.7, 0.6, 0.5, 0.5, 0.6, 0.6];

export interface Population {
  /** user ids run 1..nUsers */
  nUsers: number;
  nProjects: number;
  persona: Uint8Array;
  joinWeek: Int32Array;
  /** last week of the span, inclusive */
  leaveWeek: Int32Array;
  pActive: Float64Array;
  extra: Float64Array;
  linkProb: Float64Array;
  home: Uint8Array;
  second: Uint8Array;
  /** probability that one contribution goes to the second project */
  spread: Float64Array;
  /** the campaign that recruited them, or -1 */
  campaign: Int16Array;
  core: number[];
  hubs: number[];
  ring: number[];
}

function organicJoinWeek(rng: Random, weeks: number): number {
  // density ∝ 0.6 + 0.8·x on [0, 1): a community that grows, inverse-CDF sampled
  const x = (-0.6 + Math.sqrt(0.36 + 1.6 * rng.next())) / 0.8;
  return Math.min(weeks - 1, Math.floor(x * weeks));
}

/** the week itself, or the week before the campaign running in it */
function outsideCampaigns(cal: Calendar, week: number): number {
  const c = cal.campaigns.find((k) => week >= k.startWeek && week < k.endWeek);
  return c ? Math.max(0, c.startWeek - 1) : week;
}

function personaCounts(contributors: number, campaigns: number) {
  const hubs = Math.min(5, Math.max(3, Math.round(contributors / 500)));
  const core = Math.max(2, Math.round(contributors * 0.065) - hubs);
  const campaign = campaigns > 0 ? Math.round(contributors * 0.3) : 0;
  const rest = contributors - 2 - hubs - core - RING_SIZE - campaign;
  const regular = Math.round(rest * 0.13);
  return { hubs, core, campaign, regular, occasional: rest - regular };
}

export function planPopulation(seed: number, contributors: number, nProjects: number, cal: Calendar): Population {
  if (contributors < MIN_CONTRIBUTORS) throw new RangeError(`contributors must be at least ${MIN_CONTRIBUTORS}`);
  const rng = new Random(seed, 1);
  const nUsers = contributors + 1;
  const size = nUsers + 1;
  const pop: Population = {
    nUsers, nProjects,
    persona: new Uint8Array(size), joinWeek: new Int32Array(size), leaveWeek: new Int32Array(size),
    pActive: new Float64Array(size), extra: new Float64Array(size), linkProb: new Float64Array(size),
    home: new Uint8Array(size), second: new Uint8Array(size), spread: new Float64Array(size),
    campaign: new Int16Array(size).fill(-1), core: [], hubs: [], ring: [],
  };
  const counts = personaCounts(contributors, cal.campaigns.length);
  // Imported people get their personas in a shuffled order, so ids say nothing about roles.
  const imported = new Uint8Array(contributors - 2);
  let k = 0;
  for (const [p, n] of [[Persona.hub, counts.hubs], [Persona.core, counts.core], [Persona.ring, RING_SIZE], [Persona.campaign, counts.campaign], [Persona.regular, counts.regular], [Persona.occasional, counts.occasional]] as const) {
    imported.fill(p, k, k + n);
    k += n;
  }
  for (let i = imported.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = imported[i];
    imported[i] = imported[j];
    imported[j] = t;
  }
  pop.persona[MAINTAINER_ID] = Persona.demoMaintainer;
  pop.persona[CONTRIBUTOR_ID] = Persona.demoContributor;
  pop.persona.set(imported, CONTRIBUTOR_ID + 1);

  const pull = PROJECT_PULL.slice(0, nProjects);
  const campaignPull = cal.campaigns.map((c) => c.spec.pull);
  const last = cal.weeks - 1;
  for (let u = MAINTAINER_ID; u <= nUsers; u++) {
    const persona = pop.persona[u];
    const [p, extra, link] = RATES[persona];
    const jitter = 0.8 + 0.4 * rng.next();
    pop.pActive[u] = Math.min(0.97, p * jitter);
    pop.extra[u] = extra * jitter;
    pop.linkProb[u] = link;
    pop.home[u] = rng.weighted(pull);
    pop.second[u] = (pop.home[u] + 1 + rng.int(nProjects - 1)) % nProjects;
    pop.spread[u] = persona === Persona.core || persona === Persona.hub ? 0.3 : 0.12;
    let join = 0;
    let leave = last;
    switch (persona) {
      case Persona.hub:
        pop.hubs.push(u);
        pop.core.push(u);
        pop.home[u] = [0, 4, 2, 1, 5][(pop.hubs.length - 1) % 5] % nProjects;
        break;
      case Persona.core:
        pop.core.push(u);
        // most of the core is there from the start; a fifth joins within the first year, never
        // during a campaign (a campaign's cohort is its recruits; a future pillar among them would
        // blur the demo's contrast between the two)
        join = rng.chance(0.8) ? rng.int(Math.min(8, cal.weeks)) : outsideCampaigns(cal, rng.int(Math.max(1, Math.min(52, Math.floor(cal.weeks / 2)))));
        break;
      case Persona.regular:
        join = organicJoinWeek(rng, cal.weeks);
        leave = Math.min(last, join + 20 + rng.int(80));
        break;
      case Persona.occasional:
        join = organicJoinWeek(rng, cal.weeks);
        leave = Math.min(last, join + Math.min(26, Math.floor(-Math.log(1 - rng.next()) * 5)));
        break;
      case Persona.campaign: {
        const c = cal.campaigns[rng.weighted(campaignPull)];
        pop.campaign[u] = c.index;
        join = c.startWeek + rng.int(c.endWeek - c.startWeek);
        // most leave when the rewards stop; some linger a few weeks; about one in ten stays on
        const r = rng.next();
        const tail = r < 0.7 ? 0 : r < 0.88 ? 1 + rng.int(3) : 5 + rng.int(20);
        leave = Math.min(last, c.endWeek - 1 + tail);
        if (c.project !== null) pop.home[u] = c.project;
        pop.spread[u] = 0.04;
        break;
      }
      case Persona.ring:
        pop.ring.push(u);
        join = Math.floor(cal.weeks * 0.55);
        leave = Math.min(last, join + 12);
        pop.home[u] = 1 % nProjects;
        pop.spread[u] = 0;
        break;
      case Persona.demoContributor:
        join = Math.floor(cal.weeks * 0.1);
        pop.home[u] = 0;
        pop.second[u] = 2 % nProjects;
        pop.spread[u] = 0.3;
        break;
      case Persona.demoMaintainer:
        join = Math.floor(cal.weeks * 0.05);
        pop.home[u] = 0;
        pop.second[u] = 2 % nProjects;
        pop.spread[u] = 0.4;
        break;
    }
    pop.joinWeek[u] = join;
    pop.leaveWeek[u] = Math.max(join, leave);
  }
  return pop;
}

/** the project specs in use at this scale */
export function projectSpecs(nProjects: number) {
  if (nProjects < 2 || nProjects > PROJECT_SPECS.length) throw new RangeError(`projects must be between 2 and ${PROJECT_SPECS.length}`);
  return PROJECT_SPECS.slice(0, nProjects);
}
