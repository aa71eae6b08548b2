// /api/v1/contributions through the route handlers, on the real database: the happy paths with
// exact bodies, every refusal (no token, revoked, wrong scope, not an author, another project's
// maintainer) writing nothing, bad input answered with 4xx codes, pagination and idempotency.
import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { GET as listGET, POST as createPOST } from "../../app/api/v1/contributions/route";
import { GET as getGET, PATCH as updatePATCH } from "../../app/api/v1/contributions/[id]/route";
import { contributionPageSchema, contributionSchema } from "../../lib/api/schemas/contributions";
import { makeContribution, makeProject, makeUser } from "./factories";
import { apiRowCounts, call, expectError, parsed, revokedTokenFor, tokenFor } from "./api-helpers";

let alice: { id: number }, bob: { id: number };
let aliceToken: string, aliceReadOnly: string, bobToken: string, maintToken: string, otherMaintToken: string, revoked: string;
let projectId: number, otherProjectId: number;
const day = (d: number) => new Date(Date.UTC(2026, 2, d));

beforeAll(async () => {
  alice = await makeUser({ handle: "alice" });
  bob = await makeUser({ handle: "bob" });
  const maint = await makeUser({ handle: "mona", role: "maintainer" });
  const otherMaint = await makeUser({ handle: "otto", role: "maintainer" });
  projectId = (await makeProject({ slug: "ocean", maintainerIds: [maint.id] })).id;
  otherProjectId = (await makeProject({ slug: "reef", maintainerIds: [otherMaint.id] })).id;
  [aliceToken, aliceReadOnly, bobToken, maintToken, otherMaintToken, revoked] = await Promise.all([
    tokenFor(alice), tokenFor(alice, ["read"]), tokenFor(bob), tokenFor(maint), tokenFor(otherMaint), revokedTokenFor(alice),
  ]);
});

async function rowView(id: number) {
  const c = await prisma.contribution.findUniqueOrThrow({ where: { id } });
  return { createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() };
}

describe("POST /contributions and GET /contributions/{id}", () => {
  test("logs a contribution with a co-author, audited, and reads it back with the exact body", async () => {
    const before = await apiRowCounts();
    const res = await call(createPOST, {
      method: "POST", path: "/contributions", token: aliceToken,
      body: { projectId, title: "Reef survey", kind: "data", occurredAt: "2026-03-01", coAuthors: [{ handle: "bob", sharePercent: 25 }] },
    });
    const body = parsed(contributionSchema, res, 201);
    const expected = {
      id: body.id, projectId, title: "Reef survey", description: "", kind: "data", status: "unreviewed", source: "api",
      occurredAt: "2026-03-01T00:00:00.000Z", url: null, version: 1,
      authors: [{ userId: alice.id, handle: "alice", share: 0.75 }, { userId: bob.id, handle: "bob", share: 0.25 }],
      ...(await rowView(body.id)), withdrawnAt: null,
    };
    expect(body).toEqual(expected);
    expect(await apiRowCounts()).toEqual({ ...before, contributions: before.contributions + 1, authors: before.authors + 2, audit: before.audit + 1, jobs: 1 });
    expect(await prisma.auditEvent.count({ where: { action: "contribution.create", entityId: String(body.id), actorId: alice.id } })).toBe(1);
    expect(parsed(contributionSchema, await call(getGET, { path: `/contributions/${body.id}`, token: bobToken, params: { id: String(body.id) } }))).toEqual(expected);
  });

  test("refuses bad input with 4xx codes and field messages, writing nothing", async () => {
    const before = await apiRowCounts();
    const post = (extra: Omit<Parameters<typeof call>[1], "path">) => call(createPOST, { method: "POST", path: "/contributions", token: aliceToken, ...extra });
    const good = { projectId, title: "T", kind: "data", occurredAt: "2026-03-01" };
    expectError(await post({ rawBody: "{not json", headers: { "content-type": "application/json" } }), 400, "invalid_json", /^The request body is not valid JSON/);
    expectError(await post({ rawBody: JSON.stringify(good), headers: { "content-type": "text/plain" } }), 415, "unsupported_media_type");
    expectError(await post({ rawBody: JSON.stringify({ ...good, description: "x".repeat(1_100_000) }), headers: { "content-type": "application/json" } }), 413, "payload_too_large");
    expectError(await post({ rawBody: "", headers: { "content-type": "application/json" } }), 400, "invalid_json", "The request body is empty: send a JSON object.");
    expect(expectError(await post({ body: { ...good, colour: "red" } }), 400, "invalid_input").fields).toEqual({ form: 'Unrecognized key: "colour"' });
    expect(expectError(await post({ body: { ...good, occurredAt: "2999-01-01" } }), 400, "invalid_input").fields).toEqual({ occurredAt: "Cannot be in the future" });
    expect(expectError(await post({ body: { ...good, projectId: 999_999 } }), 400, "invalid_input").fields).toEqual({ projectId: "Choose a project" });
    expect(expectError(await post({ body: { ...good, coAuthors: [{ handle: "nobody", sharePercent: 10 }] } }), 400, "invalid_input").fields).toEqual({ "coAuthors.0.handle": "No active contributor is called @nobody" });
    expect(expectError(await post({ body: [1, 2] }), 400, "invalid_input").fields).toEqual({ form: "Invalid input: expected object, received array" });
    expect(await apiRowCounts()).toEqual(before);
  });

  test("refuses anonymous, revoked, read-only and deactivated callers, writing nothing", async () => {
    const before = await apiRowCounts();
    const body = { projectId, title: "T", kind: "data", occurredAt: "2026-03-01" };
    expectError(await call(createPOST, { method: "POST", path: "/contributions", body }), 401, "unauthenticated");
    expectError(await call(createPOST, { method: "POST", path: "/contributions", body, token: "us_nothing" }), 401, "invalid_token", "This is not a valid API token.");
    expectError(await call(createPOST, { method: "POST", path: "/contributions", body, token: `us_0000abcd_${"0".repeat(64)}` }), 401, "invalid_token", "This is not a valid API token.");
    expectError(await call(createPOST, { method: "POST", path: "/contributions", body, token: revoked }), 401, "invalid_token", "This API token was revoked.");
    expectError(await call(createPOST, { method: "POST", path: "/contributions", body, token: aliceReadOnly }), 403, "insufficient_scope");
    const gone = await makeUser({ handle: "gone" });
    const goneToken = await tokenFor(gone);
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const mid = await apiRowCounts();
    expectError(await call(listGET, { path: "/contributions", token: goneToken }), 401, "invalid_token", "The owner of this API token is deactivated.");
    expect(await apiRowCounts()).toEqual(mid);
    expect({ ...mid, contributions: 0 }).toEqual({ ...before, contributions: 0, tokens: before.tokens + 1, audit: before.audit + 1 });
  });
});

