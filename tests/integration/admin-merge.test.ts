// Merging two identities of one person, claiming an imported identity, and undoing either: the
// exact authorship rows, the merge record, the audit events, and every refusal changing nothing.
import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { loadActor, type Actor } from "../../lib/auth/actor";
import { claimImportedIdentity, mergeIdentities } from "../../lib/users/merge";
import { undoMerge } from "../../lib/users/merge-undo";
import { actorOf, makeProject, makeUser } from "./factories";
import { adminState, authorRows, expectAppError, lastAudit, makeSharedContribution, queuedReasons } from "./admin-helpers";

let admin: Actor, maintainer: Actor, contributor: Actor, projectId: number;
let S: number, T: number, O: number;
let c1: number, c2: number, c3: number, c4: number;

beforeAll(async () => {
  const [a, m, c] = [await makeUser({ role: "admin", handle: "root" }), await makeUser({ role: "maintainer", handle: "mae" }), await makeUser({ handle: "cory" })];
  [admin, maintainer, contributor] = await Promise.all([actorOf(a), actorOf(m), actorOf(c)]);
  // ids in this order: T < O, so fingerprints list T first
  S = (await makeUser({ handle: "ana-old" })).id;
  T = (await makeUser({ handle: "ana" })).id;
  O = (await makeUser({ handle: "olu" })).id;
  projectId = (await makeProject({ slug: "ocean", maintainerIds: [m.id] })).id;
  // c1: S alone; c2: S 25 % with T 75 % (co-authored); c3: S 40 % with O 60 %; c4: T alone
  c1 = (await makeSharedContribution(projectId, [[S, "1"]])).id;
  c2 = (await makeSharedContribution(projectId, [[S, "0.25"], [T, "0.75"]])).id;
  c3 = (await makeSharedContribution(projectId, [[S, "0.4"], [O, "0.6"]])).id;
  c4 = (await makeSharedContribution(projectId, [[T, "1"]])).id;
});

