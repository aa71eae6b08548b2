import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { createContribution, updateContribution, withdrawContribution } from "../../lib/contributions/mutations";
import { listMyContributions, searchLinkTargets } from "../../lib/contributions/queries";
import { AppError } from "../../lib/errors";
import type { Actor } from "../../lib/auth/actor";
import { actorOf, makeContribution, makeProject, makeUser, rowCounts } from "./factories";

let alice: Actor, bob: Actor, carol: Actor, projectId: number, archivedId: number;

beforeAll(async () => {
  const [a, b, c] = await Promise.all([makeUser({ handle: "alice" }), makeUser({ handle: "bob" }), makeUser({ handle: "carol" })]);
  [alice, bob, carol] = await Promise.all([actorOf(a), actorOf(b), actorOf(c)]);
  projectId = (await makeProject({ slug: "ocean-datanet" })).id;
  archivedId = (await makeProject({ slug: "old-project", archived: true })).id;
});

const form = (over: Record<string, unknown> = {}) => ({
  title: "Cleaned the reef survey set",
  kind: "data",
  projectId: String(projectId),
  occurredAt: "2026-03-02",
  url: "https://example.org/reef",
  description: "Removed 312 duplicate rows.",
  coAuthorHandle: ["bob"],
  coAuthorShare: ["25"],
  ...over,
});

async function expectAppError(p: Promise<unknown>, code: string, field?: string) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (field) expect((e as AppError).fieldErrors?.[field]).toBeTruthy();
  return e as AppError;
}