describe("PATCH /contributions/{id}", () => {
  test("an author edits the fields sent, keeps the rest and the co-author's share, and the version moves on", async () => {
    const c = await makeContribution({ projectId, authorIds: [alice.id, bob.id], occurredAt: day(2), title: "Tide labels" });
    const res = await call(updatePATCH, { method: "PATCH", path: `/contributions/${c.id}`, token: aliceToken, params: { id: String(c.id) }, body: { version: 1, title: "Tide gauge labels", url: "https://example.org/tide" } });
    const body = parsed(contributionSchema, res);
    expect(body).toEqual({
      id: c.id, projectId, title: "Tide gauge labels", description: "", kind: "data", status: "unreviewed", source: "manual",
      occurredAt: day(2).toISOString(), url: "https://example.org/tide", version: 2,
      authors: [{ userId: alice.id, handle: "alice", share: 0.5 }, { userId: bob.id, handle: "bob", share: 0.5 }],
      ...(await rowView(c.id)), withdrawnAt: null,
    });
    expect(await prisma.auditEvent.count({ where: { action: "contribution.update", entityId: String(c.id) } })).toBe(1);
    const stale = await call(updatePATCH, { method: "PATCH", path: `/contributions/${c.id}`, token: aliceToken, params: { id: String(c.id) }, body: { version: 1, title: "Again" } });
    expectError(stale, 409, "conflict", "Someone changed this contribution after you opened it. Reload to see their changes.");
  });

  test("refuses a non-author, a read-only token and unknown ids, changing nothing", async () => {
    const c = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(3) });
    const before = { counts: await apiRowCounts(), row: await prisma.contribution.findUniqueOrThrow({ where: { id: c.id } }) };
    const patch = (token: string, id = String(c.id)) => call(updatePATCH, { method: "PATCH", path: `/contributions/${id}`, token, params: { id }, body: { version: 1, title: "Mine now" } });
    expectError(await patch(bobToken), 403, "forbidden", "Only its authors can edit this contribution.");
    expectError(await patch(maintToken), 403, "forbidden");
    expectError(await patch(aliceReadOnly), 403, "insufficient_scope");
    expectError(await patch(aliceToken, "999999"), 404, "not_found", "This contribution does not exist.");
    expectError(await patch(aliceToken, "abc"), 404, "not_found");
    expect({ counts: await apiRowCounts(), row: await prisma.contribution.findUniqueOrThrow({ where: { id: c.id } }) }).toEqual(before);
  });
});

