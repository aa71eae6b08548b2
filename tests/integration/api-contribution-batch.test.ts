// POST /api/v1/contributions/batch through the route handler, on the real database: a batch with
// links to existing work and to earlier items written in one go with exact bodies and counts; every
// refusal (a bad field, an archived project, an unknown co-author, a withdrawn or later target, a
// link to a later item, a time violation inside the batch) naming the item and field and writing
// nothing; idempotent replay; scopes and tokens; the rate limit counted per item. A burst of 20
// (set before any module reads the environment) so that the per-item count shows.
import { vi, describe, test, expect, beforeAll } from "vitest";

vi.hoisted(() => {
  process.env.API_RATE_LIMIT_BURST = "20";
  process.env.API_RATE_LIMIT_PER_MINUTE = "60";
});

import pg from "pg";
import { prisma } from "../../lib/db";
import { POST as batchPOST } from "../../app/api/v1/contributions/batch/route";
import { GET as getContributionGET } from "../../app/api/v1/contributions/[id]/route";
import { GET as getLinkGET } from "../../app/api/v1/links/[id]/route";
import { contributionBatchResultSchema } from "../../lib/api/schemas/contribution-batch";
import { contributionSchema } from "../../lib/api/schemas/contributions";
import { linkSchema } from "../../lib/api/schemas/links";
import { makeContribution, makeProject, makeUser } from "./factories";
import { apiRowCounts, call, expectError, parsed, revokedTokenFor, tokenFor } from "./api-helpers";

let alice: { id: number }, bob: { id: number };
let projectId: number, archivedId: number;
let bobsOld: { id: number }, alicesOld: { id: number }, withdrawn: { id: number }, later: { id: number };
const day = (d: number) => new Date(Date.UTC(2026, 2, d));

beforeAll(async () => {
  alice = await makeUser({ handle: "alice" });
  bob = await makeUser({ handle: "bob" });
  projectId = (await makeProject({ slug: "ocean" })).id;
  archivedId = (await makeProject({ slug: "old", archived: true })).id;
  bobsOld = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(1), title: "Bob's dataset" });
  alicesOld = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(2), title: "Alice's notes" });
  withdrawn = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(2), title: "Gone", deleted: true });
  later = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(20), title: "Bob's later work" });
});

const post = (token: string | null, body: unknown, headers: Record<string, string> = {}) =>
  call(batchPOST, { method: "POST", path: "/contributions/batch", token, body, headers });

const item = (title: string, d: number, extra: Record<string, unknown> = {}) => ({ projectId, title, kind: "code", occurredAt: day(d).toISOString(), ...extra });

