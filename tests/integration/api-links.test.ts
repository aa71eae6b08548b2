// /api/v1/links through the route handlers: create, confirm, dispute, remove, read and list, each
// with its refusals writing nothing.
import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { GET as listGET, POST as createPOST } from "../../app/api/v1/links/route";
import { GET as getGET, DELETE as removeDELETE } from "../../app/api/v1/links/[id]/route";
import { POST as confirmPOST } from "../../app/api/v1/links/[id]/confirm/route";
import { POST as disputePOST } from "../../app/api/v1/links/[id]/disputes/route";
import { POST as resolvePOST } from "../../app/api/v1/disputes/[id]/resolution/route";
import { disputeResolvedSchema } from "../../lib/api/schemas/disputes";
import { disputeResultSchema, linkPageSchema, linkSchema } from "../../lib/api/schemas/links";
import { makeContribution, makeProject, makeUser } from "./factories";
import { apiRowCounts, call, expectError, parsed, revokedTokenFor, tokenFor } from "./api-helpers";

let alice: { id: number }, bob: { id: number }, maint: { id: number };
let aliceToken: string, bobToken: string, bobReadOnly: string, carolToken: string, maintToken: string, otherMaintToken: string, revoked: string;
let projectId: number;
const day = (d: number) => new Date(Date.UTC(2026, 3, d));

beforeAll(async () => {
  alice = await makeUser({ handle: "alice" });
  bob = await makeUser({ handle: "bob" });
  const carol = await makeUser({ handle: "carol" });
  maint = await makeUser({ handle: "mona", role: "maintainer" });
  const otherMaint = await makeUser({ handle: "otto", role: "maintainer" });
  projectId = (await makeProject({ maintainerIds: [maint.id] })).id;
  await makeProject({ maintainerIds: [otherMaint.id] });
  [aliceToken, bobToken, bobReadOnly, carolToken, maintToken, otherMaintToken, revoked] = await Promise.all([
    tokenFor(alice), tokenFor(bob), tokenFor(bob, ["read"]), tokenFor(carol), tokenFor(maint), tokenFor(otherMaint), revokedTokenFor(bob),
  ]);
});

/** bob's older work and alice's newer work, with alice's link to bob's through the API. */
async function linked(d: number) {
  const base = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(d) });
  const mine = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(d + 1) });
  const res = await call(createPOST, { method: "POST", path: "/links", token: aliceToken, body: { fromId: mine.id, toId: base.id, type: "builds_on", note: "trained on it" } });
  return { base, mine, link: parsed(linkSchema, res, 201) };
}

const times = async (id: number) => {
  const l = await prisma.link.findUniqueOrThrow({ where: { id } });
  return { createdAt: l.createdAt.toISOString(), updatedAt: l.updatedAt.toISOString() };
};
const idParam = (id: number) => ({ params: { id: String(id) } });

