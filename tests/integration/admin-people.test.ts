// Role changes, deactivation and reactivation by an admin: exact rows, the audit events with the
// person before and after, sessions ended, and every refusal for lower roles changing nothing.
import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { loadActor, type Actor } from "../../lib/auth/actor";
import { changeUserRole } from "../../lib/users/admin-role";
import { deactivateUser, reactivateUser } from "../../lib/users/admin-activation";
import { actorOf, makeContribution, makeProject, makeUser } from "./factories";
import { adminState, expectAppError, lastAudit } from "./admin-helpers";

let admin: Actor, maintainer: Actor, contributor: Actor;
let adminRow: { id: number }, otherAdminId: number, projectId: number;

beforeAll(async () => {
  adminRow = await makeUser({ role: "admin", handle: "root" });
  otherAdminId = (await makeUser({ role: "admin", handle: "second-admin" })).id;
  const m = await makeUser({ role: "maintainer", handle: "mae" });
  const c = await makeUser({ handle: "cory" });
  [admin, maintainer, contributor] = await Promise.all([actorOf(adminRow), actorOf(m), actorOf(c)]);
  projectId = (await makeProject({ slug: "ocean", maintainerIds: [m.id] })).id;
});

const person = (u: { id: number; handle: string }, over: Record<string, unknown>) => ({
  id: u.id, handle: u.handle, name: expect.any(String), email: `${u.handle}@example.test`, role: "contributor", isImported: false,
  hasPassword: false, sessionVersion: 0, deactivatedAt: null, mergedIntoId: null, ...over,
});

describe("changeUserRole", () => {
  test("promotes a contributor, bumps their session version and audits the person before and after", async () => {
    const u = await makeUser({ handle: "pat" });
    expect(await loadActor(u.id, 0)).not.toBeNull();
    expect(await changeUserRole(admin, { userId: String(u.id), role: "maintainer" })).toEqual({ id: u.id, role: "maintainer", removedMaintainerships: 0 });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect([row.role, row.sessionVersion]).toEqual(["maintainer", 1]);
    expect(await loadActor(u.id, 0)).toBeNull(); // the old session is over
    const audit = await lastAudit();
    expect([audit.actorId, audit.action, audit.entityType, audit.entityId]).toEqual([admin.id, "user.role_change", "user", String(u.id)]);
    expect(audit.before).toEqual(person(u, { maintainedProjectIds: [] }));
    expect(audit.after).toEqual(person(u, { role: "maintainer", sessionVersion: 1, maintainedProjectIds: [] }));
  });

  test("demoting a maintainer to contributor also ends their maintainerships", async () => {
    const u = await makeUser({ role: "maintainer", handle: "max" });
    const p2 = await makeProject({ slug: "reef", maintainerIds: [u.id] });
    await prisma.projectMaintainer.create({ data: { projectId, userId: u.id } });
    const r = await changeUserRole(admin, { userId: u.id, role: "contributor" });
    expect(r.removedMaintainerships).toBe(2);
    expect(await prisma.projectMaintainer.findMany({ where: { userId: u.id } })).toEqual([]);
    const audit = await lastAudit();
    expect((audit.before as { maintainedProjectIds: number[] }).maintainedProjectIds).toEqual([projectId, p2.id].sort((a, b) => a - b));
    expect((audit.after as { role: string; maintainedProjectIds: number[] })).toMatchObject({ role: "contributor", maintainedProjectIds: [] });
  });

  test("refuses lower roles, oneself, a no-op, a merged identity and a bad role, changing no row", async () => {
    const u = await makeUser({ handle: "quinn" });
    const merged = await makeUser({ handle: "merged-one" });
    await prisma.user.update({ where: { id: merged.id }, data: { mergedIntoId: u.id, deactivatedAt: new Date() } });
    const before = await adminState();
    await expectAppError(changeUserRole(contributor, { userId: u.id, role: "maintainer" }), "forbidden", "Only admins can manage people.");
    await expectAppError(changeUserRole(maintainer, { userId: u.id, role: "maintainer" }), "forbidden", "Only admins can manage people.");
    await expectAppError(changeUserRole(null, { userId: u.id, role: "maintainer" }), "unauthenticated");
    await expectAppError(changeUserRole(admin, { userId: admin.id, role: "contributor" }), "forbidden", "You cannot change your own role: ask another admin.");
    await expectAppError(changeUserRole(admin, { userId: u.id, role: "contributor" }), "conflict", "@quinn is already a contributor.");
    await expectAppError(changeUserRole(admin, { userId: merged.id, role: "admin" }), "conflict", "@merged-one is merged into another identity: undo that merge first.");
    await expectAppError(changeUserRole(admin, { userId: 999999, role: "admin" }), "not_found");
    const bad = await expectAppError(changeUserRole(admin, { userId: u.id, role: "owner" }), "invalid_input");
    expect(bad.fieldErrors).toEqual({ role: "Choose contributor, maintainer or admin" });
    expect(await adminState()).toEqual(before);
  });

  test("refuses to demote the last active admin", async () => {
    // Two admins; the other one is deactivated in the meantime (the actor still holds a loaded session).
    const lone = await makeUser({ role: "admin", handle: "lone-admin" });
    const loneActor = await actorOf(lone);
    await prisma.user.updateMany({ where: { role: "admin", id: { not: lone.id } }, data: { deactivatedAt: new Date() } });
    const target = await makeUser({ role: "admin", handle: "target-admin" });
    await prisma.user.update({ where: { id: lone.id }, data: { deactivatedAt: new Date() } });
    const before = await adminState();
    await expectAppError(changeUserRole(loneActor, { userId: target.id, role: "maintainer" }), "conflict", "@target-admin is the last active admin: make someone else an admin first.");
    await expectAppError(deactivateUser(loneActor, { userId: target.id }), "conflict", "@target-admin is the last active admin: make someone else an admin first.");
    expect(await adminState()).toEqual(before);
    await prisma.user.updateMany({ where: { role: "admin" }, data: { deactivatedAt: null } });
  });
});

