// One fuzz request to a route handler: the authorization matrix's driver gives the handler, the
// path, its params and a body that works; a case bends them (body fields, raw bodies and content
// types, path params, query parameters, the Idempotency-Key) and this sends the result as Next
// would, reading the whole answer. An accepted upload runs in the background: it is awaited, so
// that what it writes is counted in its own case.
import { setTimeout as sleep } from "node:timers/promises";
import type { HttpCall } from "../integration/authz/drivers-api";
import { prisma } from "../../lib/db";
import type { Outcome } from "./fuzz-check";

export interface RequestBend {
  /** fields of the JSON body replaced, added (any key) or dropped */
  set?: [string, unknown][];
  drop?: string[];
  /** a body sent as it is instead of JSON (bytes: invalid UTF-8 and binary) */
  raw?: string | Uint8Array;
  contentType?: string | null;
  params?: Record<string, string>;
  query?: [string, string][];
  idempotencyKey?: string;
}

function bodyOf(c: HttpCall, bend: RequestBend): { body?: string | Uint8Array; type?: string } {
  if (bend.raw !== undefined) return { body: bend.raw, type: bend.contentType ?? undefined };
  if (c.raw !== undefined) return { body: c.raw };
  if (c.body === undefined && !bend.set?.length) return {};
  const value: Record<string, unknown> = c.body && typeof c.body === "object" ? { ...(c.body as Record<string, unknown>) } : {};
  for (const k of bend.drop ?? []) delete value[k];
  // defineProperty: "__proto__" becomes an own key, as JSON.parse makes it on the server.
  for (const [k, v] of bend.set ?? []) Object.defineProperty(value, k, { value: v, enumerable: true, configurable: true, writable: true });
  return { body: JSON.stringify(value), type: bend.contentType === undefined ? "application/json" : (bend.contentType ?? undefined) };
}

export async function sendBent(method: string, c: HttpCall, caller: { token: string | null }, bend: RequestBend): Promise<Outcome> {
  const url = new URL(`http://localhost${c.path}`);
  for (const [k, v] of bend.query ?? []) url.searchParams.set(k, v);
  const headers: Record<string, string> = caller.token ? { authorization: `Bearer ${caller.token}` } : {};
  const { body, type } = bodyOf(c, bend);
  if (type) headers["content-type"] = type;
  if (bend.idempotencyKey !== undefined) headers["idempotency-key"] = bend.idempotencyKey;
  let res: Response;
  try {
    const sent = typeof body === "string" || body === undefined ? body : new Uint8Array(body).buffer;
    const req = new Request(url, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : sent });
    res = await c.handler(req, { params: Promise.resolve({ ...(c.params ?? {}), ...(bend.params ?? {}) }) });
  } catch (e) {
    // Headers a client cannot send (a value with a line break) never reach the server.
    if (e instanceof TypeError && /header/i.test(e.message)) return { kind: "accepted" };
    return { kind: "serverError", detail: `threw ${(e as Error).name}: ${(e as Error).message}` };
  }
  const text = await res.text();
  if (res.status >= 500) return { kind: "serverError", detail: `${res.status} ${text.slice(0, 300)}` };
  if (res.status >= 400) {
    let error: { code?: unknown; message?: unknown } = {};
    try {
      error = (JSON.parse(text) as { error?: typeof error }).error ?? {};
    } catch {
      error = { message: text };
    }
    return { kind: "refused", code: error.code, message: error.message };
  }
  if (res.status === 202) await importFinished(JSON.parse(text).id as number);
  return { kind: "accepted" };
}

async function importFinished(id: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const row = await prisma.importBatch.findUnique({ where: { id }, select: { status: true } });
    if (row && row.status !== "running") return;
    await sleep(20);
  }
  throw new Error(`import ${id} did not finish`);
}
