// Who builds on whom. Contributions are visited in index (= time) order and link only to indices
// already visited, so every link goes strictly backward in (occurredAt, id). Targets come from a
// mix that gives the graph its shape: one's own last work, a hub's recent work (3–5 hubs that
// many build on), preferential attachment (copy the target of a random earlier link, so popular
// work gets more popular), and recent work in the same project. The ring's members link to each
// other's latest work; nobody else's target pools contain ring work, so the ring stays closed.
import type { Activity } from "./activity";
import type { Calendar } from "./calendar";
import { DAY_MS, WEEK_MS } from "./calendar";
import { BUILDS_ON, CITES, CONFIRMED, DISMISSED, DISPUTED, FIXES, KIND_CODE, OPEN, REMOVED, REVIEWS, UNCONFIRMED, UPHELD } from "./codes";
import { CONTRIBUTOR_ID, Persona, type Population } from "./population";
import { Random } from "./random";
import { grow } from "./typed";

export interface LinkPlan {
  n: number;
  /** contribution indices; from > to always */
  from: Int32Array;
  to: Int32Array;
  type: Uint8Array;
  status: Uint8Array;
  /** link disputes: the link index and the outcome */
  disputeLink: Int32Array;
  disputeResolution: Uint8Array;
  /** authorship disputes: the contribution index (always co-authored) */
  authorshipDisputes: Int32Array;
  /** links per project of their source contribution */
  perProject: Int32Array;
}

const PROJECT_POOL = 256;
const GLOBAL_POOL = 1024;
const HUB_POOL = 16;

/** Per persona: extra links per linking contribution, share of links to one's own work, share to hubs. */
const LINKING: Record<number, readonly [extra: number, self: number, hub: number]> = {
  [Persona.core]: [0.8, 0.12, 0.18],
  [Persona.hub]: [0.6, 0.2, 0.1],
  [Persona.regular]: [0.5, 0.15, 0.15],
  [Persona.occasional]: [0.3, 0.1, 0.15],
  [Persona.campaign]: [0.1, 0.35, 0.1],
  [Persona.ring]: [0.8, 0.03, 0],
  [Persona.demoContributor]: [0.6, 0.15, 0.15],
  [Persona.demoMaintainer]: [0.5, 0.1, 0.15],
};

function linkTypeOf(rng: Random, kind: number): number {
  const r = rng.next();
  if (kind === KIND_CODE.review) return r < 0.7 ? REVIEWS : r < 0.9 ? BUILDS_ON : CITES;
  if (kind === KIND_CODE.code) return r < 0.55 ? BUILDS_ON : r < 0.8 ? FIXES : r < 0.9 ? CITES : REVIEWS;
  if (kind === KIND_CODE.research || kind === KIND_CODE.documentation) return r < 0.5 ? CITES : r < 0.95 ? BUILDS_ON : REVIEWS;
  return r < 0.75 ? BUILDS_ON : r < 0.87 ? CITES : r < 0.92 ? FIXES : REVIEWS;
}

/** Extra-link multiplier so the expected number of links meets the target (1 when none). */
function linkScale(pop: Population, act: Activity, target: number | undefined): number {
  if (target === undefined) return 1;
  let base = 0;
  let extra = 0;
  for (let i = 0; i < act.n; i++) {
    if (act.withdrawn[i]) continue;
    const u = act.author[i];
    base += pop.linkProb[u];
    extra += pop.linkProb[u] * LINKING[pop.persona[u]][0];
  }
  return extra > 0 ? Math.max(0, (target - base) / extra) : 1;
}

