// The audit log's reads: each filter alone and together, newest first, and cursor pages that
// neither overlap nor skip, walking older and back newer.
import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { listAuditEvents } from "../../lib/audit/queries";
import { parseAuditQuery } from "../../lib/validation/audit";
import { makeContribution, makeProject, makeUser } from "./factories";

let ids: string[] = [];
let aliceId: number, bobId: number, contributionId: number, campaignId: number;

// Twelve events, one per hour from 2026-03-01T00:00Z: alice acts on even hours, bob on odd ones;
// hours 0–3 touch the contribution, 4–7 the campaign, 8–11 the ecosystem parameters.
beforeAll(async () => {
  const [alice, bob] = await Promise.all([makeUser({ handle: "alice", role: "admin" }), makeUser({ handle: "bob" })]);
  aliceId = alice.id;
  bobId = bob.id;
  const project = await makeProject({ slug: "ocean" });
  contributionId = (await makeContribution({ projectId: project.id, authorIds: [bob.id] })).id;
  campaignId = (await prisma.campaign.create({ data: { name: "Bounty", kind: "bounty", projectId: project.id, startAt: new Date("2026-01-01Z"), endAt: new Date("2026-02-01Z") } })).id;
  for (let h = 0; h < 12; h++) {
    const [entityType, entityId, action] =
      h < 4 ? ["contribution", String(contributionId), h === 0 ? "contribution.create" : "contribution.update"]
      : h < 8 ? ["campaign", String(campaignId), h === 4 ? "campaign.create" : "campaign.update"]
      : ["metric_params", "ecosystem", "metric_params.update"];
    const e = await prisma.auditEvent.create({
      data: {
        actorId: h % 2 === 0 ? aliceId : bobId, action, entityType, entityId,
        before: h === 0 || h === 4 ? undefined : { n: h - 1 }, after: { n: h },
        createdAt: new Date(Date.UTC(2026, 2, 1, h)),
      },
      select: { id: true },
    });
    ids.push(e.id.toString());
  }
  ids = ids.reverse(); // newest first, as the log lists them
});

const list = async (q: Record<string, string>, pageSize?: number) => {
  const parsed = parseAuditQuery(q);
  expect(parsed.fieldErrors).toEqual({});
  return listAuditEvents(parsed.filter, pageSize);
};
const idsOf = async (q: Record<string, string>) => (await list(q)).events.map((e) => e.id);
const hours = (...hs: number[]) => hs.map((h) => ids[11 - h]);

describe("filters", () => {
  test("no filter lists everything, newest first", async () => {
    expect(await idsOf({})).toEqual(ids);
  });
  test("by actor handle", async () => {
    expect(await idsOf({ actor: "bob" })).toEqual(hours(11, 9, 7, 5, 3, 1));
    expect(await list({ actor: "nobody" })).toEqual({ events: [], olderCursor: null, newerCursor: null, unknownActor: true });
  });
  test("by entity type, and by entity type and id", async () => {
    expect(await idsOf({ entityType: "campaign" })).toEqual(hours(7, 6, 5, 4));
    expect(await idsOf({ entityType: "contribution", entityId: String(contributionId) })).toEqual(hours(3, 2, 1, 0));
    expect(await idsOf({ entityType: "contribution", entityId: "999999" })).toEqual([]);
  });
  test("by exact action and by action prefix", async () => {
    expect(await idsOf({ action: "campaign.create" })).toEqual(hours(4));
    expect(await idsOf({ action: "contribution.*" })).toEqual(hours(3, 2, 1, 0));
  });
  test("by time range: from inclusive, to covering its whole minute or day", async () => {
    expect(await idsOf({ from: "2026-03-01T09:00", to: "2026-03-01T10:00" })).toEqual(hours(10, 9));
    expect(await idsOf({ to: "2026-03-01" })).toEqual(ids);
    expect(await idsOf({ from: "2026-03-02" })).toEqual([]);
  });
  test("filters combine", async () => {
    expect(await idsOf({ actor: "alice", action: "metric_params.update", from: "2026-03-01T09:00" })).toEqual(hours(10));
  });
  test("each event carries who, what and a link to the entity's page", async () => {
    const [e] = (await list({ action: "campaign.create" })).events;
    expect(e).toEqual({
      id: hours(4)[0], createdAt: new Date("2026-03-01T04:00:00Z"), actor: { handle: "alice", name: expect.any(String) as string },
      action: "campaign.create", entityType: "campaign", entityId: String(campaignId), entityHref: `/campaigns/${campaignId}/edit`,
      before: null, after: { n: 4 },
    });
    const [p] = (await list({ entityType: "metric_params" })).events;
    expect(p.entityHref).toBe("/admin/parameters");
    const [c] = (await list({ entityType: "contribution" })).events;
    expect(c.entityHref).toBe(`/contributions/${contributionId}`);
  });
});

describe("cursor pages", () => {
  test("walking older pages of 5 covers every event once, in order, then walking newer comes back", async () => {
    const p1 = await list({}, 5);
    expect(p1.events.map((e) => e.id)).toEqual(ids.slice(0, 5));
    expect(p1.newerCursor).toBeNull();
    expect(p1.olderCursor).toBe(ids[4]);
    const p2 = await list({ before: p1.olderCursor! }, 5);
    expect(p2.events.map((e) => e.id)).toEqual(ids.slice(5, 10));
    expect(p2.newerCursor).toBe(ids[5]);
    expect(p2.olderCursor).toBe(ids[9]);
    const p3 = await list({ before: p2.olderCursor! }, 5);
    expect(p3.events.map((e) => e.id)).toEqual(ids.slice(10));
    expect(p3.olderCursor).toBeNull();
    expect(p3.newerCursor).toBe(ids[10]);
    const back = await list({ after: p3.newerCursor! }, 5);
    expect(back.events.map((e) => e.id)).toEqual(ids.slice(5, 10));
    expect(back.olderCursor).toBe(ids[9]);
    expect(back.newerCursor).toBe(ids[5]);
    const first = await list({ after: back.newerCursor! }, 5);
    expect(first.events.map((e) => e.id)).toEqual(ids.slice(0, 5));
    expect(first.newerCursor).toBeNull();
  });

  test("pages keep their filter: bob's six events in pages of 4", async () => {
    const p1 = await list({ actor: "bob" }, 4);
    const p2 = await list({ actor: "bob", before: p1.olderCursor! }, 4);
    expect([...p1.events, ...p2.events].map((e) => e.id)).toEqual(hours(11, 9, 7, 5, 3, 1));
    expect(p2.olderCursor).toBeNull();
  });
});

// Last: audit events are append-only (a trigger refuses deletes), so these stay for good.
describe("entity links", () => {
  test("people link to their admin page; a deleted entity gets no link", async () => {
    const gone = await prisma.campaign.create({ data: { name: "Gone", kind: "grant", startAt: new Date("2026-01-01Z"), endAt: new Date("2026-02-01Z") } });
    await prisma.$transaction([
      prisma.auditEvent.create({ data: { action: "user.role_change", entityType: "user", entityId: String(bobId), createdAt: new Date("2026-02-01Z") } }),
      prisma.auditEvent.create({ data: { action: "campaign.delete", entityType: "campaign", entityId: String(gone.id), createdAt: new Date("2026-02-01Z") } }),
    ]);
    await prisma.campaign.delete({ where: { id: gone.id } });
    const events = (await list({ to: "2026-02-01" })).events;
    expect(events.map((e) => [e.action, e.entityHref])).toEqual([["campaign.delete", null], ["user.role_change", `/admin/people/${bobId}`]]);
  });
});
