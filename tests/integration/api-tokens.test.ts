// API tokens: created with scopes the owner's role allows, stored as a hash, shown once, audited
// without the secret, revoked by their owner or an admin; the bearer check behind every request.
import { describe, test, expect, beforeAll } from "vitest";
import { createHash } from "node:crypto";
import { prisma } from "../../lib/db";
import { createToken, revokeToken } from "../../lib/tokens/mutations";
import { listMyTokens, listOthersTokens } from "../../lib/tokens/queries";
import { MAX_ACTIVE_TOKENS } from "../../lib/tokens/schemas";
import { authenticateRequest } from "../../lib/api/authenticate";
import { ApiError } from "../../lib/api/errors";
import { apiRoute } from "../../lib/api/route";
import { defineEndpoint } from "../../lib/api/endpoint";
import { z } from "zod";
import type { Actor } from "../../lib/auth/actor";
import { actorOf, makeUser } from "./factories";
import { expectAppError } from "./admin-helpers";
import { apiRowCounts, BASE, call, expectError } from "./api-helpers";

let alice: Actor, bob: Actor, maint: Actor, admin: Actor;

beforeAll(async () => {
  [alice, bob, maint, admin] = await Promise.all([
    makeUser({ handle: "alice" }), makeUser({ handle: "bob" }), makeUser({ handle: "mona", role: "maintainer" }), makeUser({ handle: "ada", role: "admin" }),
  ].map(async (u) => actorOf(await u)));
});

const bearer = (token: string) => new Request(`${BASE}/contributions`, { headers: { authorization: `Bearer ${token}` } });

describe("createToken", () => {
  test("returns us_<prefix>_<secret> once, stores only its sha256 and prefix, and audits without the secret", async () => {
    const { id, token, prefix } = await createToken(alice, { name: "  CI importer ", scopes: ["write", "read", "read"] });
    expect(token).toMatch(/^us_[0-9a-f]{8}_[0-9a-f]{64}$/);
    expect(prefix).toBe(token.slice(0, 11));
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect([row.userId, row.name, row.prefix, row.scopes, row.tokenHash, row.lastUsedAt, row.revokedAt])
      .toEqual([alice.id, "CI importer", prefix, ["read", "write"], createHash("sha256").update(token).digest("hex"), null, null]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "api_token.create", entityId: String(id) } });
    expect(audit.actorId).toBe(alice.id);
    expect(audit.after).toEqual({ id, userId: alice.id, name: "CI importer", prefix, scopes: ["read", "write"], createdAt: row.createdAt.toISOString(), revokedAt: null });
    const everything = JSON.stringify(await prisma.auditEvent.findMany(), (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect([everything.includes(token.slice(12)), everything.includes(row.tokenHash)]).toEqual([false, false]);
  });

  test("refuses scopes beyond the owner's role, an empty name, no scopes and a 21st live token, writing nothing", async () => {
    const before = await apiRowCounts();
    const e = await expectAppError(createToken(alice, { name: "metrics", scopes: ["read", "metrics:read"] }), "forbidden", "Your role cannot grant metrics:read (it needs maintainer).");
    expect(e.fieldErrors).toEqual({ scopes: "Your role cannot grant metrics:read (it needs maintainer)." });
    expect((await expectAppError(createToken(alice, { name: " ", scopes: ["read"] }), "invalid_input")).fieldErrors).toEqual({ name: "Name is required" });
    expect((await expectAppError(createToken(alice, { name: "none" }), "invalid_input")).fieldErrors).toEqual({ scopes: "Choose at least one scope" });
    expect((await expectAppError(createToken(alice, { name: "x", scopes: ["admin"] }), "invalid_input")).fieldErrors).toEqual({ "scopes.0": "Unknown scope" });
    await expectAppError(createToken(null, { name: "x", scopes: ["read"] }), "unauthenticated");
    expect(await apiRowCounts()).toEqual(before);
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) await createToken(bob, { name: `t${i}`, scopes: ["read"] });
    const full = await apiRowCounts();
    await expectAppError(createToken(bob, { name: "one more", scopes: ["read"] }), "conflict", `You already have ${MAX_ACTIVE_TOKENS} active tokens: revoke one first.`);
    expect(await apiRowCounts()).toEqual(full);
    expect((await createToken(maint, { name: "dashboards", scopes: ["metrics:read"] })).token).toMatch(/^us_/);
  });
});