describe("createContribution", () => {
  test("stores the contribution, its authors with shares summing to 1, an audit event and a recompute request", async () => {
    const { id } = await createContribution(alice, form());
    const c = await prisma.contribution.findUniqueOrThrow({ where: { id }, include: { authors: { include: { user: true }, orderBy: { share: "desc" } } } });
    expect(c.title).toBe("Cleaned the reef survey set");
    expect(c.occurredAt.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(c.authors.map((x) => [x.user.handle, x.share.toString()])).toEqual([["alice", "0.75"], ["bob", "0.25"]]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "contribution", entityId: String(id) } });
    expect(audit.action).toBe("contribution.create");
    expect(audit.actorId).toBe(alice.id);
    expect((audit.after as { title: string }).title).toBe("Cleaned the reef survey set");
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "metrics.recompute", status: "queued" } });
    expect((job.payload as { reasons: string[] }).reasons).toContain("contribution.create");
  });

  test("a burst of writes leaves one queued recompute, not one per write", async () => {
    await createContribution(alice, form({ title: "Second" }));
    await createContribution(alice, form({ title: "Third" }));
    expect(await prisma.job.count({ where: { kind: "metrics.recompute", status: "queued" } })).toBe(1);
  });

  test("refuses an anonymous visitor", async () => {
    await expectAppError(createContribution(null, form()), "unauthenticated");
  });

  test("shows each bad field beside the field and saves nothing", async () => {
    const before = await rowCounts();
    const e = await expectAppError(
      createContribution(alice, form({ title: "  ", kind: "poetry", occurredAt: "2999-01-01", url: "ftp://x", projectId: "abc" })),
      "invalid_input",
    );
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["kind", "occurredAt", "projectId", "title", "url"]);
    expect(e.fieldErrors?.projectId).toBe("Choose a project");
    expect(e.fieldErrors?.occurredAt).toBe("Cannot be in the future");
    expect(await rowCounts()).toEqual(before);
  });

  test("refuses unknown co-authors, duplicates, oneself, and shares that leave nothing for the author", async () => {
    const before = await rowCounts();
    let e = await expectAppError(createContribution(alice, form({ coAuthorHandle: ["nobody"], coAuthorShare: ["10"] })), "invalid_input");
    expect(e.fieldErrors?.["coAuthors.0.handle"]).toBe("No active contributor is called @nobody");
    e = await expectAppError(createContribution(alice, form({ coAuthorHandle: ["bob", "bob"], coAuthorShare: ["10", "10"] })), "invalid_input");
    expect(e.fieldErrors?.["coAuthors.1.handle"]).toBe("Listed twice");
    e = await expectAppError(createContribution(alice, form({ coAuthorHandle: ["alice"], coAuthorShare: ["10"] })), "invalid_input");
    expect(e.fieldErrors?.["coAuthors.0.handle"]).toBe("You are already an author");
    e = await expectAppError(createContribution(alice, form({ coAuthorHandle: ["bob", "carol"], coAuthorShare: ["60", "40"] })), "invalid_input");
    expect(e.fieldErrors?.coAuthors).toMatch(/more than 0 %/);
    e = await expectAppError(createContribution(alice, form({ coAuthorShare: ["12.345"] })), "invalid_input");
    expect(e.fieldErrors?.["coAuthors.0.sharePercent"]).toBe("At most two decimals");
    expect(await rowCounts()).toEqual(before);
  });

  test("splits 33.33 % + 33.33 % co-author shares so that the three shares sum to exactly 1", async () => {
    const { id } = await createContribution(alice, form({ coAuthorHandle: ["bob", "carol"], coAuthorShare: ["33.33", "33.33"] }));
    const shares = await prisma.contributionAuthor.findMany({ where: { contributionId: id }, include: { user: true } });
    const byHandle = Object.fromEntries(shares.map((s) => [s.user.handle, s.share.toString()]));
    expect(byHandle).toEqual({ alice: "0.3334", bob: "0.3333", carol: "0.3333" });
  });

  test("refuses an archived project", async () => {
    const e = await expectAppError(createContribution(alice, form({ projectId: String(archivedId) })), "invalid_input");
    expect(e.fieldErrors?.projectId).toBe("This project is archived");
  });

  test("rolls the whole write back when the audit step fails inside the transaction", async () => {
    const before = await rowCounts();
    // Break the transaction after the contribution insert: the audit insert fails on a check the
    // database owns (NOT VALID: existing rows are not re-checked).
    await prisma.$executeRaw`ALTER TABLE audit_events ADD CONSTRAINT audit_test_block CHECK (action <> 'contribution.create') NOT VALID`;
    try {
      await expect(createContribution(alice, form({ title: "Doomed" }))).rejects.toThrow();
    } finally {
      await prisma.$executeRaw`ALTER TABLE audit_events DROP CONSTRAINT audit_test_block`;
    }
    expect(await rowCounts()).toEqual(before);
    expect(await prisma.contribution.count({ where: { title: "Doomed" } })).toBe(0);
  });
});

describe("updateContribution", () => {
  test("edits with the version read, records before and after, and refuses a stale version", async () => {
    const { id } = await createContribution(alice, form({ title: "Draft title", coAuthorHandle: [], coAuthorShare: [] }));
    await updateContribution(alice, form({ id: String(id), version: "1", title: "Final title", coAuthorHandle: ["carol"], coAuthorShare: ["50"] }));
    const c = await prisma.contribution.findUniqueOrThrow({ where: { id }, include: { authors: true } });
    expect(c.title).toBe("Final title");
    expect(c.version).toBe(2);
    expect(c.authors).toHaveLength(2);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "contribution.update", entityId: String(id) } });
    expect((audit.before as { title: string }).title).toBe("Draft title");
    expect((audit.after as { title: string }).title).toBe("Final title");
    const e = await expectAppError(updateContribution(alice, form({ id: String(id), version: "1", title: "Lost update" })), "conflict");
    expect(e.message).toMatch(/changed this contribution after you opened it/);
    expect((await prisma.contribution.findUniqueOrThrow({ where: { id } })).title).toBe("Final title");
  });

  test("refuses someone who is not an author, and an anonymous visitor", async () => {
    const { id } = await createContribution(alice, form({ coAuthorHandle: [], coAuthorShare: [] }));
    await expectAppError(updateContribution(carol, form({ id: String(id), version: "1" })), "forbidden");
    await expectAppError(updateContribution(null, form({ id: String(id), version: "1" })), "unauthenticated");
    await expectAppError(updateContribution(alice, form({ id: "999999", version: "1" })), "not_found");
  });

  test("refuses a new date that would make a link point forward in time", async () => {
    const old = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: new Date("2026-02-01T00:00:00Z"), title: "Base layer" });
    const { id } = await createContribution(alice, form({ occurredAt: "2026-03-01", coAuthorHandle: [], coAuthorShare: [] }));
    await prisma.link.create({ data: { fromId: id, toId: old.id, type: "builds_on" } });
    const e = await expectAppError(updateContribution(alice, form({ id: String(id), version: "1", occurredAt: "2026-01-15", coAuthorHandle: [], coAuthorShare: [] })), "invalid_input");
    expect(e.fieldErrors?.occurredAt).toBe("It builds on “Base layer”, which happened after this date");
  });
});