describe("deactivate and reactivate", () => {
  test("deactivation ends sessions and keeps the contributions; reactivation lets them back in", async () => {
    const u = await makeUser({ handle: "dana" });
    const c = await makeContribution({ projectId, authorIds: [u.id] });
    await deactivateUser(admin, { userId: u.id });
    let row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.deactivatedAt).not.toBeNull();
    expect(row.sessionVersion).toBe(1);
    expect(await loadActor(u.id, 1)).toBeNull(); // deactivated: no session works
    expect(await prisma.contributionAuthor.findMany({ where: { contributionId: c.id }, select: { userId: true } })).toEqual([{ userId: u.id }]);
    let audit = await lastAudit();
    expect([audit.action, audit.entityId]).toEqual(["user.deactivate", String(u.id)]);
    expect(audit.before).toEqual(person(u, {}));
    expect(audit.after).toEqual(person(u, { sessionVersion: 1, deactivatedAt: row.deactivatedAt!.toISOString() }));

    await reactivateUser(admin, { userId: u.id });
    row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect([row.deactivatedAt, row.sessionVersion]).toEqual([null, 2]);
    expect(await loadActor(u.id, 2)).not.toBeNull();
    audit = await lastAudit();
    expect([audit.action, audit.entityId]).toEqual(["user.reactivate", String(u.id)]);
    expect(audit.after).toEqual(person(u, { sessionVersion: 2 }));
  });

  test("an admin can deactivate another admin while one stays active", async () => {
    await deactivateUser(admin, { userId: otherAdminId });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: otherAdminId } })).deactivatedAt).not.toBeNull();
    await reactivateUser(admin, { userId: otherAdminId });
  });

  test("refuses lower roles, oneself, repeats and merged identities, changing no row", async () => {
    const active = await makeUser({ handle: "erin" });
    const inactive = await makeUser({ handle: "fay" });
    await prisma.user.update({ where: { id: inactive.id }, data: { deactivatedAt: new Date() } });
    const merged = await makeUser({ handle: "gil-old" });
    await prisma.user.update({ where: { id: merged.id }, data: { mergedIntoId: active.id, deactivatedAt: new Date() } });
    const before = await adminState();
    for (const actor of [contributor, maintainer]) {
      await expectAppError(deactivateUser(actor, { userId: active.id }), "forbidden");
      await expectAppError(reactivateUser(actor, { userId: inactive.id }), "forbidden");
    }
    await expectAppError(deactivateUser(admin, { userId: admin.id }), "forbidden", "You cannot deactivate your own account: ask another admin.");
    await expectAppError(deactivateUser(admin, { userId: inactive.id }), "conflict", "@fay is already deactivated.");
    await expectAppError(reactivateUser(admin, { userId: active.id }), "conflict", "@erin is already active.");
    await expectAppError(reactivateUser(admin, { userId: merged.id }), "conflict", "@gil-old is merged into another identity: undo that merge first.");
    await expectAppError(deactivateUser(admin, { userId: "abc" }), "invalid_input");
    expect(await adminState()).toEqual(before);
  });
});
