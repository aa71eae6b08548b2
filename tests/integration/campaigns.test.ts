// Campaign writes on a real database: exact rows and audit events for each mutation, and every
// refusal (anonymous, contributor, another project's maintainer, a maintainer on an ecosystem
// campaign) leaving every table as it was.
import { describe, test, expect, beforeAll, beforeEach } from "vitest";
import { prisma } from "../../lib/db";
import { createCampaign, deleteCampaign, updateCampaign } from "../../lib/campaigns/mutations";
import { listCampaigns } from "../../lib/campaigns/queries";
import { AppError } from "../../lib/errors";
import type { Actor } from "../../lib/auth/actor";
import { actorOf, auditCount, makeProject, makeUser, rowCounts } from "./factories";

let admin: Actor, maintA: Actor, maintB: Actor, contributor: Actor;
let projectA: number, projectB: number, archived: number;

beforeAll(async () => {
  const [a, ma, mb, c] = await Promise.all([
    makeUser({ role: "admin", handle: "root" }), makeUser({ role: "maintainer", handle: "mara" }),
    makeUser({ role: "maintainer", handle: "milo" }), makeUser({ handle: "cody" }),
  ]);
  projectA = (await makeProject({ slug: "ocean", maintainerIds: [ma.id] })).id;
  projectB = (await makeProject({ slug: "reef", maintainerIds: [mb.id] })).id;
  archived = (await makeProject({ slug: "old", maintainerIds: [ma.id], archived: true })).id;
  [admin, maintA, maintB, contributor] = await Promise.all([actorOf(a), actorOf(ma), actorOf(mb), actorOf(c)]);
});

beforeEach(async () => {
  await prisma.job.deleteMany({});
});

const form = (over: Record<string, unknown> = {}) => ({
  name: "Spring labelling bounty", kind: "bounty", projectId: String(projectA), startAt: "2026-03-01T00:00", endAt: "2026-04-01T00:00", ...over,
});

async function everything() {
  const [rows, campaigns, jobs] = await Promise.all([
    rowCounts(),
    prisma.campaign.findMany({ orderBy: { id: "asc" } }),
    prisma.job.count(),
  ]);
  return { rows, campaigns, jobs };
}

async function expectRefused(run: () => Promise<unknown>, code: string, fieldErrors?: Record<string, string>) {
  const before = await everything();
  const e = await run().then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (fieldErrors) expect((e as AppError).fieldErrors).toEqual(fieldErrors);
  expect(await everything()).toEqual(before);
}

async function lastAudit() {
  const e = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
  return { actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, before: e.before, after: e.after };
}

const queuedReasons = async () => ((await prisma.job.findFirstOrThrow({ where: { kind: "metrics.recompute", status: "queued" } })).payload as { reasons: string[] }).reasons;

describe("createCampaign", () => {
  test("a maintainer creates a campaign in their project: one row, one audit event, one queued recompute", async () => {
    const audits = await auditCount();
    const { id } = await createCampaign(maintA, form());
    const row = await prisma.campaign.findUniqueOrThrow({ where: { id } });
    expect({ ...row, createdAt: undefined }).toEqual({
      id, name: "Spring labelling bounty", kind: "bounty", projectId: projectA,
      startAt: new Date("2026-03-01T00:00:00Z"), endAt: new Date("2026-04-01T00:00:00Z"), createdAt: undefined,
    });
    expect(await auditCount()).toBe(audits + 1);
    expect(await lastAudit()).toEqual({
      actorId: maintA.id, action: "campaign.create", entityType: "campaign", entityId: String(id), before: null,
      after: {
        id, name: "Spring labelling bounty", kind: "bounty", projectId: projectA,
        startAt: "2026-03-01T00:00:00.000Z", endAt: "2026-04-01T00:00:00.000Z", createdAt: row.createdAt.toISOString(),
      },
    });
    expect(await queuedReasons()).toEqual(["campaign.create"]);
  });

  test("an admin creates an ecosystem-wide campaign", async () => {
    const { id } = await createCampaign(admin, form({ name: "Genesis airdrop", kind: "airdrop", projectId: "ecosystem" }));
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id } })).projectId).toBeNull();
    expect((await lastAudit()).after).toMatchObject({ name: "Genesis airdrop", projectId: null });
  });

  test("refuses anonymous visitors, contributors, other projects' maintainers and maintainers on the ecosystem, changing nothing", async () => {
    await expectRefused(() => createCampaign(null, form()), "unauthenticated");
    await expectRefused(() => createCampaign(contributor, form()), "forbidden");
    await expectRefused(() => createCampaign(maintB, form()), "forbidden");
    await expectRefused(() => createCampaign(maintA, form({ projectId: "ecosystem" })), "forbidden");
  });

  test("refuses bad input with a message beside each field, changing nothing", async () => {
    await expectRefused(() => createCampaign(admin, form({ name: "x", kind: "raffle", endAt: "2026-02-01" })), "invalid_input", {
      name: "At least 3 characters", kind: "Choose a kind: bounty, airdrop, points, hackathon, grant", endAt: "The end must be after the start",
    });
    await expectRefused(() => createCampaign(admin, form({ projectId: "999999" })), "invalid_input", { projectId: "This project does not exist" });
    await expectRefused(() => createCampaign(maintA, form({ projectId: String(archived) })), "invalid_input", { projectId: "This project is archived: it takes no new campaigns" });
  });
});

