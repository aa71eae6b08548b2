// The admin's reads: the overview's counts, the people list's search, filters and pages, and one
// person's page with their merges, all on a small community whose numbers are counted by hand.
import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import type { Actor } from "../../lib/auth/actor";
import { getAdminOverview } from "../../lib/users/admin-overview";
import { listPeople, PEOPLE_PAGE_SIZE } from "../../lib/users/admin-list";
import { getPersonForAdmin } from "../../lib/users/admin-person";
import { mergeIdentities } from "../../lib/users/merge";
import { undoMerge } from "../../lib/users/merge-undo";
import { actorOf, makeContribution, makeProject, makeUser } from "./factories";
import { makeSharedContribution } from "./admin-helpers";

let admin: Actor;
let ids: Record<string, number> = {};

// The community: root (admin), mae (maintainer of ocean), cory, dora (contributors), eve
// (deactivated), imp-one and imp-two (imported, no password; imp-two merged into cory).
// Projects: ocean, reef (archived). Contributions: 3 live (2 unreviewed), 1 withdrawn; one open
// dispute; one failed metric run.
beforeAll(async () => {
  const root = await makeUser({ role: "admin", handle: "root" });
  admin = await actorOf(root);
  const mae = await makeUser({ role: "maintainer", handle: "mae" });
  const cory = await makeUser({ handle: "cory" });
  const dora = await makeUser({ handle: "dora" });
  const eve = await makeUser({ handle: "eve" });
  await prisma.user.update({ where: { id: eve.id }, data: { deactivatedAt: new Date(), name: "Eve Ocean" } });
  const impOne = await prisma.user.create({ data: { handle: "imp-one", name: "Imp One", isImported: true } });
  const impTwo = await prisma.user.create({ data: { handle: "imp-two", name: cory.name, isImported: true } });
  ids = { root: root.id, mae: mae.id, cory: cory.id, dora: dora.id, eve: eve.id, impOne: impOne.id, impTwo: impTwo.id };
  const ocean = await makeProject({ slug: "ocean", maintainerIds: [mae.id] });
  await makeProject({ slug: "reef", archived: true });
  const c1 = await makeContribution({ projectId: ocean.id, authorIds: [cory.id] });
  await makeContribution({ projectId: ocean.id, authorIds: [dora.id, impOne.id] });
  await makeSharedContribution(ocean.id, [[impTwo.id, "0.5"], [cory.id, "0.5"]]);
  await makeContribution({ projectId: ocean.id, authorIds: [cory.id], deleted: true });
  await prisma.contribution.update({ where: { id: c1.id }, data: { status: "accepted" } });
  const link = await prisma.link.create({ data: { fromId: c1.id + 1, toId: c1.id, type: "builds_on", createdById: dora.id } });
  await prisma.dispute.create({ data: { subject: "link", linkId: link.id, raisedById: cory.id, reason: "Not built on mine" } });
  await prisma.metricRun.create({ data: { status: "failed", metricVersion: 1, paramsHash: "h", asOf: new Date(), error: "boom" } });
  await mergeIdentities(admin, { source: "imp-two", target: "cory" });
});

describe("getAdminOverview", () => {
  test("counts people by role and state, projects, live contributions, unreviewed work, open disputes and the last run", async () => {
    const o = await getAdminOverview();
    // active: root, mae, cory, dora, imp-one; eve deactivated; imp-two merged (deactivated by its merge)
    expect(o.people).toEqual({ contributor: 3, maintainer: 1, admin: 1 });
    expect([o.active, o.deactivated, o.merged, o.imported, o.unclaimedImported]).toEqual([5, 1, 1, 2, 1]);
    expect([o.projects, o.archivedProjects]).toEqual([1, 1]);
    // live: c1 (accepted), dora+imp-one (unreviewed), the shared one (unreviewed); the withdrawn one is out
    expect([o.contributions, o.unreviewed, o.openDisputes]).toEqual([3, 2, 1]);
    expect(o.lastRun).toMatchObject({ status: "failed", error: "boom" });
    expect(o.recomputeQueued).toBe(true);
  });
});

