// What each reviewer's queues list: only their projects' work (admins: all), the longest-waiting
// first, with what they may decide; disputes whose target is in their projects.
import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { listContributionQueue } from "../../lib/review/contribution-queue";
import { listDisputeQueue } from "../../lib/review/dispute-queue";
import { countReviewQueues } from "../../lib/review/counts";
import { disputeLink } from "../../lib/links/mutations";
import type { Actor } from "../../lib/auth/actor";
import { actorOf, makeContribution, makeProject, makeUser } from "./factories";

let bob: Actor, mona: Actor, otto: Actor, admin: Actor;
const ids = { c1: 0, c2: 0, c3: 0, c4: 0, q1: 0, p: 0, q: 0, toP: 0, toQ: 0, byMona: 0 };
const day = (d: number) => new Date(Date.UTC(2026, 4, d, 9));

beforeAll(async () => {
  const b = await makeUser({ handle: "bob" });
  const m = await makeUser({ handle: "mona", role: "maintainer" });
  const o = await makeUser({ handle: "otto", role: "maintainer" });
  const a = await makeUser({ handle: "ada", role: "admin" });
  ids.p = (await makeProject({ maintainerIds: [m.id] })).id;
  ids.q = (await makeProject({ maintainerIds: [o.id] })).id;
  // Logged in this order; c1 happened last but waits longest.
  ids.c1 = (await makeContribution({ projectId: ids.p, authorIds: [b.id], occurredAt: day(9), title: "c1" })).id;
  ids.c2 = (await makeContribution({ projectId: ids.p, authorIds: [b.id], occurredAt: day(2), title: "c2" })).id;
  ids.c3 = (await makeContribution({ projectId: ids.p, authorIds: [b.id], occurredAt: day(3), title: "c3", deleted: true })).id;
  ids.c4 = (await makeContribution({ projectId: ids.p, authorIds: [m.id], occurredAt: day(4), title: "c4" })).id;
  ids.q1 = (await makeContribution({ projectId: ids.q, authorIds: [b.id], occurredAt: day(5), title: "q1" })).id;
  await prisma.contribution.update({ where: { id: ids.c2 }, data: { status: "accepted" } });
  [bob, mona, otto, admin] = await Promise.all([b, m, o, a].map(actorOf));

  // Links into P (c2) and into Q (q1), from later work; bob disputes neither: the maintainers do.
  const later = (await makeContribution({ projectId: ids.q, authorIds: [o.id], occurredAt: day(20), title: "later" })).id;
  const toP = await prisma.link.create({ data: { fromId: later, toId: ids.c2, type: "cites", status: "confirmed" } });
  const toQ = await prisma.link.create({ data: { fromId: ids.c1, toId: ids.q1, type: "builds_on", status: "unconfirmed" } });
  ids.toP = (await disputeLink(bob, { linkId: toP.id, reason: "That work never cited mine." })).disputeId;
  ids.toQ = (await disputeLink(otto, { linkId: toQ.id, reason: "It does not build on this at all." })).disputeId;
});

describe("the contributions queue", () => {
  test("lists a maintainer's unreviewed live work, longest waiting first, their own work not decidable", async () => {
    const q = await listContributionQueue(mona, { status: "unreviewed", page: 1 });
    expect(q.rows.map((r) => [r.title, r.canDecide, r.blockedReason])).toEqual([["c1", true, null], ["c4", false, "your own work"]]);
    expect([q.total, q.counts]).toEqual([2, { unreviewed: 2, accepted: 1 }]);
    expect(q.rows[0]._count).toEqual({ linksIn: 0, linksOut: 1 });
    expect(q.rows[0].linksOut.map((l) => [l.type, l.status, l.to.title])).toEqual([["builds_on", "disputed", "q1"]]);
  });

  test("filters by status, and never shows another project's work, whatever the project filter", async () => {
    expect((await listContributionQueue(mona, { status: "all", page: 1 })).rows.map((r) => r.title)).toEqual(["c1", "c2", "c4"]);
    expect((await listContributionQueue(mona, { status: "accepted", page: 1 })).rows.map((r) => r.title)).toEqual(["c2"]);
    expect((await listContributionQueue(mona, { status: "unreviewed", project: ids.q, page: 1 })).rows).toEqual([]);
    expect((await listContributionQueue(admin, { status: "unreviewed", page: 1 })).rows.map((r) => r.title)).toEqual(["c1", "c4", "q1", "later"]);
    expect((await listContributionQueue(admin, { status: "unreviewed", project: ids.q, page: 1 })).rows.map((r) => r.title)).toEqual(["q1", "later"]);
  });
});

describe("the disputes queue", () => {
  test("lists disputes on links into the maintainer's projects, with what a rejection restores", async () => {
    const q = await listDisputeQueue(mona, { state: "open", page: 1 });
    expect(q.rows.map((d) => [d.id, d.raisedBy.handle, d.reason, d.link?.from.title, d.link?.to.title, d.canResolve, d.restores]))
      .toEqual([[ids.toP, "bob", "That work never cited mine.", q.rows[0].link?.from.title, "c2", true, "confirmed"]]);
    const o = await listDisputeQueue(otto, { state: "open", page: 1 });
    expect(o.rows.map((d) => [d.id, d.canResolve, d.isRaiser, d.restores])).toEqual([[ids.toQ, false, true, "unconfirmed"]]);
    expect((await listDisputeQueue(admin, { state: "open", page: 1 })).rows.map((d) => d.id)).toEqual([ids.toP, ids.toQ]);
    expect((await listDisputeQueue(mona, { state: "resolved", page: 1 })).rows).toEqual([]);
  });

  test("counts what waits in each queue for the tabs", async () => {
    expect(await countReviewQueues(mona)).toEqual({ contributions: 2, disputes: 1, rings: 0 });
    expect(await countReviewQueues(admin)).toEqual({ contributions: 4, disputes: 2, rings: 0 });
  });
});
