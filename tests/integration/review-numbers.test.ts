// Review decisions change the stored numbers, end to end on the real database: each step decides
// through the review mutations, runs the real recompute (recomputeMetrics) and reads the stored
// per-contributor attribution of the newest run.
//
// Dataset (project P, maintainer m; every contribution unreviewed, mint 0.5; ρ = 0.3; as of
// 2026-02-02; all links builds_on and confirmed unless said):
// - a link ring: a1 (Jan 1), b1 (Jan 2), a2 (3), b2 (4), a3 (5), b3 (6) with b1→a1, a2→b1, b2→a2,
//   a3→b2, b3→a3: 2 members, 5 internal links, internal share 1, reciprocity 1 (METRICS.md §10
//   thresholds 0.8 / 0.5 / 5 links pass), so all 6 contributions are quarantined.
//   Cleared, the cascade (newest first): b3 keeps 0.35 and passes 0.15; a3 holds 0.65, keeps 0.455,
//   passes 0.195; b2 0.695 → keeps 0.4865, passes 0.2085; a2 0.7085 → 0.49595, 0.21255;
//   b1 0.71255 → 0.498785, 0.213765; a1 keeps 0.713765.
//   a = 0.455 + 0.49595 + 0.713765 = 1.664715, b = 0.35 + 0.4865 + 0.498785 = 1.335285.
// - c1 (Jan 2) alone: c = 0.5; rejected, c = 0.
// - f1 (Jan 7), d1 (Jan 8), e1 (Jan 9) with e1→d1 and e1→f1: e1 passes 0.15, split 1:1, so
//   d = f = 0.575, e = 0.35. Disputed e1→d1 (κ 0): f = 0.65, d = 0.5. Upheld as "cites" (weight 0.5,
//   confirmed again): d1 gets 0.15·0.5/1.5 = 0.05, f1 0.15·1/1.5 = 0.1: d = 0.55, f = 0.6.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { prisma } from "../../lib/db";
import { recomputeMetrics } from "../../lib/jobs/recompute";
import { decideRing } from "../../lib/review/ring-decisions";
import { decideContributions } from "../../lib/review/contribution-decisions";
import { resolveDispute } from "../../lib/review/dispute-resolution";
import { listRingQueue } from "../../lib/review/ring-queue";
import { listContributionQueue } from "../../lib/review/contribution-queue";
import { disputeLink } from "../../lib/links/mutations";
import { AppError } from "../../lib/errors";
import type { Actor } from "../../lib/auth/actor";
import { actorOf, makeContribution, makeProject, makeUser, rowCounts } from "./factories";

const AS_OF = Date.UTC(2026, 1, 2);
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 10));

let pool: pg.Pool;
let m: Actor, otto: Actor, a: Actor, c: Actor, d: Actor;
const ids = { a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, p: 0, c1: 0, ed: 0 };
let ring: number[];

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  // a is a maintainer of P too: a ring member who maintains the project must not clear the ring.
  const users = {
    a: await makeUser({ handle: "ring-a", role: "maintainer" }), b: await makeUser({ handle: "ring-b" }), c: await makeUser({ handle: "cara" }),
    d: await makeUser({ handle: "dina" }), e: await makeUser({ handle: "emil" }), f: await makeUser({ handle: "finn" }),
    m: await makeUser({ handle: "mona", role: "maintainer" }), o: await makeUser({ handle: "otto", role: "maintainer" }),
  };
  const p = await makeProject({ maintainerIds: [users.m.id, users.a.id] });
  await makeProject({ maintainerIds: [users.o.id] });
  Object.assign(ids, { a: users.a.id, b: users.b.id, c: users.c.id, d: users.d.id, e: users.e.id, f: users.f.id, p: p.id });
  const work = async (u: number, day: number) => (await makeContribution({ projectId: p.id, authorIds: [u], occurredAt: at(day) })).id;
  const [a1, b1, a2, b2, a3, b3] = [await work(ids.a, 1), await work(ids.b, 2), await work(ids.a, 3), await work(ids.b, 4), await work(ids.a, 5), await work(ids.b, 6)];
  ring = [a1, b1, a2, b2, a3, b3];
  for (const [from, to] of [[b1, a1], [a2, b1], [b2, a2], [a3, b2], [b3, a3]]) await prisma.link.create({ data: { fromId: from, toId: to, type: "builds_on", status: "confirmed" } });
  ids.c1 = await work(ids.c, 2);
  const f1 = await work(ids.f, 7);
  const d1 = await work(ids.d, 8);
  const e1 = await work(ids.e, 9);
  ids.ed = (await prisma.link.create({ data: { fromId: e1, toId: d1, type: "builds_on", status: "confirmed" } })).id;
  await prisma.link.create({ data: { fromId: e1, toId: f1, type: "builds_on", status: "confirmed" } });
  [m, otto, a, c, d] = await Promise.all([users.m, users.o, users.a, users.c, users.d].map(actorOf));
});

