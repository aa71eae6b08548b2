import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { confirmLink, createLink, disputeLink, removeLink } from "../../lib/links/mutations";
import { countLinksAwaitingMe, countMyOpenDisputes, listLinksAwaitingMe, listMyOpenDisputes } from "../../lib/links/queries";
import { getContributionDetail } from "../../lib/contributions/queries";
import { AppError } from "../../lib/errors";
import type { Actor } from "../../lib/auth/actor";
import { actorOf, makeContribution, makeProject, makeUser, rowCounts } from "./factories";

let alice: Actor, bob: Actor, carol: Actor, maint: Actor, otherMaint: Actor, projectId: number;
const day = (d: number, h = 0) => new Date(Date.UTC(2026, 2, d, h));

beforeAll(async () => {
  const users = await Promise.all(["alice", "bob", "carol"].map((handle) => makeUser({ handle })));
  [alice, bob, carol] = await Promise.all(users.map(actorOf));
  const m = await makeUser({ handle: "mona", role: "maintainer" });
  const o = await makeUser({ handle: "otto", role: "maintainer" });
  projectId = (await makeProject({ maintainerIds: [m.id] })).id;
  await makeProject({ maintainerIds: [o.id] });
  maint = await actorOf(m);
  otherMaint = await actorOf(o);
});

async function codeOf(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return [e.code, e.message] as const;
}

describe("createLink", () => {
  test("links my newer work to older work, unconfirmed until the target's author confirms, audited", async () => {
    const base = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(1), title: "Base" });
    const mine = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(2) });
    const { id } = await createLink(alice, { fromId: String(mine.id), toId: String(base.id), type: "builds_on", note: "used the cleaned set" });
    const link = await prisma.link.findUniqueOrThrow({ where: { id } });
    expect([link.status, link.note, link.createdById]).toEqual(["unconfirmed", "used the cleaned set", alice.id]);
    expect(link.fromOccurredAt.toISOString()).toBe(day(2).toISOString());
    expect(await prisma.auditEvent.count({ where: { action: "link.create", entityId: String(id) } })).toBe(1);
    const awaiting = await listLinksAwaitingMe(bob);
    expect(awaiting.map((l) => l.id)).toEqual([id]);
  });

  test("confirms at once a link to my own older work", async () => {
    const a1 = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(3) });
    const a2 = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(4) });
    const { id } = await createLink(alice, { fromId: a2.id, toId: a1.id, type: "fixes", note: "" });
    expect((await prisma.link.findUniqueOrThrow({ where: { id } })).status).toBe("confirmed");
  });

  test("refuses self, forward-in-time, duplicate, withdrawn-target and not-my-work links with a clear message and writes nothing", async () => {
    const older = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(5), title: "Older" });
    const newer = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(7), title: "Newer work" });
    const mine = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(6) });
    const gone = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(5), deleted: true });
    await createLink(alice, { fromId: mine.id, toId: older.id, type: "cites", note: "" });
    const before = await rowCounts();
    expect(await codeOf(createLink(alice, { fromId: mine.id, toId: mine.id, type: "cites", note: "" }))).toEqual(["invalid_input", "A contribution cannot link to itself."]);
    expect(await codeOf(createLink(alice, { fromId: mine.id, toId: newer.id, type: "cites", note: "" }))).toEqual(["invalid_input", "A link must point to earlier work: “Newer work” happened after this contribution."]);
    expect(await codeOf(createLink(alice, { fromId: mine.id, toId: older.id, type: "cites", note: "" }))).toEqual(["conflict", "This link already exists."]);
    expect((await codeOf(createLink(alice, { fromId: mine.id, toId: gone.id, type: "cites", note: "" })))[0]).toBe("invalid_input");
    expect((await codeOf(createLink(carol, { fromId: mine.id, toId: older.id, type: "reviews", note: "" })))[0]).toBe("forbidden");
    expect((await codeOf(createLink(null, { fromId: mine.id, toId: older.id, type: "reviews", note: "" })))[0]).toBe("unauthenticated");
    expect((await codeOf(createLink(alice, { fromId: mine.id, toId: older.id, type: "inspires", note: "" })))[0]).toBe("invalid_input");
    expect((await codeOf(createLink(alice, { fromId: "x", toId: older.id, type: "cites", note: "" })))[0]).toBe("invalid_input");
    expect(await rowCounts()).toEqual(before);
  });

  test("the database itself refuses a forward or same-instant-newer link written around the checks", async () => {
    const a = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(8) });
    const b = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(8) });
    // Same instant: the one logged later (higher id) may build on the earlier one, never the reverse.
    await expect(prisma.link.create({ data: { fromId: a.id, toId: b.id, type: "cites" } })).rejects.toThrow(/links_backward_in_time/);
    await prisma.link.create({ data: { fromId: b.id, toId: a.id, type: "cites" } });
    await expect(prisma.link.create({ data: { fromId: a.id, toId: a.id, type: "cites" } })).rejects.toThrow(/links_no_self|links_backward_in_time/);
  });

  test("concurrent identical link requests store one link and refuse the rest", async () => {
    const base = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(9) });
    const mine = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(10) });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => createLink(alice, { fromId: mine.id, toId: base.id, type: "builds_on", note: "" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    expect(await prisma.link.count({ where: { fromId: mine.id } })).toBe(1);
  });
});

