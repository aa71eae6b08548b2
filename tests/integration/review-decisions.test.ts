// The review queues' writes on a real database: accepting and rejecting contributions (singly, in
// bulk, stale versions) and resolving disputes (uphold by removal or retype, reject restoring the
// status the link had before). Each asserts the exact rows and audit events, and each refusal
// asserts that no row changed.
import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { decideContributions } from "../../lib/review/contribution-decisions";
import { resolveDispute } from "../../lib/review/dispute-resolution";
import { disputeLink } from "../../lib/links/mutations";
import { AppError } from "../../lib/errors";
import type { Actor } from "../../lib/auth/actor";
import { actorOf, makeContribution, makeProject, makeUser, rowCounts } from "./factories";

let alice: Actor, bob: Actor, mona: Actor, otto: Actor, admin: Actor, projectId: number, otherProjectId: number;
const day = (d: number) => new Date(Date.UTC(2026, 3, d, 9));

beforeAll(async () => {
  [alice, bob] = await Promise.all([makeUser({ handle: "alice" }), makeUser({ handle: "bob" })].map(async (u) => actorOf(await u)));
  const m = await makeUser({ handle: "mona", role: "maintainer" });
  const o = await makeUser({ handle: "otto", role: "maintainer" });
  const a = await makeUser({ handle: "ada", role: "admin" });
  projectId = (await makeProject({ maintainerIds: [m.id] })).id;
  otherProjectId = (await makeProject({ maintainerIds: [o.id] })).id;
  [mona, otto, admin] = await Promise.all([actorOf(m), actorOf(o), actorOf(a)]);
});

async function refusal(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return [e.code, e.status, e.message] as const;
}

/** Everything a refused decision could have touched. */
async function state() {
  const [counts, contributions, links, disputes, jobs] = await Promise.all([
    rowCounts(),
    prisma.contribution.findMany({ select: { id: true, status: true, version: true }, orderBy: { id: "asc" } }),
    prisma.link.findMany({ select: { id: true, status: true, type: true }, orderBy: { id: "asc" } }),
    prisma.dispute.findMany({ select: { id: true, resolution: true, resolutionNote: true, resolvedById: true }, orderBy: { id: "asc" } }),
    prisma.job.count(),
  ]);
  return { counts, contributions, links, disputes, jobs };
}

const auditOf = (action: string, entityId: number) =>
  prisma.auditEvent.findMany({ where: { action, entityId: String(entityId) }, select: { actorId: true, entityType: true, before: true, after: true } });