describe("listPeople", () => {
  const list = (over: Partial<Parameters<typeof listPeople>[0]> = {}) => listPeople({ q: "", role: undefined, state: undefined, page: 1, ...over });

  test("searches handles, names and emails, case-insensitively", async () => {
    expect((await list({ q: "DOR" })).rows.map((r) => r.handle)).toEqual(["dora"]);
    expect((await list({ q: "ocean" })).rows.map((r) => r.handle)).toEqual(["eve"]); // by name
    expect((await list({ q: "mae@example" })).rows.map((r) => r.handle)).toEqual(["mae"]); // by email
    expect((await list({ q: "@cory" })).rows.map((r) => r.handle)).toEqual(["cory"]);
  });

  test("filters by role and state, with counts per row", async () => {
    expect((await list({ role: "maintainer" })).rows.map((r) => [r.handle, r.maintains])).toEqual([["mae", 1]]);
    expect((await list({ state: "deactivated" })).rows.map((r) => r.handle)).toEqual(["eve"]);
    expect((await list({ state: "merged" })).rows.map((r) => [r.handle, r.mergedIntoHandle])).toEqual([["imp-two", "cory"]]);
    expect((await list({ state: "imported" })).rows.map((r) => r.handle)).toEqual(["imp-one", "imp-two"]);
    const active = await list({ state: "active" });
    expect(active.rows.map((r) => [r.handle, r.contributions])).toEqual([["cory", 2], ["dora", 1], ["imp-one", 1], ["mae", 0], ["root", 0]]);
  });

  test("pages by handle", async () => {
    for (let i = 0; i < PEOPLE_PAGE_SIZE; i++) await makeUser({ handle: `zz-page-${String(i).padStart(2, "0")}` });
    const first = await list({ q: "zz-page" });
    expect([first.total, first.pageCount, first.rows.length, first.rows[0].handle]).toEqual([PEOPLE_PAGE_SIZE, 1, PEOPLE_PAGE_SIZE, "zz-page-00"]);
    await makeUser({ handle: "zz-page-99" });
    const second = await list({ q: "zz-page", page: 2 });
    expect([second.total, second.pageCount, second.rows.map((r) => r.handle)]).toEqual([PEOPLE_PAGE_SIZE + 1, 2, ["zz-page-99"]]);
  });
});

describe("getPersonForAdmin", () => {
  test("shows role, maintained projects, contribution counts, the merge history and same-name identities", async () => {
    const cory = await getPersonForAdmin(ids.cory);
    expect(cory).toMatchObject({ handle: "cory", role: "contributor", isImported: false, hasPassword: false, contributions: 2, withdrawn: 1, mergedIntoHandle: null });
    expect(cory!.merges).toEqual([expect.objectContaining({ source: "imp-two", target: "cory", by: "root", moved: 1, coAuthored: 1, revertedAt: null })]);
    expect(cory!.duplicates).toEqual([]); // imp-two shares the name but is merged already
    const mae = await getPersonForAdmin(ids.mae);
    expect(mae!.maintains.map((p) => p.slug)).toEqual(["ocean"]);
    const impTwo = await getPersonForAdmin(ids.impTwo);
    expect([impTwo!.mergedIntoHandle, impTwo!.contributions]).toEqual(["cory", 0]);
    await undoMerge(admin, { mergeId: cory!.merges[0].id });
    const after = await getPersonForAdmin(ids.cory);
    expect(after!.merges[0]).toMatchObject({ revertedBy: "root" });
    expect(after!.duplicates.map((d) => [d.handle, d.isImported, d.contributions])).toEqual([["imp-two", true, 1]]);
    expect(await getPersonForAdmin(999999)).toBeNull();
  });
});