describe("merge then undo", () => {
  let mergeId: number;
  let original: [number, number, string][];

  test("moves the source's authorships to the target, adding the shares where both co-authored", async () => {
    original = await authorRows();
    expect(original).toEqual([[c1, S, "1"], [c2, S, "0.25"], [c2, T, "0.75"], [c3, S, "0.4"], [c3, O, "0.6"], [c4, T, "1"]]);
    const r = await mergeIdentities(admin, { source: String(S), target: "@ana" });
    mergeId = r.mergeId;
    expect(r).toEqual({ mergeId, sourceId: S, targetId: T, moved: 3, coAuthored: 1 });
    expect(await authorRows()).toEqual([[c1, T, "1"], [c2, T, "1"], [c3, T, "0.4"], [c3, O, "0.6"], [c4, T, "1"]]);
  });

  test("keeps what an undo needs, deactivates the source and ends its sessions", async () => {
    const merge = await prisma.identityMerge.findUniqueOrThrow({ where: { id: mergeId } });
    expect(merge).toMatchObject({ sourceId: S, targetId: T, createdById: admin.id, revertedAt: null });
    expect(merge.moved).toEqual([
      { contributionId: c1, share: "1.00000000", targetShareBefore: null, authorsAfter: `${T}:1.00000000` },
      { contributionId: c2, share: "0.25000000", targetShareBefore: "0.75000000", authorsAfter: `${T}:1.00000000` },
      { contributionId: c3, share: "0.40000000", targetShareBefore: null, authorsAfter: `${T}:0.40000000,${O}:0.60000000` },
    ]);
    expect(merge.sourceBefore).toEqual({ deactivatedAt: null, role: "contributor", mergedIntoId: null });
    const source = await prisma.user.findUniqueOrThrow({ where: { id: S } });
    expect(source.mergedIntoId).toBe(T);
    expect(source.deactivatedAt).not.toBeNull();
    expect(source.sessionVersion).toBe(1);
    expect(await loadActor(S, 0)).toBeNull();
    const target = await prisma.user.findUniqueOrThrow({ where: { id: T } });
    expect([target.sessionVersion, target.deactivatedAt, target.mergedIntoId]).toEqual([0, null, null]);
    expect(await queuedReasons()).toContain("user.merge");
  });

  test("records the merge with the source and target before and after", async () => {
    const audit = await lastAudit();
    expect([audit.actorId, audit.action, audit.entityType, audit.entityId]).toEqual([admin.id, "user.merge", "user", String(S)]);
    const base = { id: S, handle: "ana-old", name: expect.any(String), email: "ana-old@example.test", role: "contributor", isImported: false, hasPassword: false };
    expect(audit.before).toEqual({
      source: { ...base, sessionVersion: 0, deactivatedAt: null, mergedIntoId: null, contributions: 3 },
      target: { id: T, handle: "ana", contributions: 2 },
    });
    expect(audit.after).toEqual({
      source: { ...base, sessionVersion: 1, deactivatedAt: expect.stringMatching(/^\d{4}-/), mergedIntoId: T, contributions: 0 },
      target: { id: T, handle: "ana", contributions: 4 },
      merge: { id: mergeId, moved: 3, coAuthored: 1 },
    });
  });

  test("refuses merges that make no sense, and each refusal changes no row", async () => {
    const before = await adminState();
    await expectAppError(mergeIdentities(admin, { source: String(S), target: String(O) }), "conflict", "@ana-old is already merged into @ana.");
    await expectAppError(mergeIdentities(admin, { source: String(O), target: String(S) }), "conflict", "@ana-old is itself merged into @ana: merge into that identity instead.");
    const self = await expectAppError(mergeIdentities(admin, { source: String(O), target: "olu" }), "invalid_input");
    expect(self.fieldErrors).toEqual({ target: "An identity cannot be merged into itself" });
    const unknown = await expectAppError(mergeIdentities(admin, { source: String(O), target: "nobody-here" }), "invalid_input");
    expect(unknown.fieldErrors).toEqual({ target: "No one has the handle @nobody-here" });
    const empty = await expectAppError(mergeIdentities(admin, { source: String(O), target: "  " }), "invalid_input");
    expect(empty.fieldErrors).toEqual({ target: "Type the handle of the identity to keep" });
    await expectAppError(mergeIdentities(admin, { source: String(admin.id), target: "olu" }), "forbidden", "You cannot merge your own account into another: ask another admin.");
    await expectAppError(mergeIdentities(admin, { source: "999999", target: "olu" }), "not_found");
    await expectAppError(mergeIdentities(contributor, { source: String(O), target: "ana" }), "forbidden", "Only admins can manage people.");
    await expectAppError(mergeIdentities(maintainer, { source: String(O), target: "ana" }), "forbidden", "Only admins can manage people.");
    await expectAppError(mergeIdentities(null, { source: String(O), target: "ana" }), "unauthenticated");
    await expectAppError(undoMerge(contributor, { mergeId }), "forbidden");
    await expectAppError(undoMerge(maintainer, { mergeId }), "forbidden");
    await expectAppError(undoMerge(admin, { mergeId: 999999 }), "not_found", "This merge does not exist.");
    await expectAppError(undoMerge(admin, { mergeId: "x" }), "invalid_input");
    expect(await adminState()).toEqual(before);
  });

  test("refuses to merge into a deactivated identity", async () => {
    const gone = await makeUser({ handle: "gone" });
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const before = await adminState();
    await expectAppError(mergeIdentities(admin, { source: String(O), target: "gone" }), "conflict", "@gone is deactivated: reactivate it first, or merge into an active identity.");
    expect(await adminState()).toEqual(before);
  });

  test("undo restores the authorship rows and the source exactly as they were", async () => {
    const r = await undoMerge(admin, { mergeId });
    expect(r).toEqual({ mergeId, restored: 3 });
    expect(await authorRows()).toEqual(original);
    const source = await prisma.user.findUniqueOrThrow({ where: { id: S } });
    expect([source.deactivatedAt, source.mergedIntoId, source.role, source.sessionVersion]).toEqual([null, null, "contributor", 2]);
    const merge = await prisma.identityMerge.findUniqueOrThrow({ where: { id: mergeId } });
    expect(merge.revertedById).toBe(admin.id);
    expect(merge.revertedAt).not.toBeNull();
    const audit = await lastAudit();
    expect([audit.actorId, audit.action, audit.entityType, audit.entityId]).toEqual([admin.id, "user.merge_undo", "user", String(S)]);
    expect(audit.before).toMatchObject({ source: { mergedIntoId: T, sessionVersion: 1 }, target: { id: T, handle: "ana" }, merge: { id: mergeId, moved: 3, coAuthored: 1 } });
    expect(audit.after).toMatchObject({ source: { mergedIntoId: null, deactivatedAt: null, sessionVersion: 2 }, merge: { id: mergeId, revertedBy: admin.id } });
    expect(await queuedReasons()).toContain("user.merge_undo");
  });

  test("an undone merge cannot be undone twice", async () => {
    const before = await adminState();
    await expectAppError(undoMerge(admin, { mergeId }), "conflict", "This merge was already undone.");
    expect(await adminState()).toEqual(before);
  });
});