describe("decideContributions", () => {
  test("accepts one contribution: status, version bumped, audited with before and after, recompute queued", async () => {
    const c = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(1), title: "Tide labels" });
    await prisma.job.deleteMany();
    expect(await decideContributions(mona, { row: `accept:${c.id}:1` })).toEqual({ ids: [c.id], status: "accepted" });
    expect(await prisma.contribution.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, version: true } })).toEqual({ status: "accepted", version: 2 });
    const events = await auditOf("contribution.accept", c.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: mona.id, entityType: "contribution", before: { id: c.id, status: "unreviewed", version: 1 }, after: { id: c.id, status: "accepted", version: 2, title: "Tide labels" } });
    const jobs = await prisma.job.findMany({ select: { kind: true, status: true, payload: true } });
    expect(jobs).toEqual([{ kind: "metrics.recompute", status: "queued", payload: { reasons: ["contribution.accept"] } }]);
  });

  test("rejects several in one transaction, each audited", async () => {
    const cs = await Promise.all([2, 3, 4].map((d) => makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(d) })));
    await decideContributions(admin, { decision: "reject", item: cs.map((c) => `${c.id}:1`) });
    const rows = await prisma.contribution.findMany({ where: { id: { in: cs.map((c) => c.id) } }, select: { status: true, version: true }, orderBy: { id: "asc" } });
    expect(rows).toEqual([{ status: "rejected", version: 2 }, { status: "rejected", version: 2 }, { status: "rejected", version: 2 }]);
    for (const c of cs) expect((await auditOf("contribution.reject", c.id)).map((e) => [e.actorId, (e.before as { status: string }).status, (e.after as { status: string }).status])).toEqual([[admin.id, "unreviewed", "rejected"]]);
  });

  test("refuses the whole bulk decision with a 409 when one contribution changed since the page was read, and changes no row", async () => {
    const fresh = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(5) });
    const stale = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(6), title: "Edited meanwhile" });
    await prisma.contribution.update({ where: { id: stale.id }, data: { version: 2 } });
    const before = await state();
    expect(await refusal(decideContributions(mona, { decision: "accept", items: [`${fresh.id}:1`, `${stale.id}:1`] }))).toEqual([
      "conflict", 409, "“Edited meanwhile” changed after you opened this page. Reload to see its current state, then decide again.",
    ]);
    expect(await state()).toEqual(before);
  });

  test("refuses contributors, maintainers of other projects, authors of the work and bad input, changing no row", async () => {
    const c = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(7), title: "Reef counts" });
    const own = await makeContribution({ projectId, authorIds: [mona.id], occurredAt: day(8), title: "Mona's own" });
    const quarantined = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(9), title: "Ring work" });
    await prisma.contribution.update({ where: { id: quarantined.id }, data: { status: "quarantined" } });
    const before = await state();
    expect(await refusal(decideContributions(null, { row: `accept:${c.id}:1` }))).toEqual(["unauthenticated", 401, "Please sign in."]);
    expect(await refusal(decideContributions(alice, { row: `accept:${c.id}:1` }))).toEqual(["forbidden", 403, "You do not have permission to do this."]);
    expect(await refusal(decideContributions(otto, { row: `accept:${c.id}:1` }))).toEqual(["forbidden", 403, "“Reef counts” is not in a project you maintain."]);
    expect(await refusal(decideContributions(mona, { decision: "accept", items: [`${c.id}:1`, `${own.id}:1`] }))).toEqual(["forbidden", 403, "“Mona's own” is your own work: another maintainer or an admin reviews it."]);
    expect(await refusal(decideContributions(mona, { row: `accept:${quarantined.id}:1` }))).toEqual(["conflict", 409, "“Ring work” is quarantined as part of a link ring: clear the ring in the rings queue first."]);
    expect(await refusal(decideContributions(mona, { row: "accept:999999:1" }))).toEqual(["not_found", 404, "A contribution in this decision does not exist."]);
    expect(await refusal(decideContributions(mona, { decision: "accept", items: [] }))).toEqual(["invalid_input", 400, "Please correct the highlighted fields."]);
    expect(await refusal(decideContributions(mona, { decision: "approve", items: [`${c.id}:1`] }))).toEqual(["invalid_input", 400, "Please correct the highlighted fields."]);
    expect(await state()).toEqual(before);
    expect(otherProjectId).toBeGreaterThan(0);
  });
});

/** alice's x (newer) builds on bob's y in mona's project; bob disputes it (bob is the target's author). */
async function disputedLink(opts: { status: "confirmed" | "unconfirmed"; raiser?: Actor; title?: string }) {
  const y = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(10), title: opts.title ?? "Older survey" });
  const x = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(11), title: "Newer model" });
  const link = await prisma.link.create({ data: { fromId: x.id, toId: y.id, type: "builds_on", status: opts.status, createdById: alice.id } });
  const { disputeId } = await disputeLink(opts.raiser ?? bob, { linkId: link.id, reason: "It does not build on my survey at all." });
  return { linkId: link.id, disputeId, x, y };
}

