// Projects and their maintainers: exact rows, audit events before and after, slug rules, the
// promotion a maintainer needs, and every refusal for lower roles changing nothing.
import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { loadActor, type Actor } from "../../lib/auth/actor";
import { archiveProject, createProject, unarchiveProject, updateProject } from "../../lib/projects/mutations";
import { addMaintainer, removeMaintainer } from "../../lib/projects/maintainers";
import { listProjectsForAdmin, getProjectForAdmin } from "../../lib/projects/queries";
import { actorOf, makeContribution, makeProject, makeUser } from "./factories";
import { adminState, expectAppError, lastAudit } from "./admin-helpers";

let admin: Actor, maintainer: Actor, contributor: Actor;

beforeAll(async () => {
  const [a, m, c] = [await makeUser({ role: "admin", handle: "root" }), await makeUser({ role: "maintainer", handle: "mae" }), await makeUser({ handle: "cory" })];
  [admin, maintainer, contributor] = await Promise.all([actorOf(a), actorOf(m), actorOf(c)]);
});

const fields = (over: Record<string, unknown> = {}) => ({ slug: "kelp-watch", name: "Kelp Watch", kind: "datanet", description: "Kelp forest surveys.", ...over });

describe("create and edit", () => {
  let id: number;

  test("creates a project and audits it", async () => {
    id = (await createProject(admin, fields({ slug: "  Kelp-Watch " }))).id;
    const row = await prisma.project.findUniqueOrThrow({ where: { id }, select: { slug: true, name: true, kind: true, description: true, archivedAt: true } });
    expect(row).toEqual({ slug: "kelp-watch", name: "Kelp Watch", kind: "datanet", description: "Kelp forest surveys.", archivedAt: null });
    const audit = await lastAudit();
    expect([audit.actorId, audit.action, audit.entityType, audit.entityId, audit.before]).toEqual([admin.id, "project.create", "project", String(id), null]);
    expect(audit.after).toEqual({ id, slug: "kelp-watch", name: "Kelp Watch", kind: "datanet", description: "Kelp forest surveys.", archivedAt: null });
  });

  test("refuses a taken or malformed slug beside the field, and lower roles, creating nothing", async () => {
    const before = await adminState();
    let e = await expectAppError(createProject(admin, fields()), "invalid_input");
    expect(e.fieldErrors).toEqual({ slug: "“kelp-watch” is already the slug of Kelp Watch" });
    e = await expectAppError(createProject(admin, fields({ slug: "-bad slug", name: " ", kind: "garden" })), "invalid_input");
    expect(e.fieldErrors).toEqual({
      slug: "2–63 characters: lower-case letters, digits and -, not starting or ending with -",
      name: "Name is required",
      kind: "Choose a kind",
    });
    e = await expectAppError(createProject(admin, fields({ slug: "x" })), "invalid_input");
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["slug"]);
    await expectAppError(createProject(contributor, fields({ slug: "other" })), "forbidden", "Only admins can manage projects.");
    await expectAppError(createProject(maintainer, fields({ slug: "other" })), "forbidden", "Only admins can manage projects.");
    await expectAppError(createProject(null, fields({ slug: "other" })), "unauthenticated");
    expect(await adminState()).toEqual(before);
  });

  test("edits a project with the before and after in the audit", async () => {
    await updateProject(admin, { id: String(id), ...fields({ slug: "kelp", name: "Kelp Watch 2", kind: "community", description: "" }) });
    const audit = await lastAudit();
    expect(audit.action).toBe("project.update");
    expect(audit.before).toEqual({ id, slug: "kelp-watch", name: "Kelp Watch", kind: "datanet", description: "Kelp forest surveys.", archivedAt: null });
    expect(audit.after).toEqual({ id, slug: "kelp", name: "Kelp Watch 2", kind: "community", description: "", archivedAt: null });
  });

  test("refuses an edit to another project's slug, a missing project and lower roles, changing nothing", async () => {
    await makeProject({ slug: "taken-slug" });
    const before = await adminState();
    const e = await expectAppError(updateProject(admin, { id, ...fields({ slug: "taken-slug" }) }), "invalid_input");
    expect(e.fieldErrors?.slug).toMatch(/^“taken-slug” is already the slug of Project \d+$/);
    await expectAppError(updateProject(admin, { id: 999999, ...fields({ slug: "free-slug" }) }), "not_found");
    await expectAppError(updateProject(contributor, { id, ...fields() }), "forbidden");
    await expectAppError(updateProject(maintainer, { id, ...fields() }), "forbidden");
    expect(await adminState()).toEqual(before);
  });

  test("archives and unarchives, refusing repeats and lower roles", async () => {
    await archiveProject(admin, { projectId: id });
    let audit = await lastAudit();
    expect(audit.action).toBe("project.archive");
    expect((audit.before as { archivedAt: null }).archivedAt).toBeNull();
    expect((audit.after as { archivedAt: string }).archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const before = await adminState();
    await expectAppError(archiveProject(admin, { projectId: id }), "conflict", "Kelp Watch 2 is already archived.");
    await expectAppError(unarchiveProject(contributor, { projectId: id }), "forbidden");
    await expectAppError(unarchiveProject(maintainer, { projectId: id }), "forbidden");
    expect(await adminState()).toEqual(before);
    await unarchiveProject(admin, { projectId: id });
    audit = await lastAudit();
    expect([audit.action, (audit.after as { archivedAt: null }).archivedAt]).toEqual(["project.unarchive", null]);
    await expectAppError(unarchiveProject(admin, { projectId: id }), "conflict", "Kelp Watch 2 is not archived.");
  });
});