describe("undo refusals", () => {
  test("refuses with 409 when a moved contribution's authors changed since, then undoes once they are back", async () => {
    const { mergeId } = await mergeIdentities(admin, { source: String(S), target: String(T) });
    // someone edits c3's split after the merge: T 40 % → 30 %, O 60 % → 70 %
    await prisma.contributionAuthor.update({ where: { contributionId_userId: { contributionId: c3, userId: T } }, data: { share: "0.3" } });
    await prisma.contributionAuthor.update({ where: { contributionId_userId: { contributionId: c3, userId: O } }, data: { share: "0.7" } });
    const before = await adminState();
    const e = await expectAppError(undoMerge(admin, { mergeId }), "conflict");
    expect(e.status).toBe(409);
    expect(e.message).toBe(`The authors of contribution #${c3} changed since the merge, so it cannot be undone exactly. Restore those authors first, or leave the merge in place.`);
    expect(await adminState()).toEqual(before);
    await prisma.contributionAuthor.update({ where: { contributionId_userId: { contributionId: c3, userId: T } }, data: { share: "0.4" } });
    await prisma.contributionAuthor.update({ where: { contributionId_userId: { contributionId: c3, userId: O } }, data: { share: "0.6" } });
    await undoMerge(admin, { mergeId });
    expect(await authorRows()).toEqual([[c1, S, "1"], [c2, S, "0.25"], [c2, T, "0.75"], [c3, S, "0.4"], [c3, O, "0.6"], [c4, T, "1"]]);
  });

  test("refuses to undo a merge whose target was merged into a third identity since", async () => {
    const first = await mergeIdentities(admin, { source: String(S), target: String(T) });
    const second = await mergeIdentities(admin, { source: String(T), target: String(O) });
    // everything now sits with O: c2 T 100 % became O's, c3 T 40 % + O 60 % became O 100 %
    expect(await authorRows()).toEqual([[c1, O, "1"], [c2, O, "1"], [c3, O, "1"], [c4, O, "1"]]);
    const before = await adminState();
    await expectAppError(undoMerge(admin, { mergeId: first.mergeId }), "conflict", "@ana was merged into another identity since: undo that merge first.");
    expect(await adminState()).toEqual(before);
    await undoMerge(admin, { mergeId: second.mergeId });
    await undoMerge(admin, { mergeId: first.mergeId });
    expect(await authorRows()).toEqual([[c1, S, "1"], [c2, S, "0.25"], [c2, T, "0.75"], [c3, S, "0.4"], [c3, O, "0.6"], [c4, T, "1"]]);
  });

  test("a source that was deactivated before its merge is deactivated again, at the same instant, after the undo", async () => {
    const dup = await makeUser({ handle: "dup" });
    const at = new Date("2026-02-03T04:05:06.789Z");
    await prisma.user.update({ where: { id: dup.id }, data: { deactivatedAt: at } });
    const c = await makeSharedContribution(projectId, [[dup.id, "1"]]);
    const { mergeId } = await mergeIdentities(admin, { source: "dup", target: "olu" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: dup.id } })).deactivatedAt).toEqual(at);
    await undoMerge(admin, { mergeId });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: dup.id } });
    expect([after.deactivatedAt, after.mergedIntoId]).toEqual([at, null]);
    expect(await authorRows([c.id])).toEqual([[c.id, dup.id, "1"]]);
  });
});