describe("POST /contributions/batch", () => {
  test("writes every item with its links in order, audited per record under one request id, answered with the exact rows", async () => {
    const token = await tokenFor(alice);
    const before = await apiRowCounts();
    const res = await post(token, {
      items: [
        item("Cleaning", 5, { ref: "clean", links: [{ toId: bobsOld.id, type: "builds_on", note: "  their raw data " }] }),
        item("Model", 5, { ref: "model", links: [{ toRef: "clean", type: "builds_on" }, { toId: alicesOld.id, type: "cites" }] }),
        item("Write-up", 6, { coAuthors: [{ handle: "bob", sharePercent: 25 }], url: "https://example.org/w" }),
      ],
    }, { "idempotency-key": "batch-1" });
    const body = parsed(contributionBatchResultSchema, res, 201);
    const [c0, c1, c2] = body.items.map((i) => i.contribution);
    // Ids ascend in item order: "Model" (same time as "Cleaning") links back to it by id order.
    expect([c1.id - c0.id, c2.id - c1.id]).toEqual([1, 1]);
    expect(body.items.map((i) => [i.ref, i.contribution.title, i.contribution.authors.map((a) => [a.handle, a.share]), i.links.map((l) => [l.fromId, l.toId, l.type, l.status, l.note])])).toEqual([
      ["clean", "Cleaning", [["alice", 1]], [[c0.id, bobsOld.id, "builds_on", "unconfirmed", "their raw data"]]],
      ["model", "Model", [["alice", 1]], [[c1.id, c0.id, "builds_on", "confirmed", ""], [c1.id, alicesOld.id, "cites", "confirmed", ""]]],
      [null, "Write-up", [["alice", 0.75], ["bob", 0.25]], []],
    ]);
    expect(await apiRowCounts()).toEqual({ ...before, contributions: before.contributions + 3, authors: before.authors + 4, links: before.links + 3, audit: before.audit + 6, idempotencyKeys: before.idempotencyKeys + 1, jobs: 1 });
    const events = await prisma.auditEvent.findMany({ where: { requestId: res.headers.get("x-request-id") }, orderBy: { id: "asc" }, select: { action: true, entityId: true, actorId: true, after: true } });
    expect(events.map((e) => [e.action, e.entityId, e.actorId])).toEqual([
      ["contribution.create", String(c0.id), alice.id], ["contribution.create", String(c1.id), alice.id], ["contribution.create", String(c2.id), alice.id],
      ...body.items.flatMap((i) => i.links).map((l) => ["link.create", String(l.id), alice.id]),
    ]);
    expect(events[2].after).toEqual({
      id: c2.id, projectId, title: "Write-up", description: "", kind: "code", occurredAt: day(6).toISOString(), url: "https://example.org/w",
      status: "unreviewed", version: 1, deletedAt: null, authors: [{ userId: alice.id, share: "0.75" }, { userId: bob.id, share: "0.25" }],
    });
    // What was answered is what a read returns.
    for (const c of [c0, c1, c2]) expect(parsed(contributionSchema, await call(getContributionGET, { path: `/contributions/${c.id}`, token, params: { id: String(c.id) } }))).toEqual(c);
    for (const l of body.items.flatMap((i) => i.links)) expect(parsed(linkSchema, await call(getLinkGET, { path: `/links/${l.id}`, token, params: { id: String(l.id) } }))).toEqual(l);
    const stored = await prisma.link.findMany({ where: { fromId: { in: [c0.id, c1.id] } }, orderBy: { id: "asc" }, select: { fromOccurredAt: true, toOccurredAt: true } });
    expect(stored.map((l) => [l.fromOccurredAt.toISOString(), l.toOccurredAt.toISOString()])).toEqual([
      [day(5).toISOString(), day(1).toISOString()], [day(5).toISOString(), day(5).toISOString()], [day(5).toISOString(), day(2).toISOString()],
    ]);
  });

  test("one bad item refuses the whole batch with its index and field, before or after the database checks, writing nothing", async () => {
    const token = await tokenFor(alice);
    const before = await apiRowCounts();
    const shape = expectError(await post(token, { items: [item("Fine", 5), item("Fine too", 5), item("", 5)] }), 400, "invalid_input");
    expect(shape.fields).toEqual({ "items.2.title": "Too small: expected string to have >=1 characters" });
    const fields = expectError(await post(token, {
      items: [
        item("Fine", 5, { links: [{ toId: withdrawn.id, type: "cites" }, { toId: 999_999, type: "cites" }] }),
        item("Archived", 5, { projectId: archivedId }),
        item("Nobody", 5, { coAuthors: [{ handle: "nobody", sharePercent: 10 }] }),
        item("Too much", 5, { coAuthors: [{ handle: "bob", sharePercent: 100 }] }),
        item("Future", 5, { occurredAt: "2999-01-01" }),
      ],
    }), 400, "invalid_input", "Please correct the highlighted fields (first: items.3.coAuthors.0.sharePercent); nothing was written.").fields;
    expect(fields).toEqual({ "items.3.coAuthors.0.sharePercent": "Share must be between 0 and 100 %", "items.4.occurredAt": "Cannot be in the future" });
    const db = expectError(await post(token, {
      items: [
        item("Fine", 5, { links: [{ toId: withdrawn.id, type: "cites" }, { toId: 999_999, type: "cites" }] }),
        item("Archived", 5, { projectId: archivedId }),
        item("Nobody", 5, { coAuthors: [{ handle: "nobody", sharePercent: 10 }] }),
      ],
    }), 400, "invalid_input").fields;
    expect(db).toEqual({
      "items.0.links.0.toId": "The contribution you chose does not exist or was withdrawn.",
      "items.0.links.1.toId": "The contribution you chose does not exist or was withdrawn.",
      "items.1.projectId": "This project is archived",
      "items.2.coAuthors.0.handle": "No active contributor is called @nobody",
    });
    expect(await apiRowCounts()).toEqual(before);
  });

  test("refuses a link to a later item, to itself, to later work, or against time inside the batch, writing nothing", async () => {
    const token = await tokenFor(alice);
    const before = await apiRowCounts();
    const fields = expectError(await post(token, {
      items: [
        item("First", 10, { ref: "a", links: [{ toRef: "b", type: "builds_on" }, { toRef: "a", type: "cites" }] }),
        item("Second", 9, { ref: "b", links: [{ toRef: "a", type: "builds_on" }, { toId: later.id, type: "cites" }] }),
        item("Third", 11, { ref: "a", links: [{ toRef: "zzz", type: "builds_on" }, { toId: alicesOld.id, toRef: "b", type: "cites" }, { toRef: "b", type: "fixes" }, { toRef: "b", type: "fixes" }] }),
      ],
    }), 400, "invalid_input").fields;
    expect(fields).toEqual({
      "items.0.links.0.toRef": "A link may only point to an earlier item of the batch",
      "items.0.links.1.toRef": "A link may only point to an earlier item of the batch",
      "items.1.links.0.toRef": "A link must point to earlier work: “First” (item 0) happened after this contribution.",
      "items.2.ref": "Item 0 already uses this ref",
      "items.2.links.0.toRef": "No earlier item of this batch has this ref",
      "items.2.links.1.toId": "Name the earlier work: toId (an existing contribution) or toRef (an earlier item of this batch), not both",
      "items.2.links.3": "The same link is listed twice",
    });
    // Existing work later in time is found in the database step.
    expect(expectError(await post(token, { items: [item("Second", 9, { links: [{ toId: later.id, type: "cites" }] })] }), 400, "invalid_input").fields)
      .toEqual({ "items.0.links.0.toId": "A link must point to earlier work: “Bob's later work” happened after this contribution." });
    expect(await apiRowCounts()).toEqual(before);
  });

  test("replays an Idempotency-Key's answer without writing again, and refuses the key with another body", async () => {
    const token = await tokenFor(alice);
    const body = { items: [item("Once A", 7, { ref: "x" }), item("Once B", 7, { links: [{ toRef: "x", type: "builds_on" }] })] };
    const first = await post(token, body, { "idempotency-key": "batch-replay" });
    expect(first.status).toBe(201);
    const before = await apiRowCounts();
    const again = await post(token, body, { "idempotency-key": "batch-replay" });
    expect([again.status, again.body, again.headers.get("idempotent-replayed")]).toEqual([201, first.body, "true"]);
    expectError(await post(token, { items: [item("Once A", 7)] }, { "idempotency-key": "batch-replay" }), 422, "idempotency_key_reused");
    expect(await apiRowCounts()).toEqual(before);
    expect(await prisma.contribution.count({ where: { title: { in: ["Once A", "Once B"] } } })).toBe(2);
  });

  test("needs a live token with the write scope", async () => {
    const before = await apiRowCounts();
    const body = { items: [item("Nope", 5)] };
    expectError(await post(null, body), 401, "unauthenticated");
    expectError(await post(await revokedTokenFor(alice), body), 401, "invalid_token", "This API token was revoked.");
    expectError(await post(await tokenFor(alice, ["read"]), body), 403, "insufficient_scope");
    expect(await apiRowCounts()).toEqual({ ...before, tokens: before.tokens + 2, audit: before.audit + 3 });
  });

  test("counts each item against the token's rate limit, and refuses a batch larger than the burst", async () => {
    const token = await tokenFor(bob);
    // Real time: the bucket refills 1 a second, far less than the few milliseconds between calls need.
    const many = (n: number, from: number) => ({ items: Array.from({ length: n }, (_, i) => item(`Bulk ${from + i}`, 3)) });
    expectError(await post(token, many(21, 0)), 400, "invalid_input", "A batch counts one request per item: at most 20 items fit this server's rate limit.");
    // The refused request took one: 19 left, of which a batch of 15 takes 15, and a batch of 5 does not fit in the 4 left.
    expect((await post(token, many(15, 0))).status).toBe(201);
    const limited = await post(token, many(5, 15));
    expectError(limited, 429, "rate_limited", "Too many requests with this token: a batch of 5 items counts 5; retry in 1 s.");
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(await prisma.contribution.count({ where: { title: { startsWith: "Bulk " } } })).toBe(15);
  });

  test("waits for an edit moving an existing target in time (FOR SHARE), then refuses the link it made forward", async () => {
    const token = await tokenFor(alice);
    const target = await makeContribution({ projectId, authorIds: [bob.id], occurredAt: day(3), title: "Moving target" });
    const before = await apiRowCounts();
    // The edit's statement in a transaction held open: the target moves after the batch's item.
    const editor = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await editor.connect();
    let settled = false;
    try {
      await editor.query("BEGIN");
      await editor.query("UPDATE contributions SET occurred_at = $2, version = version + 1 WHERE id = $1", [target.id, day(8)]);
      const batch = post(token, { items: [item("Builds on the mover", 6, { links: [{ toId: target.id, type: "builds_on" }] })] }).finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 500));
      const waited = !settled;
      await editor.query("COMMIT");
      const res = await batch;
      expect([waited, expectError(res, 400, "invalid_input").fields]).toEqual([true, { "items.0.links.0.toId": "A link must point to earlier work: “Moving target” happened after this contribution." }]);
    } finally {
      await editor.end();
    }
    expect(await apiRowCounts()).toEqual(before);
  });
});