describe("withdrawContribution", () => {
  test("soft-deletes, audits, and refuses a second withdrawal and other people", async () => {
    const { id } = await createContribution(alice, form({ coAuthorHandle: [], coAuthorShare: [] }));
    await expectAppError(withdrawContribution(carol, String(id)), "forbidden");
    await withdrawContribution(alice, String(id));
    const c = await prisma.contribution.findUniqueOrThrow({ where: { id } });
    expect(c.deletedAt).not.toBeNull();
    await expectAppError(withdrawContribution(alice, String(id)), "conflict");
    await expectAppError(updateContribution(alice, form({ id: String(id), version: "2" })), "conflict");
    expect(await prisma.auditEvent.count({ where: { action: "contribution.withdraw", entityId: String(id) } })).toBe(1);
  });
});

describe("listMyContributions and searchLinkTargets", () => {
  test("lists only my contributions, filters, sorts and paginates", async () => {
    const dave = await actorOf(await makeUser({ handle: "dave" }));
    for (let i = 0; i < 25; i++) {
      await makeContribution({ projectId, authorIds: [dave.id], title: `Dave ${String(i).padStart(2, "0")}`, occurredAt: new Date(Date.UTC(2026, 0, 1 + i)) });
    }
    await makeContribution({ projectId, authorIds: [carol.id], title: "Not Dave's" });
    const base = { q: "", withdrawn: "hide" as const, sort: "newest" as const, page: 1 };
    const first = await listMyContributions(dave, base);
    expect(first.total).toBe(25);
    expect(first.pageCount).toBe(2);
    expect(first.rows[0].title).toBe("Dave 24");
    const second = await listMyContributions(dave, { ...base, page: 2 });
    expect(second.rows.map((r) => r.title)).toEqual(["Dave 04", "Dave 03", "Dave 02", "Dave 01", "Dave 00"]);
    const filtered = await listMyContributions(dave, { ...base, q: "dave 1", sort: "oldest" });
    expect(filtered.rows.map((r) => r.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Dave 1${i}`));
  });

  test("offers only earlier, visible work as link targets", async () => {
    const erin = await actorOf(await makeUser({ handle: "erin" }));
    const t = (d: number) => new Date(Date.UTC(2025, 5, d));
    const older = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: t(1), title: "Tide model v1" });
    await makeContribution({ projectId, authorIds: [bob.id], occurredAt: t(1), title: "Tide model withdrawn", deleted: true });
    const mine = await makeContribution({ projectId, authorIds: [erin.id], occurredAt: t(2), title: "Tide model v2" });
    await makeContribution({ projectId, authorIds: [bob.id], occurredAt: t(3), title: "Tide model v3" });
    const found = await searchLinkTargets(erin, mine.id, "tide model");
    expect(found.map((f) => f.title)).toEqual(["Tide model v1"]);
    expect(await searchLinkTargets(erin, mine.id, `#${older.id}`)).toHaveLength(1);
    expect(await searchLinkTargets(carol, mine.id, "tide")).toEqual([]);
  });
});