describe("claim an imported identity", () => {
  let imported: number, account: number, ci: number, cShared: number;

  beforeAll(async () => {
    imported = (await prisma.user.create({ data: { handle: "lee-import", name: "Lee Import", isImported: true } })).id;
    account = (await makeUser({ handle: "lee", passwordHash: "argon-hash-stand-in" })).id;
    ci = (await makeSharedContribution(projectId, [[imported, "1"]])).id;
    cShared = (await makeSharedContribution(projectId, [[imported, "0.5"], [account, "0.5"]])).id;
  });

  test("moves the imported identity's work to the account and records a claim", async () => {
    const r = await claimImportedIdentity(admin, { imported: String(imported), account: "@lee" });
    expect(r).toMatchObject({ sourceId: imported, targetId: account, moved: 2, coAuthored: 1 });
    expect(await authorRows([ci, cShared])).toEqual([[ci, account, "1"], [cShared, account, "1"]]);
    const audit = await lastAudit();
    expect([audit.action, audit.entityType, audit.entityId]).toEqual(["user.claim", "user", String(imported)]);
    expect(audit.before).toMatchObject({ source: { handle: "lee-import", isImported: true, hasPassword: false, contributions: 2 }, target: { id: account, contributions: 1 } });
    expect(audit.after).toMatchObject({ source: { mergedIntoId: account }, target: { id: account, contributions: 2 }, merge: { id: r.mergeId, moved: 2, coAuthored: 1 } });
    expect(await queuedReasons()).toContain("user.claim");
    await undoMerge(admin, { mergeId: r.mergeId });
    expect(await authorRows([ci, cShared])).toEqual([[ci, imported, "1"], [cShared, imported, "0.5"], [cShared, account, "0.5"]]);
  });

  test("refuses to claim what is not an imported, credential-less identity, or into an account nobody signs in with", async () => {
    const other = (await prisma.user.create({ data: { handle: "other-import", name: "Other", isImported: true } })).id;
    const withPassword = (await prisma.user.create({ data: { handle: "pw-import", email: "pw@example.test", name: "Pw", isImported: true, passwordHash: "h" } })).id;
    const before = await adminState();
    await expectAppError(claimImportedIdentity(admin, { imported: String(S), account: "lee" }), "conflict", "@ana-old is not an imported identity: merge the two accounts instead.");
    await expectAppError(claimImportedIdentity(admin, { imported: String(withPassword), account: "lee" }), "conflict", "@pw-import has a password: it is an account of its own, merge the two accounts instead.");
    const e = await expectAppError(claimImportedIdentity(admin, { imported: String(imported), account: String(other) }), "invalid_input");
    expect(e.fieldErrors).toEqual({ account: "@other-import has no password: an identity is claimed by an account someone signs in with" });
    await expectAppError(claimImportedIdentity(contributor, { imported: String(imported), account: "lee" }), "forbidden");
    await expectAppError(claimImportedIdentity(maintainer, { imported: String(imported), account: "lee" }), "forbidden");
    expect(await adminState()).toEqual(before);
  });
});

describe("concurrent merges", () => {
  test("two admins merging the same duplicate at once: one merge wins, the other is refused, nothing is moved twice", async () => {
    const dup = await makeUser({ handle: "twin-old" });
    const a = await makeUser({ handle: "twin-a" });
    const b = await makeUser({ handle: "twin-b" });
    const c = await makeSharedContribution(projectId, [[dup.id, "0.5"], [a.id, "0.25"], [b.id, "0.25"]]);
    const results = await Promise.allSettled([
      mergeIdentities(admin, { source: "twin-old", target: "twin-a" }),
      mergeIdentities(admin, { source: "twin-old", target: "twin-b" }),
    ]);
    const won = results.findIndex((r) => r.status === "fulfilled");
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(lost.reason.code).toBe("conflict");
    expect(lost.reason.message).toBe(`@twin-old is already merged into @${won === 0 ? "twin-a" : "twin-b"}.`);
    const winner = won === 0 ? a.id : b.id;
    expect(await authorRows([c.id])).toEqual([[c.id, a.id, won === 0 ? "0.75" : "0.25"], [c.id, b.id, won === 0 ? "0.25" : "0.75"]]);
    expect(await prisma.identityMerge.count({ where: { sourceId: dup.id } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: dup.id } })).mergedIntoId).toBe(winner);
  });
});
