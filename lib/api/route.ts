// The one wrapper every /api/v1 route goes through: token, rate limit, scope, then the path, query
// and body checked against the endpoint's schemas, an Idempotency-Key honoured on creates, and
// every failure turned into the JSON error shape with its status. Unknown errors are logged in full
// and reach the client as a generic message with the request id.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/common";
import { logger } from "@/lib/logger";
import { DATABASE_BUSY_MESSAGE, DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseBusy, isDatabaseUnavailable } from "@/lib/db-unavailable";
import { authenticateRequest, requireScope } from "./authenticate";
import { canonicalJson, readJsonBody, searchParamsToObject } from "./body";
import { ApiError } from "./errors";
import { requestFingerprint, withIdempotency } from "./idempotency";
import { readBackFor } from "./idempotency-readback";
import { apiRateLimiter } from "./rate-limit";
import { CachedJson, matchesEtag } from "./response-cache";
import type { EndpointHandler, EndpointSpec } from "./endpoint";

type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

function json(status: number, body: unknown, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers } });
}

function parseWith<T extends z.ZodType>(schema: T, input: unknown, what: "query" | "body"): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const message = what === "body" ? "The request body has invalid fields." : "The query string has invalid parameters.";
    throw new ApiError("invalid_input", message, { fields: fieldErrorsOf(parsed.error) });
  }
  return parsed.data;
}

function errorResponse(e: unknown, requestId: string, headers: Record<string, string>, log: typeof logger): Response {
  if (e instanceof ApiError) {
    return json(e.status, { error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}), requestId } }, { ...headers, ...e.headers });
  }
  if (isAppError(e)) {
    return json(e.status, { error: { code: e.code, message: e.message, ...(e.fieldErrors ? { fields: e.fieldErrors } : {}), requestId } }, headers);
  }
  if (isDatabaseUnavailable(e)) {
    log.warn({ err: e }, "api request failed: database unavailable");
    return json(503, { error: { code: "database_unavailable", message: DATABASE_UNAVAILABLE_MESSAGE, requestId } }, { ...headers, "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) });
  }
  if (isDatabaseBusy(e)) {
    log.warn({ err: e }, "api request failed: database busy");
    return json(503, { error: { code: "database_busy", message: DATABASE_BUSY_MESSAGE, requestId } }, { ...headers, "retry-after": "1" });
  }
  log.error({ err: e }, "api request failed");
  return json(500, { error: { code: "internal_error", message: `Something went wrong on our side (request ${requestId}).`, requestId } }, headers);
}

export function apiRoute<S extends EndpointSpec>(spec: S, handler: EndpointHandler<S>) {
  return async function handle(req: Request, context?: RouteContext): Promise<Response> {
    const requestId = randomUUID();
    const started = Date.now();
    const headers: Record<string, string> = { "x-request-id": requestId };
    // One line per request: who (token id, never the token), what, the outcome, how long.
    const log = logger.child({ requestId, operation: spec.operationId });
    let tokenId: number | undefined;
    const done = (res: Response) => {
      log.info({ tokenId, status: res.status, ms: Date.now() - started }, "api request");
      return res;
    };
    try {
      const caller = await authenticateRequest(req);
      tokenId = caller.tokenId;
      const limit = apiRateLimiter().take(caller.tokenId);
      headers["ratelimit-limit"] = String(limit.limit);
      if (!limit.ok) {
        headers["ratelimit-remaining"] = "0";
        throw new ApiError("rate_limited", `Too many requests with this token: retry in ${limit.retryAfterSeconds} s.`, { headers: { "retry-after": String(limit.retryAfterSeconds) } });
      }
      headers["ratelimit-remaining"] = String(limit.remaining);
      requireScope(caller, spec.scope);
      // A path segment that is not a valid id names nothing: 404, like an id that does not exist.
      const params = spec.params ? spec.params.safeParse((await context?.params) ?? {}) : undefined;
      if (params && !params.success) throw new ApiError("not_found", "No such resource.");
      const query = spec.query ? parseWith(spec.query, searchParamsToObject(new URL(req.url).searchParams), "query") : undefined;
      const raw = spec.body ? await readJsonBody(req, env().API_MAX_BODY_BYTES) : undefined;
      const body = spec.body && raw ? parseWith(spec.body, raw.value, "body") : undefined;
      const run = async () => ({
        status: spec.status as number,
        body: await handler({ actor: caller.actor, tokenId: caller.tokenId, params: params?.data, query, body } as Parameters<EndpointHandler<S>>[0]),
      });
      const key = spec.idempotent ? req.headers.get("idempotency-key") : null;
      const fingerprint = requestFingerprint(spec.method, new URL(req.url).pathname, raw ? canonicalJson(raw.value) : "");
      const result = await withIdempotency(caller.tokenId, key, fingerprint, run, requestId, readBackFor(spec.operationId, spec.status, caller.actor));
      if (result.replayed) headers["idempotent-replayed"] = "true";
      // A metric read served from response-cache.ts: already serialized, with its ETag (the caller
      // passed every check above first). Clients may keep it but must revalidate.
      if (result.body instanceof CachedJson) {
        const cached = { ...headers, etag: result.body.etag, "cache-control": "private, no-cache" };
        if (matchesEtag(req.headers.get("if-none-match"), result.body.etag)) return done(new Response(null, { status: 304, headers: cached }));
        return done(new Response(result.body.text, { status: result.status, headers: { "content-type": "application/json; charset=utf-8", ...cached } }));
      }
      return done(json(result.status, result.body, headers));
    } catch (e) {
      return done(errorResponse(e, requestId, headers, log));
    }
  };
}