describe("GET /contributions", () => {
  test("pages through every matching row once, in id order, and filters by project, kind, author and time", async () => {
    const ids: number[] = [];
    for (let d = 10; d < 17; d++) ids.push((await makeContribution({ projectId: otherProjectId, authorIds: [d % 2 ? bob.id : alice.id], occurredAt: day(d) })).id);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `?projectId=${otherProjectId}&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = parsed(contributionPageSchema, await call(listGET, { path: `/contributions${q}`, token: bobToken }));
      seen.push(...page.data.map((c) => c.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect([seen, pages]).toEqual([ids, 3]);
    const filtered = parsed(contributionPageSchema, await call(listGET, { path: `/contributions?projectId=${otherProjectId}&author=bob&from=2026-03-12T00:00:00Z&to=2026-03-16T00:00:00Z`, token: aliceToken }));
    // bob wrote the odd days; [12th, 16th) holds the 13th and 15th
    expect(filtered.data.map((c) => c.occurredAt)).toEqual([day(13).toISOString(), day(15).toISOString()]);
    expect(parsed(contributionPageSchema, await call(listGET, { path: `/contributions?projectId=${otherProjectId}&kind=code`, token: aliceToken }))).toEqual({ data: [], nextCursor: null });
  });

  test("shows withdrawn work only on request and only to whom it is visible: its authors, its project's maintainers", async () => {
    const gone = await makeContribution({ projectId, authorIds: [alice.id], occurredAt: day(20), deleted: true });
    const idsFor = async (token: string, extra = "&includeWithdrawn=true") =>
      parsed(contributionPageSchema, await call(listGET, { path: `/contributions?projectId=${projectId}&limit=100${extra}`, token })).data.map((c) => c.id).filter((id) => id === gone.id);
    expect(await idsFor(aliceToken)).toEqual([gone.id]);
    expect(await idsFor(aliceToken, "")).toEqual([]);
    expect(await idsFor(maintToken)).toEqual([gone.id]);
    expect(await idsFor(otherMaintToken)).toEqual([]);
    expect(await idsFor(bobToken)).toEqual([]);
    expectError(await call(getGET, { path: `/contributions/${gone.id}`, token: otherMaintToken, params: { id: String(gone.id) } }), 404, "not_found");
    expect(parsed(contributionSchema, await call(getGET, { path: `/contributions/${gone.id}`, token: maintToken, params: { id: String(gone.id) } })).withdrawnAt).not.toBeNull();
  });

  test("refuses a bad cursor, a limit out of bounds and an unknown filter with 400", async () => {
    expectError(await call(listGET, { path: "/contributions?cursor=bogus", token: aliceToken }), 400, "invalid_cursor");
    expect(expectError(await call(listGET, { path: "/contributions?limit=1000", token: aliceToken }), 400, "invalid_input").fields).toEqual({ limit: "Too big: expected number to be <=100" });
    expect(expectError(await call(listGET, { path: "/contributions?colour=red", token: aliceToken }), 400, "invalid_input").fields).toEqual({ form: 'Unrecognized key: "colour"' });
    expectError(await call(listGET, { path: "/contributions" }), 401, "unauthenticated");
    expectError(await call(listGET, { path: "/contributions", token: revoked }), 401, "invalid_token");
    expectError(await call(listGET, { path: "/contributions", token: (await tokenFor(alice, ["write"])) }), 403, "insufficient_scope");
  });
});

describe("Idempotency-Key on POST /contributions", () => {
  test("replays the first response for the same key and body, refuses the key with another body, and creates once", async () => {
    const body = { projectId, title: "Once only", kind: "code", occurredAt: "2026-03-05T10:00:00Z" };
    const send = (b: unknown, key = "key-1") => call(createPOST, { method: "POST", path: "/contributions", token: aliceToken, body: b, headers: { "idempotency-key": key } });
    const first = await send(body);
    const before = await apiRowCounts();
    const again = await send({ occurredAt: body.occurredAt, kind: "code", title: "Once only", projectId });
    expect([again.status, again.body, again.headers.get("idempotent-replayed")]).toEqual([201, first.body, "true"]);
    expectError(await send({ ...body, title: "Something else" }), 422, "idempotency_key_reused");
    expect(await apiRowCounts()).toEqual(before);
    expect(await prisma.contribution.count({ where: { title: "Once only" } })).toBe(1);
    // A refused request releases its key: the corrected retry goes through.
    expectError(await send({ ...body, projectId: 999_999 }, "key-2"), 400, "invalid_input");
    expect((await send(body, "key-2")).status).toBe(201);
    expectError(await send(body, "bad key with spaces"), 400, "invalid_idempotency_key");
    // Two at once with one key: one creates, the other replays it or is told to wait, never a second row.
    const racing = await Promise.all([send({ ...body, title: "Raced" }, "key-3"), send({ ...body, title: "Raced" }, "key-3")]);
    expect(racing.map((r) => r.status).sort()).toEqual(racing.some((r) => r.status === 409) ? [201, 409] : [201, 201]);
    expect(await prisma.contribution.count({ where: { title: "Raced" } })).toBe(1);
  });
});