describe("confirm, dispute, remove", () => {
  async function pendingLink() {
    const base = await makeContribution({ projectId, authorIds: [bob.id, carol.id], occurredAt: day(11) });
    const mine = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(12) });
    const { id } = await createLink(alice, { fromId: mine.id, toId: base.id, type: "builds_on", note: "" });
    return { id, base, mine };
  }

  test("only the target's authors confirm; a second confirmation is refused", async () => {
    const { id } = await pendingLink();
    expect((await codeOf(confirmLink(alice, { linkId: id })))[0]).toBe("forbidden");
    expect((await codeOf(confirmLink(maint, { linkId: id })))[0]).toBe("forbidden");
    await confirmLink(carol, { linkId: String(id) });
    expect((await prisma.link.findUniqueOrThrow({ where: { id } })).status).toBe("confirmed");
    expect(await codeOf(confirmLink(bob, { linkId: id }))).toEqual(["conflict", "This link is already confirmed."]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "link.confirm", entityId: String(id) } });
    expect([(audit.before as { status: string }).status, (audit.after as { status: string }).status]).toEqual(["unconfirmed", "confirmed"]);
  });

  test("a dispute needs a reason, opens a dispute record and stops the link, in one transaction", async () => {
    const { id } = await pendingLink();
    const before = await rowCounts();
    const e = await codeOf(disputeLink(bob, { linkId: id, reason: "no" }));
    expect(e[0]).toBe("invalid_input");
    expect(await rowCounts()).toEqual(before);
    const { disputeId } = await disputeLink(bob, { linkId: id, reason: "This work does not use my dataset at all." });
    const d = await prisma.dispute.findUniqueOrThrow({ where: { id: disputeId } });
    expect([d.subject, d.linkId, d.raisedById, d.resolution]).toEqual(["link", id, bob.id, "open"]);
    expect((await prisma.link.findUniqueOrThrow({ where: { id } })).status).toBe("disputed");
    expect(await codeOf(disputeLink(carol, { linkId: id, reason: "Agreed, it does not use it." }))).toEqual(["conflict", "This link is already disputed."]);
    expect(await codeOf(confirmLink(carol, { linkId: id }))).toEqual(["conflict", "This link is disputed: a maintainer resolves it."]);
    expect((await listMyOpenDisputes(alice)).map((x) => x.id)).toContain(disputeId);
    expect((await listMyOpenDisputes(bob)).map((x) => x.id)).toContain(disputeId);
    // the profile's counts are the inbox's lengths
    for (const a of [alice, bob, carol]) {
      expect([await countMyOpenDisputes(a), await countLinksAwaitingMe(a)]).toEqual([(await listMyOpenDisputes(a)).length, (await listLinksAwaitingMe(a)).length]);
    }
    expect(await countMyOpenDisputes(alice)).toBeGreaterThan(0);
  });

  test("the project's maintainer may dispute; a maintainer of another project and the linker may not", async () => {
    const { id } = await pendingLink();
    expect((await codeOf(disputeLink(otherMaint, { linkId: id, reason: "Looks like a farming ring." })))[0]).toBe("forbidden");
    expect((await codeOf(disputeLink(alice, { linkId: id, reason: "Disputing my own link." })))[0]).toBe("forbidden");
    await disputeLink(maint, { linkId: id, reason: "Looks like a farming ring." });
  });

  test("the linker may remove an undisputed link; others may not", async () => {
    const { id } = await pendingLink();
    expect((await codeOf(removeLink(bob, { linkId: id })))[0]).toBe("forbidden");
    await removeLink(alice, { linkId: id });
    expect((await prisma.link.findUniqueOrThrow({ where: { id } })).status).toBe("removed");
    expect((await codeOf(removeLink(alice, { linkId: id })))[0]).toBe("conflict");
    expect((await codeOf(removeLink(alice, { linkId: 987654 })))[0]).toBe("not_found");
  });

  test("the contribution page shows incoming and outgoing links with what the viewer may do", async () => {
    const { id, base, mine } = await pendingLink();
    const forBob = await getContributionDetail(bob, base.id);
    expect(forBob?.linksIn.map((l) => [l.id, l.status, l.canConfirm, l.canDispute])).toEqual([[id, "unconfirmed", true, true]]);
    const forAlice = await getContributionDetail(alice, mine.id);
    expect(forAlice?.linksOut.map((l) => [l.id, l.canRemove])).toEqual([[id, true]]);
    expect(forAlice?.canEdit).toBe(true);
    expect((await getContributionDetail(carol, mine.id))?.canEdit).toBe(false);
  });
});