describe("POST /links and POST /links/{id}/confirm", () => {
  test("alice links her work to bob's (unconfirmed), bob confirms it, each audited, with exact bodies", async () => {
    const { base, mine, link } = await linked(1);
    expect(link).toEqual({ id: link.id, fromId: mine.id, toId: base.id, type: "builds_on", status: "unconfirmed", note: "trained on it", createdById: alice.id, ...(await times(link.id)), openDispute: null });
    const confirmed = parsed(linkSchema, await call(confirmPOST, { method: "POST", path: `/links/${link.id}/confirm`, token: bobToken, ...idParam(link.id) }));
    expect(confirmed).toEqual({ ...link, status: "confirmed", ...(await times(link.id)) });
    expect(await prisma.auditEvent.findMany({ where: { entityType: "link", entityId: String(link.id) }, orderBy: { id: "asc" }, select: { action: true, actorId: true } }))
      .toEqual([{ action: "link.create", actorId: alice.id }, { action: "link.confirm", actorId: bob.id }]);
    expect(parsed(linkSchema, await call(getGET, { path: `/links/${link.id}`, token: carolToken, ...idParam(link.id) }))).toEqual(confirmed);
  });

  test("refuses confirming by anyone but the target's authors, and linking from work that is not yours, writing nothing", async () => {
    const { base, mine, link } = await linked(3);
    const before = { counts: await apiRowCounts(), link: await prisma.link.findUniqueOrThrow({ where: { id: link.id } }) };
    const confirm = (token: string | null) => call(confirmPOST, { method: "POST", path: `/links/${link.id}/confirm`, token, ...idParam(link.id) });
    expectError(await confirm(aliceToken), 403, "forbidden", "Only the authors of the work it points to can confirm a link.");
    expectError(await confirm(maintToken), 403, "forbidden");
    expectError(await confirm(bobReadOnly), 403, "insufficient_scope");
    expectError(await confirm(revoked), 401, "invalid_token", "This API token was revoked.");
    expectError(await confirm(null), 401, "unauthenticated");
    expectError(await call(createPOST, { method: "POST", path: "/links", token: carolToken, body: { fromId: mine.id, toId: base.id, type: "cites" } }), 403, "forbidden", "Only the authors of a contribution can say what it builds on.");
    expectError(await call(createPOST, { method: "POST", path: "/links", token: aliceToken, body: { fromId: mine.id, toId: base.id, type: "builds_on" } }), 409, "conflict", "This link already exists.");
    expectError(await call(createPOST, { method: "POST", path: "/links", token: bobToken, body: { fromId: base.id, toId: mine.id, type: "cites" } }), 400, "invalid_input", /^A link must point to earlier work/);
    expect(expectError(await call(createPOST, { method: "POST", path: "/links", token: aliceToken, body: { fromId: mine.id, toId: base.id, type: "inspires" } }), 400, "invalid_input").fields)
      .toEqual({ type: 'Invalid option: expected one of "builds_on"|"cites"|"reviews"|"fixes"' });
    expect({ counts: await apiRowCounts(), link: await prisma.link.findUniqueOrThrow({ where: { id: link.id } }) }).toEqual(before);
  });
});

describe("POST /links/{id}/disputes and DELETE /links/{id}", () => {
  test("the target project's maintainer disputes a link: the dispute is open, the link disputed", async () => {
    const { link } = await linked(5);
    const res = parsed(disputeResultSchema, await call(disputePOST, { method: "POST", path: `/links/${link.id}/disputes`, token: maintToken, ...idParam(link.id), body: { reason: "These labels were not used." } }), 201);
    const dispute = await prisma.dispute.findFirstOrThrow({ where: { linkId: link.id } });
    const openDispute = { id: dispute.id, reason: "These labels were not used.", raisedById: maint.id, createdAt: dispute.createdAt.toISOString() };
    expect(res).toEqual({ link: { ...link, status: "disputed", ...(await times(link.id)), openDispute }, dispute: openDispute });
    expect(await prisma.auditEvent.count({ where: { action: { in: ["dispute.create", "link.dispute"] }, actorId: maint.id } })).toBe(2);
  });

  test("refuses disputes from another project's maintainer, a bystander, a short reason and a second dispute, writing nothing", async () => {
    const { link } = await linked(7);
    const dispute = (token: string, reason = "Not the data we used.") => call(disputePOST, { method: "POST", path: `/links/${link.id}/disputes`, token, ...idParam(link.id), body: { reason } });
    await dispute(bobToken);
    const before = await apiRowCounts();
    expectError(await dispute(otherMaintToken), 403, "forbidden", "Only the authors of the work it points to, or its project's maintainers, can dispute a link.");
    expectError(await dispute(carolToken), 403, "forbidden");
    expect(expectError(await dispute(bobToken, "short"), 400, "invalid_input").fields).toEqual({ reason: "Too small: expected string to have >=10 characters" });
    expectError(await dispute(bobToken), 409, "conflict", "This link is already disputed.");
    expect(await apiRowCounts()).toEqual(before);
  });

  test("the linking work's author takes a link back; the target's author may not", async () => {
    const { link } = await linked(9);
    const before = await apiRowCounts();
    expectError(await call(removeDELETE, { method: "DELETE", path: `/links/${link.id}`, token: bobToken, ...idParam(link.id) }), 403, "forbidden");
    expect(await apiRowCounts()).toEqual(before);
    const removed = parsed(linkSchema, await call(removeDELETE, { method: "DELETE", path: `/links/${link.id}`, token: aliceToken, ...idParam(link.id) }));
    expect(removed.status).toBe("removed");
    expectError(await call(getGET, { path: "/links/999999", token: aliceToken, ...idParam(999999) }), 404, "not_found", "This link does not exist.");
  });
});