describe("resolveDispute", () => {
  test("rejecting restores the status the link had before the dispute, from the dispute's audit event", async () => {
    const { linkId, disputeId } = await disputedLink({ status: "confirmed" });
    await prisma.job.deleteMany();
    expect(await resolveDispute(mona, { disputeId, outcome: "reject", note: "The model's card cites the survey." }))
      .toEqual({ disputeId, resolution: "rejected", link: { status: "confirmed", type: "builds_on" } });
    const d = await prisma.dispute.findUniqueOrThrow({ where: { id: disputeId } });
    expect([d.resolution, d.resolutionNote, d.resolvedById, d.resolvedAt !== null]).toEqual(["rejected", "The model's card cites the survey.", mona.id, true]);
    const [disputeEvent] = await auditOf("dispute.reject", disputeId);
    expect(disputeEvent).toMatchObject({ actorId: mona.id, entityType: "dispute", before: { resolution: "open", resolvedById: null }, after: { resolution: "rejected", resolvedById: mona.id } });
    const linkEvents = await auditOf("link.restore", linkId);
    expect(linkEvents.map((e) => [e.entityType, (e.before as { status: string }).status, (e.after as { status: string }).status])).toEqual([["link", "disputed", "confirmed"]]);
    expect(await prisma.job.count({ where: { kind: "metrics.recompute", status: "queued" } })).toBe(1);
  });

  test("rejecting a dispute on a link that was unconfirmed makes it unconfirmed again", async () => {
    const { linkId, disputeId } = await disputedLink({ status: "unconfirmed" });
    await resolveDispute(admin, { disputeId, outcome: "reject", note: "Not convincing." });
    expect((await prisma.link.findUniqueOrThrow({ where: { id: linkId } })).status).toBe("unconfirmed");
  });

  test("upholding removes the link, audited", async () => {
    const { linkId, disputeId } = await disputedLink({ status: "confirmed" });
    await resolveDispute(mona, { disputeId, outcome: "uphold", linkAction: "remove", note: "Unrelated work." });
    expect((await prisma.link.findUniqueOrThrow({ where: { id: linkId } })).status).toBe("removed");
    expect((await prisma.dispute.findUniqueOrThrow({ where: { id: disputeId } })).resolution).toBe("upheld");
    expect((await auditOf("link.remove", linkId)).map((e) => [(e.before as { status: string }).status, (e.after as { status: string }).status])).toEqual([["disputed", "removed"]]);
    expect(await auditOf("dispute.uphold", disputeId)).toHaveLength(1);
  });

  test("upholding with a new type keeps the link with that type and its status before the dispute", async () => {
    const { linkId, disputeId } = await disputedLink({ status: "confirmed" });
    expect(await resolveDispute(mona, { disputeId, outcome: "uphold", linkAction: "retype", newType: "cites", note: "It cites it, no more." }))
      .toEqual({ disputeId, resolution: "upheld", link: { status: "confirmed", type: "cites" } });
    expect((await auditOf("link.retype", linkId)).map((e) => [(e.before as { type: string }).type, (e.after as { type: string; status: string }).type, (e.after as { status: string }).status]))
      .toEqual([["builds_on", "cites", "confirmed"]]);
  });

  test("refuses the raiser, contributors, other projects' maintainers, a missing note and a second resolution, changing no row", async () => {
    const { disputeId } = await disputedLink({ status: "confirmed", raiser: mona });
    const second = await disputedLink({ status: "confirmed" });
    await resolveDispute(admin, { disputeId: second.disputeId, outcome: "reject", note: "Stands." });
    const before = await state();
    const note = "A fair reason.";
    expect(await refusal(resolveDispute(mona, { disputeId, outcome: "reject", note }))).toEqual(["forbidden", 403, "You raised this dispute: another maintainer or an admin resolves it."]);
    expect(await refusal(resolveDispute(bob, { disputeId, outcome: "reject", note }))).toEqual(["forbidden", 403, "You do not have permission to do this."]);
    expect(await refusal(resolveDispute(otto, { disputeId, outcome: "reject", note }))).toEqual(["forbidden", 403, "Only the maintainers of the disputed work's project, or an admin, resolve this dispute."]);
    const missing = await refusal(resolveDispute(admin, { disputeId, outcome: "reject", note: " " }));
    expect(missing).toEqual(["invalid_input", 400, "Please correct the highlighted fields."]);
    const e = await resolveDispute(admin, { disputeId, outcome: "uphold", linkAction: "retype", note }).catch((x: AppError) => x);
    expect((e as AppError).fieldErrors).toEqual({ newType: "Choose the link's new type" });
    expect(await refusal(resolveDispute(admin, { disputeId: second.disputeId, outcome: "uphold", note }))).toEqual(["conflict", 409, "This dispute was already rejected."]);
    expect(await refusal(resolveDispute(admin, { disputeId: 999999, outcome: "uphold", note }))).toEqual(["not_found", 404, "This dispute does not exist."]);
    expect(await state()).toEqual(before);
  });

  test("an authorship dispute is upheld with its note and no link changes", async () => {
    const c = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(12) });
    const d = await prisma.dispute.create({ data: { subject: "authorship", contributionId: c.id, raisedById: bob.id, reason: "I wrote half of it." } });
    const linksBefore = await prisma.link.findMany({ orderBy: { id: "asc" } });
    expect(await resolveDispute(mona, { disputeId: d.id, outcome: "uphold", note: "Bob's commits are in it." })).toEqual({ disputeId: d.id, resolution: "upheld", link: undefined });
    expect(await prisma.dispute.findUniqueOrThrow({ where: { id: d.id }, select: { resolution: true, resolutionNote: true, resolvedById: true } }))
      .toEqual({ resolution: "upheld", resolutionNote: "Bob's commits are in it.", resolvedById: mona.id });
    expect(await prisma.link.findMany({ orderBy: { id: "asc" } })).toEqual(linksBefore);
    expect(await refusal(resolveDispute(otto, { disputeId: d.id, outcome: "uphold", note: "x".repeat(6) }))).toEqual(["forbidden", 403, "Only the maintainers of the disputed work's project, or an admin, resolve this dispute."]);
  });
});
