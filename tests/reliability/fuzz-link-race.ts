// One race of link creations: fresh work in alpha on the given dates (equal dates make the
// "stored later" tie-break decide), then every requested link (a self link when both ends are the
// same, the same link twice when a pair repeats) posted at once through POST /api/v1/links. The
// outcome: no 5xx, clear refusals, exactly one new link row and at least one audit event per
// acceptance, and the links among this work form no cycle.
import * as links from "../../app/api/v1/links/route";
import { prisma } from "../../lib/db";
import { everyTableCount } from "../integration/authz/table-counts";
import type { World } from "../integration/authz/world";
import { makeContribution } from "../integration/factories";
import { changedTables, unclearMessage, type FuzzTally } from "./fuzz-check";

export interface LinkRaceResult {
  accepted: number;
  refused: number;
  /** the ids of a stored cycle, or null */
  cycle: number[] | null;
}

const TYPES = ["builds_on", "cites", "builds_on", "reviews"] as const;

type Answer = { status: number; json: { error?: { code?: string; message?: string } } };

async function post(token: string, body: unknown): Promise<Answer> {
  const req = new Request("http://localhost/api/v1/links", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  const res = await links.POST(req);
  return { status: res.status, json: await res.json() };
}

/** A cycle in the directed graph, by depth-first search, or null. */
export function findCycle(edges: [number, number][]): number[] | null {
  const out = new Map<number, number[]>();
  for (const [a, b] of edges) out.set(a, [...(out.get(a) ?? []), b]);
  const state = new Map<number, 1 | 2>();
  const stack: number[] = [];
  const visit = (v: number): number[] | null => {
    state.set(v, 1);
    stack.push(v);
    for (const u of out.get(v) ?? []) {
      if (state.get(u) === 1) return [...stack.slice(stack.indexOf(u)), u];
      if (!state.has(u)) {
        const c = visit(u);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(v, 2);
    return null;
  };
  for (const v of out.keys()) if (!state.has(v)) {
    const c = visit(v);
    if (c) return c;
  }
  return null;
}

export async function concurrentLinkCase(w: World, tally: FuzzTally, dates: string[], pairs: [number, number][]): Promise<LinkRaceResult> {
  const work: { id: number }[] = [];
  for (const d of dates) work.push(await makeContribution({ projectId: w.alpha.id, authorIds: [w.actors.contributor.id], occurredAt: new Date(`${d}T00:00:00Z`) }));
  const attempts = pairs.map(([a, b], i) => ({ fromId: work[a % work.length].id, toId: work[b % work.length].id, type: TYPES[i % 2 === 0 ? 0 : (i >> 1) % TYPES.length] }));
  const before = await everyTableCount();
  const answers = await Promise.all(attempts.map((body) => post(w.tokens.contributor, body).catch((e: Error): Answer => ({ status: 599, json: { error: { message: e.message } } }))));
  const changed = changedTables(before, await everyTableCount());
  let accepted = 0;
  let refused = 0;
  answers.forEach((a, i) => {
    tally.cases++;
    const where = `${JSON.stringify(attempts[i])} raced with ${attempts.length - 1} others`;
    if (a.status >= 500) {
      tally.serverErrors++;
      tally.problems.push(`${a.status} ${a.json.error?.message} at ${where}`);
    } else if (a.status >= 400) {
      refused++;
      const why = unclearMessage(a.json.error?.message) ?? (a.json.error?.code ? null : "no code");
      if (why) {
        tally.unclearRefusals++;
        tally.problems.push(`unclear refusal (${why}) at ${where}`);
      }
    } else accepted++;
  });
  tally.accepted += accepted;
  tally.refused += refused;
  if ((changed.links ?? 0) !== accepted || (accepted > 0 && !((changed.audit_events ?? 0) >= accepted))) {
    tally.partialWrites++;
    tally.problems.push(`${accepted} links accepted, tables changed by ${JSON.stringify(changed)}`);
  }
  const ids = work.map((c) => c.id);
  const stored = await prisma.link.findMany({ where: { fromId: { in: ids }, toId: { in: ids } }, select: { fromId: true, toId: true } });
  return { accepted, refused, cycle: findCycle(stored.map((l) => [l.fromId, l.toId])) };
}