describe("updateCampaign", () => {
  test("records the campaign before and after the edit", async () => {
    const { id } = await createCampaign(maintA, form({ name: "Hack week" , kind: "hackathon" }));
    const before = await prisma.campaign.findUniqueOrThrow({ where: { id } });
    await prisma.job.deleteMany({});
    const audits = await auditCount();
    await updateCampaign(maintA, { ...form({ name: "Hack fortnight", kind: "hackathon", endAt: "2026-03-15" }), id: String(id) });
    const after = await prisma.campaign.findUniqueOrThrow({ where: { id } });
    expect(after).toEqual({ ...before, name: "Hack fortnight", endAt: new Date("2026-03-15T00:00:00Z") });
    expect(await auditCount()).toBe(audits + 1);
    const event = await lastAudit();
    expect(event).toMatchObject({ actorId: maintA.id, action: "campaign.update", entityType: "campaign", entityId: String(id) });
    expect(event.before).toMatchObject({ name: "Hack week", endAt: "2026-04-01T00:00:00.000Z" });
    expect(event.after).toMatchObject({ name: "Hack fortnight", endAt: "2026-03-15T00:00:00.000Z" });
    expect(await queuedReasons()).toEqual(["campaign.update"]);
  });

  test("refuses other projects' maintainers (as not found), contributors, moving to a project one does not maintain, and maintainers on ecosystem campaigns", async () => {
    const { id } = await createCampaign(maintA, form({ name: "Grant round" , kind: "grant" }));
    const eco = await createCampaign(admin, form({ name: "Points season", kind: "points", projectId: "ecosystem" }));
    await prisma.job.deleteMany({});
    await expectRefused(() => updateCampaign(maintB, { ...form(), id: String(id) }), "not_found");
    await expectRefused(() => updateCampaign(contributor, { ...form(), id: String(id) }), "forbidden");
    await expectRefused(() => updateCampaign(maintA, { ...form({ projectId: String(projectB) }), id: String(id) }), "forbidden");
    await expectRefused(() => updateCampaign(maintA, { ...form({ projectId: "ecosystem" }), id: String(id) }), "forbidden");
    await expectRefused(() => updateCampaign(maintA, { ...form({ projectId: String(projectA) }), id: String(eco.id) }), "forbidden");
    await expectRefused(() => updateCampaign(admin, { ...form(), id: "999999" }), "not_found");
  });
});

describe("deleteCampaign", () => {
  test("removes the row and keeps the whole record in the audit event", async () => {
    const { id } = await createCampaign(admin, form({ name: "To delete", kind: "points", projectId: String(projectB) }));
    const row = await prisma.campaign.findUniqueOrThrow({ where: { id } });
    await prisma.job.deleteMany({});
    await expectRefused(() => deleteCampaign(maintA, String(id)), "not_found");
    await expectRefused(() => deleteCampaign(contributor, String(id)), "forbidden");
    await deleteCampaign(maintB, String(id));
    expect(await prisma.campaign.count({ where: { id } })).toBe(0);
    expect(await lastAudit()).toEqual({
      actorId: maintB.id, action: "campaign.delete", entityType: "campaign", entityId: String(id),
      before: { id, name: "To delete", kind: "points", projectId: projectB, startAt: "2026-03-01T00:00:00.000Z", endAt: "2026-04-01T00:00:00.000Z", createdAt: row.createdAt.toISOString() },
      after: null,
    });
    expect(await queuedReasons()).toEqual(["campaign.delete"]);
    await expectRefused(() => deleteCampaign(maintB, String(id)), "not_found");
  });
});

describe("listCampaigns", () => {
  test("admins see every campaign; a maintainer their projects' and the ecosystem's, with state at the given instant", async () => {
    await prisma.campaign.deleteMany({});
    const mk = (name: string, projectId: number | null, start: string, end: string) =>
      prisma.campaign.create({ data: { name, kind: "bounty", projectId, startAt: new Date(start), endAt: new Date(end) } });
    await mk("A ended", projectA, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z");
    await mk("B running", projectB, "2026-02-15T00:00:00Z", "2026-03-15T00:00:00Z");
    await mk("Eco upcoming", null, "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z");
    const now = new Date("2026-03-01T00:00:00Z");
    const view = async (actor: Actor, q = {}) => (await listCampaigns(actor, q, now)).map((c) => [c.name, c.state, c.canManage]);
    expect(await view(admin)).toEqual([["Eco upcoming", "upcoming", true], ["B running", "running", true], ["A ended", "ended", true]]);
    expect(await view(maintA)).toEqual([["Eco upcoming", "upcoming", false], ["A ended", "ended", true]]);
    expect(await view(contributor)).toEqual([]);
    expect(await view(admin, { state: "running" })).toEqual([["B running", "running", true]]);
    expect(await view(admin, { project: "ecosystem" })).toEqual([["Eco upcoming", "upcoming", true]]);
    expect(await view(maintA, { project: projectB })).toEqual([]);
  });
});