describe("revokeToken and the lists", () => {
  test("owners revoke their own, admins anyone's; others' tokens are not found to non-admins", async () => {
    const mine = await createToken(maint, { name: "mine", scopes: ["read"] });
    const before = await apiRowCounts();
    await expectAppError(revokeToken(alice, { tokenId: mine.id }), "not_found", "This token does not exist.");
    expect(await apiRowCounts()).toEqual(before);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: mine.id } })).revokedAt).toBeNull();
    await revokeToken(admin, { tokenId: mine.id });
    await expectAppError(revokeToken(maint, { tokenId: mine.id }), "conflict", "This token is already revoked.");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "api_token.revoke", entityId: String(mine.id) } });
    expect([audit.actorId, (audit.before as { revokedAt: unknown }).revokedAt, typeof (audit.after as { revokedAt: unknown }).revokedAt]).toEqual([admin.id, null, "string"]);
    const own = await createToken(maint, { name: "own", scopes: ["read"] });
    await revokeToken(maint, { tokenId: own.id });
    expect((await listMyTokens(maint)).map((t) => [t.name, t.revokedAt !== null])).toEqual([["dashboards", false], ["own", true], ["mine", true]]);
    expect(await listOthersTokens(maint)).toEqual([]);
    expect(new Set((await listOthersTokens(admin)).map((t) => t.user.handle))).toEqual(new Set(["alice", "bob", "mona"]));
  });
});

describe("authenticateRequest", () => {
  test("loads the owner as an Actor and marks the token used at most once a minute", async () => {
    const { id, token } = await createToken(maint, { name: "clock", scopes: ["read"] });
    const t0 = new Date("2026-11-01T10:00:00Z");
    const caller = await authenticateRequest(bearer(token), t0);
    expect([caller.tokenId, caller.scopes, caller.actor.id, caller.actor.role]).toEqual([id, ["read"], maint.id, "maintainer"]);
    const lastUsed = async () => (await prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt?.toISOString();
    expect(await lastUsed()).toBe(t0.toISOString());
    await authenticateRequest(bearer(token), new Date(t0.getTime() + 59_000));
    expect(await lastUsed()).toBe(t0.toISOString());
    await authenticateRequest(bearer(token), new Date(t0.getTime() + 61_000));
    expect(await lastUsed()).toBe(new Date(t0.getTime() + 61_000).toISOString());
  });

  test("refuses a missing header, a malformed one, an unknown, a revoked token and a deactivated owner with 401", async () => {
    const gone = await actorOf(await makeUser({ handle: "gone" }));
    const { token } = await createToken(gone, { name: "x", scopes: ["read"] });
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const { id: revokedId, token: revoked } = await createToken(alice, { name: "r", scopes: ["read"] });
    await revokeToken(alice, { tokenId: revokedId });
    const refusal = async (req: Request) => {
      const e = await authenticateRequest(req).then(() => null, (err: unknown) => err);
      expect(e).toBeInstanceOf(ApiError);
      return [(e as ApiError).status, (e as ApiError).code, (e as ApiError).message];
    };
    expect(await refusal(new Request(BASE))).toEqual([401, "unauthenticated", "Send an API token: Authorization: Bearer <token>. Create one at /tokens."]);
    expect(await refusal(new Request(BASE, { headers: { authorization: "Basic abc" } }))).toEqual([401, "invalid_token", "This is not a valid API token."]);
    expect(await refusal(bearer(`us_00000000_${"a".repeat(64)}`))).toEqual([401, "invalid_token", "This is not a valid API token."]);
    expect(await refusal(bearer(revoked))).toEqual([401, "invalid_token", "This API token was revoked."]);
    expect(await refusal(bearer(token))).toEqual([401, "invalid_token", "The owner of this API token is deactivated."]);
  });
});

describe("apiRoute", () => {
  test("a bug becomes a 500 with a generic message and the request id, never the error's own text", async () => {
    const spec = defineEndpoint({ operationId: "boom", method: "GET", path: "/boom", tag: "Test", summary: "fails", scope: "read", status: 200, response: z.object({}) });
    const route = apiRoute(spec, async () => {
      throw new Error("secret internals: connection string postgres://u:p@db");
    });
    const { token } = await createToken(alice, { name: "boom", scopes: ["read"] });
    const res = await call(route, { path: "/boom", token });
    const error = expectError(res, 500, "internal_error");
    expect([error.message, res.headers.get("x-request-id")]).toEqual([`Something went wrong on our side (request ${error.requestId}).`, error.requestId]);
  });
});
