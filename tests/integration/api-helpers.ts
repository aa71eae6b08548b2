// Helpers for the REST API tests: tokens made through the real mutation, route handlers called
// with a plain Request (as Next calls them), and whole-table counts to show a refusal wrote nothing.
import { expect } from "vitest";
import type { z } from "zod";
import { prisma } from "../../lib/db";
import { createToken, revokeToken } from "../../lib/tokens/mutations";
import { errorBodySchema } from "../../lib/api/schemas/common";
import { actorOf, rowCounts } from "./factories";

export const BASE = "http://localhost/api/v1";

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallResult {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function tokenFor(user: { id: number }, scopes: string[] = ["read", "write"], name = "test"): Promise<string> {
  return (await createToken(await actorOf(user), { name, scopes })).token;
}

export async function revokedTokenFor(user: { id: number }): Promise<string> {
  const actor = await actorOf(user);
  const created = await createToken(actor, { name: "revoked", scopes: ["read", "write", ...(actor.role === "contributor" ? [] : ["metrics:read"])] });
  await revokeToken(actor, { tokenId: created.id });
  return created.token;
}

/** Calls a route handler. `body` is sent as JSON unless `rawBody` is given. */
export async function call(handler: RouteHandler, opts: {
  method?: string; path: string; token?: string | null; body?: unknown; rawBody?: string;
  headers?: Record<string, string>; params?: Record<string, string>;
}): Promise<CallResult> {
  const headers: Record<string, string> = { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) };
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] = "application/json";
  }
  const req = new Request(`${BASE}${opts.path}`, { method: opts.method ?? "GET", headers: { ...headers, ...opts.headers }, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** The response body parsed with the endpoint's response schema in strict mode (extra keys fail). */
export function parsed<T extends z.ZodType>(schema: T, result: CallResult, status = 200): z.output<T> {
  expect([result.status, result.body]).toEqual([status, expect.anything()]);
  return schema.parse(result.body);
}

/** Asserts an error response: its status, code and (when given) message. */
export function expectError(result: CallResult, status: number, code: string, message?: string | RegExp) {
  const body = errorBodySchema.parse(result.body);
  expect([result.status, body.error.code]).toEqual([status, code]);
  if (typeof message === "string") expect(body.error.message).toBe(message);
  else if (message) expect(body.error.message).toMatch(message);
  return body.error;
}

/** Every table an API call may write. */
export async function apiRowCounts() {
  const [base, projects, maintainers, campaigns, tokens, idempotencyKeys, jobs] = await Promise.all([
    rowCounts(), prisma.project.count(), prisma.projectMaintainer.count(), prisma.campaign.count(),
    prisma.apiToken.count(), prisma.idempotencyKey.count(), prisma.job.count(),
  ]);
  return { ...base, projects, maintainers, campaigns, tokens, idempotencyKeys, jobs };
}