export function planLinks(seed: number, pop: Population, cal: Calendar, act: Activity, target?: number): LinkPlan {
  const rng = new Random(seed, 3);
  const nProjects = pop.nProjects;
  const scale = linkScale(pop, act, target);
  let cap = Math.max(1024, Math.round((target ?? act.n * 1.5) * 1.1));
  let from = new Int32Array(cap), to = new Int32Array(cap), type = new Uint8Array(cap), status = new Uint8Array(cap);
  let disputeLink = new Int32Array(256), disputeResolution = new Uint8Array(256);
  const authorship: number[] = [];
  const perProject = new Int32Array(nProjects);
  const lastOwn = new Int32Array(pop.nUsers + 1).fill(-1);
  const projPool = new Int32Array(nProjects * PROJECT_POOL), projCount = new Int32Array(nProjects);
  const globalPool = new Int32Array(GLOBAL_POOL);
  let globalCount = 0;
  const hubSlot = new Int8Array(pop.nUsers + 1).fill(-1);
  pop.hubs.forEach((u, h) => (hubSlot[u] = h));
  const hubPool = new Int32Array(pop.hubs.length * HUB_POOL), hubCount = new Int32Array(pop.hubs.length);
  let n = 0;
  let nDisputes = 0;
  let forcedToDemo = 0;

  const fromPool = (pool: Int32Array, offset: number, size: number, count: number): number => {
    if (count === 0) return -1;
    const filled = Math.min(size, count);
    const back = Math.floor(filled * rng.next() ** 2); // biased toward the most recent
    return pool[offset + ((count - 1 - back) % size)];
  };

  const pickTarget = (i: number, u: number, persona: number): number => {
    if (persona === Persona.ring && rng.chance(0.95)) {
      const m = pop.ring[rng.int(pop.ring.length)];
      return m === u ? -1 : lastOwn[m];
    }
    const [, selfShare, hubShare] = LINKING[persona];
    const r = rng.next();
    if (r < selfShare) return lastOwn[u];
    if (r < selfShare + hubShare && pop.hubs.length > 0) {
      let h = rng.int(pop.hubs.length);
      if (rng.chance(0.5)) h = pop.hubs.findIndex((x) => pop.home[x] === act.project[i]);
      if (h < 0 || pop.hubs[h] === u) return -1;
      return fromPool(hubPool, h * HUB_POOL, HUB_POOL, hubCount[h]);
    }
    if (r < selfShare + hubShare + 0.25 && n > 0) {
      const c = to[rng.int(n)];
      const owner = act.author[c];
      return owner === u || pop.persona[owner] === Persona.ring ? -1 : c;
    }
    const p = act.project[i];
    return rng.chance(0.8) ? fromPool(projPool, p * PROJECT_POOL, PROJECT_POOL, projCount[p]) : fromPool(globalPool, 0, GLOBAL_POOL, globalCount);
  };

  const statusOf = (i: number, c: number): number => {
    const u = act.author[i];
    const owner = act.author[c];
    if (owner === u || (pop.persona[u] === Persona.ring && pop.persona[owner] === Persona.ring)) return CONFIRMED;
    if (cal.endAt - act.time[i] < 14 * DAY_MS) return rng.chance(0.7) ? UNCONFIRMED : CONFIRMED;
    // an author who has left never confirms
    const ownerGone = cal.startAt + (pop.leaveWeek[owner] + 3) * WEEK_MS < act.time[i];
    return rng.chance(ownerGone ? 0.6 : 0.12) ? UNCONFIRMED : CONFIRMED;
  };

  const addLink = (i: number, c: number, linkType: number, linkStatus: number) => {
    if (n === cap) {
      cap *= 2;
      from = grow(from, cap);
      to = grow(to, cap);
      type = grow(type, cap);
      status = grow(status, cap);
    }
    from[n] = i;
    to[n] = c;
    type[n] = linkType;
    status[n] = linkStatus;
    perProject[act.project[i]]++;
    n++;
  };

  const chosen: number[] = [];
  for (let i = 0; i < act.n; i++) {
    const u = act.author[i];
    const persona = pop.persona[u];
    const age = cal.endAt - act.time[i];
    chosen.length = 0;
    if (!act.withdrawn[i] && rng.chance(pop.linkProb[u])) {
      const want = 1 + rng.poisson(LINKING[persona][0] * scale);
      for (let tries = 0; tries < want * 3 && chosen.length < want; tries++) {
        const c = pickTarget(i, u, persona);
        if (c < 0 || c >= i || act.withdrawn[c] || chosen.includes(c)) continue;
        chosen.push(c);
        let linkStatus = statusOf(i, c);
        const owner = act.author[c];
        if (owner !== u && persona !== Persona.ring && age > 2 * DAY_MS && rng.chance(persona === Persona.campaign ? 0.04 : 0.016)) {
          // a dispute: settled by a maintainer when it is old enough, else still open
          const resolution = age > 28 * DAY_MS && rng.chance(0.6) ? (rng.chance(0.55) ? UPHELD : DISMISSED) : OPEN;
          linkStatus = resolution === OPEN ? DISPUTED : resolution === UPHELD ? REMOVED : CONFIRMED;
          disputeLink = grow(disputeLink, nDisputes + 1);
          disputeResolution = grow(disputeResolution, nDisputes + 1);
          disputeLink[nDisputes] = n;
          disputeResolution[nDisputes] = resolution;
          nDisputes++;
        } else if (owner === u && rng.chance(0.01)) {
          linkStatus = REMOVED; // the author took back a link to their own work
        }
        addLink(i, c, linkTypeOf(rng, act.kind[i]), linkStatus);
      }
      // The demo contributor must find links to their work awaiting their confirmation.
      const demoTarget = lastOwn[CONTRIBUTOR_ID];
      if ((persona === Persona.core || persona === Persona.hub) && age < 21 * DAY_MS && forcedToDemo < 2 && demoTarget >= 0 && !chosen.includes(demoTarget)) {
        addLink(i, demoTarget, BUILDS_ON, UNCONFIRMED);
        forcedToDemo++;
      }
    }
    if (act.coStart[i + 1] > act.coStart[i] && age > 28 * DAY_MS && rng.chance(0.01)) authorship.push(i);
    if (act.withdrawn[i]) continue;
    lastOwn[u] = i;
    if (persona === Persona.ring) continue;
    const p = act.project[i];
    projPool[p * PROJECT_POOL + (projCount[p]++ % PROJECT_POOL)] = i;
    globalPool[globalCount++ % GLOBAL_POOL] = i;
    const h = hubSlot[u];
    if (h >= 0) hubPool[h * HUB_POOL + (hubCount[h]++ % HUB_POOL)] = i;
  }
  return {
    n,
    from: from.subarray(0, n), to: to.subarray(0, n), type: type.subarray(0, n), status: status.subarray(0, n),
    disputeLink: disputeLink.subarray(0, nDisputes), disputeResolution: disputeResolution.subarray(0, nDisputes),
    authorshipDisputes: Int32Array.from(authorship), perProject,
  };
}