describe("maintainers", () => {
  let projectId: number;
  beforeAll(async () => {
    projectId = (await makeProject({ slug: "reef" })).id;
  });

  test("adds a maintainer who already has the role, without touching their role", async () => {
    const u = await makeUser({ role: "maintainer", handle: "mel" });
    expect(await addMaintainer(admin, { projectId, handle: "@mel" })).toEqual({ userId: u.id, promoted: false });
    expect(await prisma.projectMaintainer.findMany({ where: { projectId }, select: { userId: true } })).toEqual([{ userId: u.id }]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion).toBe(0);
    const audit = await lastAudit();
    expect([audit.action, audit.entityType, audit.entityId]).toEqual(["project.maintainer_add", "project", String(projectId)]);
    expect(audit.before).toEqual({ maintainerIds: [] });
    expect(audit.after).toEqual({ maintainerIds: [u.id], added: { id: u.id, handle: "mel" } });
  });

  test("a contributor is refused unless the admin asks to promote them; then both changes are audited", async () => {
    const u = await makeUser({ handle: "nia" });
    const before = await adminState();
    const e = await expectAppError(addMaintainer(admin, { projectId, handle: "nia" }), "invalid_input");
    expect(e.fieldErrors).toEqual({ handle: "@nia is a contributor: tick “Promote to maintainer” to make them one" });
    expect(await adminState()).toEqual(before);
    const audits = await prisma.auditEvent.count();
    expect(await addMaintainer(admin, { projectId, handle: "nia", promote: "on" })).toEqual({ userId: u.id, promoted: true });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect([row.role, row.sessionVersion]).toEqual(["maintainer", 1]);
    expect((await loadActor(u.id, 1))?.maintainedProjectIds).toEqual([projectId]);
    const [roleEvent, addEvent] = await prisma.auditEvent.findMany({ where: { id: { gt: BigInt(0) } }, orderBy: { id: "asc" }, skip: audits });
    expect([roleEvent.action, roleEvent.entityId]).toEqual(["user.role_change", String(u.id)]);
    expect(roleEvent.before).toMatchObject({ role: "contributor", sessionVersion: 0, maintainedProjectIds: [] });
    expect(roleEvent.after).toMatchObject({ role: "maintainer", sessionVersion: 1, maintainedProjectIds: [projectId], reason: "maintainer of reef" });
    expect(addEvent.action).toBe("project.maintainer_add");
    expect((addEvent.after as { maintainerIds: number[] }).maintainerIds).toHaveLength(2);
  });

  test("refuses unknown, deactivated, repeated maintainers and lower roles, changing nothing", async () => {
    const gone = await makeUser({ role: "maintainer", handle: "gone" });
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const before = await adminState();
    let e = await expectAppError(addMaintainer(admin, { projectId, handle: "nobody" }), "invalid_input");
    expect(e.fieldErrors).toEqual({ handle: "No one has the handle @nobody" });
    e = await expectAppError(addMaintainer(admin, { projectId, handle: "gone" }), "invalid_input");
    expect(e.fieldErrors).toEqual({ handle: "@gone is deactivated" });
    const { name } = await prisma.project.findUniqueOrThrow({ where: { id: projectId } });
    await expectAppError(addMaintainer(admin, { projectId, handle: "mel" }), "conflict", `@mel already maintains ${name}.`);
    await expectAppError(addMaintainer(admin, { projectId: 999999, handle: "mel" }), "not_found");
    await expectAppError(addMaintainer(contributor, { projectId, handle: "mae" }), "forbidden");
    await expectAppError(addMaintainer(maintainer, { projectId, handle: "mae" }), "forbidden");
    await expectAppError(removeMaintainer(contributor, { projectId, userId: maintainer.id }), "forbidden");
    await expectAppError(removeMaintainer(maintainer, { projectId, userId: maintainer.id }), "forbidden");
    await expectAppError(removeMaintainer(admin, { projectId, userId: contributor.id }), "not_found");
    expect(await adminState()).toEqual(before);
  });

  test("removes a maintainer and keeps their role", async () => {
    const mel = await prisma.user.findUniqueOrThrow({ where: { handle: "mel" } });
    const nia = await prisma.user.findUniqueOrThrow({ where: { handle: "nia" } });
    await removeMaintainer(admin, { projectId, userId: String(mel.id) });
    expect(await prisma.projectMaintainer.findMany({ where: { projectId }, select: { userId: true } })).toEqual([{ userId: nia.id }]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: mel.id } })).role).toBe("maintainer");
    const audit = await lastAudit();
    expect(audit.action).toBe("project.maintainer_remove");
    expect(audit.before).toEqual({ maintainerIds: [mel.id, nia.id] });
    expect(audit.after).toEqual({ maintainerIds: [nia.id], removed: { id: mel.id, handle: "mel" } });
  });
});

describe("reads", () => {
  test("lists projects with their counts of contributions that were not withdrawn", async () => {
    const p = await makeProject({ slug: "counted" });
    const u = await makeUser({ handle: "writer" });
    await makeContribution({ projectId: p.id, authorIds: [u.id] });
    await makeContribution({ projectId: p.id, authorIds: [u.id] });
    await makeContribution({ projectId: p.id, authorIds: [u.id], deleted: true });
    await prisma.projectMaintainer.create({ data: { projectId: p.id, userId: maintainer.id } });
    const list = await listProjectsForAdmin({ q: "count", state: "active", page: 1 });
    expect(list.total).toBe(1);
    expect(list.rows.map((r) => [r.slug, r.contributions, r.maintainers.map((m) => m.handle)])).toEqual([["counted", 2, ["mae"]]]);
    expect((await getProjectForAdmin(p.id))?.contributions).toBe(2);
    const all = await listProjectsForAdmin({ q: "", state: "all", page: 1 });
    const active = await listProjectsForAdmin({ q: "", state: "active", page: 1 });
    const archived = await listProjectsForAdmin({ q: "", state: "archived", page: 1 });
    expect(active.total + archived.total).toBe(all.total);
  });
});
