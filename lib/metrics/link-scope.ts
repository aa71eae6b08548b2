// Which links count as one contributor building on another's work: the shared reading of coherence
// (§6), recognition (§7) and transactional participation (§8).
//
// A link counts unless it is disputed (the target's author rejected it; κ = 0 keeps it out of
// credit, so it is no evidence of recognition either) or one of its ends is quarantined as suspected
// gaming (a ring's links must not inflate coherence or recognition while a maintainer reviews them).
// Unconfirmed links count: confirmation is optional and most links are never confirmed.
//
// A counted link x→y goes to ANOTHER contributor's work when the author sets of x and y are
// disjoint. With co-authors, one shared author makes the link a self-link: the shared author would
// otherwise be recognizing their own work.

import { LINK_DISPUTED, STATUS_QUARANTINED } from "./codes";
import type { Graph } from "./graph";

export const LINK_IGNORED = 0;
/** counted, the two contributions share an author */
export const LINK_SELF = 1;
/** counted, disjoint author sets */
export const LINK_CROSS = 2;

const DAY_MS = 86_400_000;

function sharesAuthor(g: Graph, x: number, y: number): boolean {
  for (let a = g.authorStart[x]; a < g.authorStart[x + 1]; a++) {
    const u = g.authorIdx[a];
    for (let b = g.authorStart[y]; b < g.authorStart[y + 1]; b++) if (g.authorIdx[b] === u) return true;
  }
  return false;
}

interface Classified {
  status: Uint8Array;
  outStatus: Uint8Array;
  result: Uint8Array;
}

/**
 * One classification per graph, shared by every scope and window of a run (hubs alone asks for it
 * once per window, hundreds of times at benchmark size). The statuses it read are kept and compared
 * on reuse, because the engine quarantines contributions in place after building the graph.
 */
const classified = new WeakMap<Graph, Classified>();

/** Byte equality, four bytes at a time where both arrays are aligned for it (a check per window). */
function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = a.length >> 2;
    const wa = new Int32Array(a.buffer, a.byteOffset, words), wb = new Int32Array(b.buffer, b.byteOffset, words);
    for (let k = 0; k < words; k++) if (wa[k] !== wb[k]) return false;
    i = words << 2;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Per edge: LINK_IGNORED, LINK_SELF or LINK_CROSS. O(E · authors²), authors being 1–3 in practice.
 * The array is shared between callers: read it, never write it.
 */
export function classifyLinks(g: Graph): Uint8Array {
  const hit = classified.get(g);
  if (hit && same(hit.status, g.status) && same(hit.outStatus, g.outStatus)) return hit.result;
  const result = classifyLinksOnce(g);
  classified.set(g, { status: g.status.slice(), outStatus: g.outStatus.slice(), result });
  return result;
}

function classifyLinksOnce(g: Graph): Uint8Array {
  const out = new Uint8Array(g.nE);
  for (let e = 0; e < g.nE; e++) {
    const x = g.edgeFrom[e];
    const y = g.outTo[e];
    if (g.outStatus[e] === LINK_DISPUTED) continue;
    if (g.status[x] === STATUS_QUARANTINED || g.status[y] === STATUS_QUARANTINED) continue;
    out[e] = sharesAuthor(g, x, y) ? LINK_SELF : LINK_CROSS;
  }
  return out;
}

export interface Recognition {
  /** cross links received within W days from sources at or before asOf, per contribution */
  withinWindow: Int32Array;
  /** ms from the contribution to its first cross link received (any delay), NaN when none yet */
  firstDelay: Float64Array;
}

/**
 * Recognition received by the first `included` contributions (those at or before asOf). A link from
 * x can only be seen if x is included too; since links never point forward in time, its index can
 * still be on either side of the target's when both share an instant, hence the explicit check.
 */
/** Per classification array (one per graph and statuses, see classifyLinks), by `included:windowDays`. */
const recognized = new WeakMap<Uint8Array, Map<string, Recognition>>();

/**
 * Recognition as below, computed once per classification, asOf and window: every scope and unit of
 * a run asks for the same graph-wide arrays. They are shared: read them, never write them.
 */
export function recognitionOf(g: Graph, cls: Uint8Array, included: number, windowDays: number): Recognition {
  let byKey = recognized.get(cls);
  if (!byKey) recognized.set(cls, (byKey = new Map()));
  const key = `${included}:${windowDays}`;
  let r = byKey.get(key);
  if (!r) byKey.set(key, (r = recognitionOnce(g, cls, included, windowDays)));
  return r;
}

function recognitionOnce(g: Graph, cls: Uint8Array, included: number, windowDays: number): Recognition {
  const W = windowDays * DAY_MS;
  const withinWindow = new Int32Array(g.nC);
  const firstDelay = new Float64Array(g.nC).fill(NaN);
  for (let j = 0; j < included; j++) {
    let first = Infinity;
    let n = 0;
    for (let k = g.inStart[j]; k < g.inStart[j + 1]; k++) {
      const e = g.inEdge[k];
      const x = g.edgeFrom[e];
      if (cls[e] !== LINK_CROSS || x >= included) continue;
      const d = g.time[x] - g.time[j];
      if (d < first) first = d;
      if (d <= W) n++;
    }
    withinWindow[j] = n;
    if (first !== Infinity) firstDelay[j] = first;
  }
  return { withinWindow, firstDelay };
}

/** 1 for contributions with at least one counted cross link out (to another contributor's work). */
export function linksToOthers(g: Graph, cls: Uint8Array, included: number): Uint8Array {
  const out = new Uint8Array(g.nC);
  for (let i = 0; i < included; i++) {
    for (let e = g.outStart[i]; e < g.outStart[i + 1]; e++) {
      if (cls[e] === LINK_CROSS) {
        out[i] = 1;
        break;
      }
    }
  }
  return out;
}

/** First graph index whose time is ≥ ms (time is sorted ascending). */
export function lowerBoundTime(time: Float64Array, ms: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of graph contributions at or before `ms` (the first index whose time is > ms). */
export function countUpTo(time: Float64Array, ms: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