describe("POST /disputes/{id}/resolution", () => {
  test("a maintainer who did not raise it rejects bob's dispute and the link is restored; nobody resolves a dispute they raised", async () => {
    const { link } = await linked(11);
    const raised = parsed(disputeResultSchema, await call(disputePOST, { method: "POST", path: `/links/${link.id}/disputes`, token: bobToken, ...idParam(link.id), body: { reason: "I never published this." } }), 201);
    const id = raised.dispute.id;
    const resolve = (token: string, body: Record<string, unknown>, disputeId = id) =>
      call(resolvePOST, { method: "POST", path: `/disputes/${disputeId}/resolution`, token, ...idParam(disputeId), body });
    const before = await apiRowCounts();
    expectError(await resolve(otherMaintToken, { outcome: "reject", note: "It was used." }), 403, "forbidden", "Only the maintainers of the disputed work's project, or an admin, resolve this dispute.");
    expectError(await resolve(bobToken, { outcome: "reject", note: "It was used." }), 403, "forbidden");
    expectError(await resolve(bobReadOnly, { outcome: "reject", note: "It was used." }), 403, "insufficient_scope");
    expect(expectError(await resolve(maintToken, { outcome: "reject", note: "no" }), 400, "invalid_input").fields).toEqual({ note: "Too small: expected string to have >=5 characters" });
    expectError(await resolve(maintToken, { outcome: "reject", note: "It was used." }, 999999), 404, "not_found");
    expect(await apiRowCounts()).toEqual(before);
    const res = parsed(disputeResolvedSchema, await call(resolvePOST, { method: "POST", path: `/disputes/${id}/resolution`, token: maintToken, ...idParam(id), body: { outcome: "reject", note: "The notebook shows it was used." } }));
    const row = await prisma.dispute.findUniqueOrThrow({ where: { id } });
    expect(res).toEqual({
      dispute: { id, subject: "link", linkId: link.id, contributionId: null, raisedById: bob.id, reason: "I never published this.", resolution: "rejected", resolutionNote: "The notebook shows it was used.", resolvedById: maint.id, createdAt: row.createdAt.toISOString(), resolvedAt: row.resolvedAt!.toISOString() },
      link: { ...link, status: "unconfirmed", ...(await times(link.id)), openDispute: null },
    });
    expectError(await resolve(maintToken, { outcome: "uphold", note: "Changed my mind." }), 409, "conflict", "This dispute was already rejected.");

    const second = await linked(13);
    const own = parsed(disputeResultSchema, await call(disputePOST, { method: "POST", path: `/links/${second.link.id}/disputes`, token: maintToken, ...idParam(second.link.id), body: { reason: "Not the data we used." } }), 201);
    expectError(await resolve(maintToken, { outcome: "uphold", note: "As I said." }, own.dispute.id), 403, "forbidden", "You raised this dispute: another maintainer or an admin resolves it.");
  });
});

describe("GET /links", () => {
  test("pages through every link once in id order, filtered by target, status and author", async () => {
    const target = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(20) });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const from = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(21 + i) });
      ids.push(parsed(linkSchema, await call(createPOST, { method: "POST", path: "/links", token: aliceToken, body: { fromId: from.id, toId: target.id, type: "cites" } }), 201).id);
    }
    await call(confirmPOST, { method: "POST", path: `/links/${ids[1]}/confirm`, token: bobToken, ...idParam(ids[1]) });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/links?toId=${target.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = parsed(linkPageSchema, await call(listGET, { path, token: carolToken }));
      seen.push(...page.data.map((l) => l.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    const confirmed = parsed(linkPageSchema, await call(listGET, { path: `/links?toId=${target.id}&status=confirmed&author=alice`, token: carolToken }));
    expect(confirmed.data.map((l) => l.id)).toEqual([ids[1]]);
    expect(parsed(linkPageSchema, await call(listGET, { path: `/links?toId=${target.id}&author=bob`, token: carolToken })).data).toEqual([]);
    expectError(await call(listGET, { path: "/links?status=lost", token: carolToken }), 400, "invalid_input");
  });
});