afterAll(async () => {
  await pool.end();
});

/** Recomputes, then the stored whole-history attribution of each contributor in the ecosystem and in P. */
async function recomputeAttribution() {
  const s = await recomputeMetrics(pool, { asOfMs: AS_OF, threads: 1 });
  const { rows } = await pool.query<{ scope: string; user_id: number; attribution: number }>(
    "SELECT scope, user_id, attribution FROM metric_contributor_summaries WHERE run_id = $1", [s.runId]);
  const of = (scope: string) => Object.fromEntries(rows.filter((r) => r.scope === scope).map((r) => [r.user_id, r.attribution]));
  return { summary: s, all: of("all"), project: of(`project:${ids.p}`) };
}

async function refusal(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return [e.code, e.message] as const;
}

describe("review decisions change the stored numbers", () => {
  test("ring detection quarantines the ring: its members' stored attribution is 0, the ring is stored per scope", async () => {
    const r = await recomputeAttribution();
    expect(r.summary.quarantined).toBe(6);
    expect([r.all[ids.a], r.all[ids.b], r.project[ids.a], r.project[ids.b]]).toEqual([0, 0, 0, 0]);
    expect(r.all[ids.c]).toBeCloseTo(0.5, 12);
    expect(r.all[ids.d]).toBeCloseTo(0.575, 12);
    expect(r.all[ids.f]).toBeCloseTo(0.575, 12);
    for (const scope of ["all", `project:${ids.p}`]) {
      const { rows } = await pool.query("SELECT data FROM metric_documents WHERE run_id = $1 AND scope = $2 AND period_unit = 'week' AND key = 'gaming'", [r.summary.runId, scope]);
      expect(rows[0].data.rings.map((x: { members: number[]; internalLinks: number; internalShare: number; reciprocity: number; contributionIds: number[] }) =>
        [x.members, x.internalLinks, x.internalShare, x.reciprocity, x.contributionIds])).toEqual([[[ids.a, ids.b], 5, 1, 1, ring]]);
    }
  });

  test("the rings queue shows the ring to the project's maintainer with its members' stored credit, not to others", async () => {
    const q = await listRingQueue(m);
    expect(q.rings.map((r) => [r.key, r.state, r.canDecide, r.isMember, r.attributionScope, r.memberViews.map((v) => [v.handle, v.attribution])])).toEqual([
      [ring.join(","), "pending", true, false, `project:${ids.p}`, [["ring-a", 0], ["ring-b", 0]]],
    ]);
    expect(q.rings[0].contributions.map((c) => [c.id, c.status, c.decision, c.decidable])).toEqual(ring.map((id) => [id, "unreviewed", null, true]));
    const member = await listRingQueue(a);
    expect([member.rings[0].isMember, member.rings[0].canDecide]).toEqual([true, false]);
    expect((await listRingQueue(otto)).rings).toEqual([]);
    // The contributions queue marks ring work: accepting it changes nothing while the ring stands.
    const queue = await listContributionQueue(m, { status: "unreviewed", page: 1 });
    expect(queue.rows.filter((r) => r.inRing).map((r) => r.id)).toEqual(ring);
  });

  test("a ring member, a contributor, another project's maintainer and a stale ring are refused, changing no row", async () => {
    const before = [await rowCounts(), await prisma.ringReview.count(), await prisma.contribution.findMany({ select: { status: true }, orderBy: { id: "asc" } })];
    const input = { contributionIds: ring.join(","), decision: "clear", note: "" };
    expect(await refusal(decideRing(a, input))).toEqual(["forbidden", "You are one of this ring's members: another maintainer or an admin decides it."]);
    expect(await refusal(decideRing(c, input))).toEqual(["forbidden", "You do not have permission to do this."]);
    expect(await refusal(decideRing(otto, input))).toEqual(["forbidden", "None of this ring's contributions is in a project you maintain."]);
    expect(await refusal(decideRing(m, { ...input, contributionIds: ring.slice(1).join(",") })))
      .toEqual(["conflict", "This ring is not in the newest results any more (its links changed and the metrics were recomputed). Reload the queue."]);
    expect([await rowCounts(), await prisma.ringReview.count(), await prisma.contribution.findMany({ select: { status: true }, orderBy: { id: "asc" } })]).toEqual(before);
  });

  test("clearing the ring writes a cleared review per contribution, audited, and the recompute gives the members their cascade credit", async () => {
    expect(await decideRing(m, { contributionIds: ring.join(","), decision: "clear", note: "Two co-maintainers iterating on one pipeline." }))
      .toEqual({ decided: ring, decision: "cleared" });
    expect(await prisma.ringReview.findMany({ select: { contributionId: true, decision: true, decidedById: true }, orderBy: { contributionId: "asc" } }))
      .toEqual(ring.map((id) => ({ contributionId: id, decision: "cleared", decidedById: m.id })));
    const events = await prisma.auditEvent.findMany({ where: { action: "ring.clear" }, select: { entityId: true, before: true, after: true }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.entityId)).toEqual(ring.map(String));
    expect(events[0].before).toEqual({ id: ring[0], status: "unreviewed", version: 1, ringReview: null });
    expect(events[0].after).toEqual({ id: ring[0], status: "unreviewed", version: 1, ringReview: { decision: "cleared", note: "Two co-maintainers iterating on one pipeline.", decidedById: m.id } });
    expect(await refusal(decideRing(m, { contributionIds: ring.join(","), decision: "clear", note: "" }))).toEqual(["conflict", "This ring is already cleared."]);

    const r = await recomputeAttribution();
    expect(r.summary.quarantined).toBe(0);
    expect(r.all[ids.a]).toBeCloseTo(1.664715, 12);
    expect(r.all[ids.b]).toBeCloseTo(1.335285, 12);
    expect(r.project[ids.a]).toBeCloseTo(1.664715, 12);
    const [shown] = (await listRingQueue(m)).rings;
    expect(shown.state).toBe("cleared");
    expect(shown.memberViews[0].attribution).toBeCloseTo(1.664715, 12);
    expect((await listContributionQueue(m, { status: "unreviewed", page: 1 })).rows.filter((x) => x.inRing)).toEqual([]);
  });

  test("confirming quarantines the contributions in their stored status (0 again); clearing later restores their status and the credit", async () => {
    await decideRing(m, { contributionIds: ring.join(","), decision: "confirm", note: "On reflection: a points farm." });
    expect((await prisma.contribution.findMany({ where: { id: { in: ring } }, select: { status: true, version: true } })).every((x) => x.status === "quarantined" && x.version === 2)).toBe(true);
    expect(await prisma.ringReview.count({ where: { decision: "confirmed" } })).toBe(6);
    let r = await recomputeAttribution();
    expect([r.all[ids.a], r.all[ids.b]]).toEqual([0, 0]);
    // Detection says nothing new here (the ring is confirmed, not detected-only): quarantine is the stored status.
    expect(r.summary.quarantined).toBe(0);

    await decideRing(m, { contributionIds: ring.join(","), decision: "clear", note: "Reversed after an appeal." });
    const restored = await prisma.contribution.findMany({ where: { id: { in: ring } }, select: { status: true, version: true } });
    expect(restored.every((x) => x.status === "unreviewed" && x.version === 3)).toBe(true);
    const [last] = await prisma.auditEvent.findMany({ where: { action: "ring.clear", entityId: String(ring[0]) }, orderBy: { id: "desc" }, take: 1, select: { before: true, after: true } });
    expect([(last.before as { status: string }).status, (last.after as { status: string }).status]).toEqual(["quarantined", "unreviewed"]);
    r = await recomputeAttribution();
    expect(r.all[ids.a]).toBeCloseTo(1.664715, 12);
    expect(r.all[ids.b]).toBeCloseTo(1.335285, 12);
  });

  test("rejecting a contribution takes its author's stored attribution from 0.5 to 0", async () => {
    await decideContributions(m, { row: `reject:${ids.c1}:1` });
    const r = await recomputeAttribution();
    expect(r.all[ids.c]).toBe(0);
    expect(r.project[ids.c]).toBe(0);
  });

  test("a dispute stops the credit on its link; upheld as a citation, the link carries a third of e1's pass-through", async () => {
    const { disputeId } = await disputeLink(d, { linkId: ids.ed, reason: "Only cited in passing, not built on." });
    let r = await recomputeAttribution();
    expect(r.all[ids.d]).toBeCloseTo(0.5, 12);
    expect(r.all[ids.f]).toBeCloseTo(0.65, 12);
    await resolveDispute(m, { disputeId, outcome: "uphold", linkAction: "retype", newType: "cites", note: "It is a citation." });
    r = await recomputeAttribution();
    expect(r.all[ids.d]).toBeCloseTo(0.55, 12);
    expect(r.all[ids.f]).toBeCloseTo(0.6, 12);
    expect(r.all[ids.e]).toBeCloseTo(0.35, 12);
  });
});
