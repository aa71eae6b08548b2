// The OpenAPI 3.1 document of /api/v1, generated from the endpoints' zod schemas (JSON Schema
// 2020-12, which OpenAPI 3.1 uses as is): the document cannot drift from what the routes check.
import { z } from "zod";
import type { EndpointSpec } from "./endpoint";
import { ENDPOINTS } from "./endpoints";
import { errorBodySchema } from "./schemas/common";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

function parameters(spec: EndpointSpec): Json[] {
  const out: Json[] = [];
  const add = (where: "path" | "query", shape: Record<string, z.ZodType>) => {
    for (const [name, field] of Object.entries(shape)) {
      const { description, ...schema } = jsonSchema(field, "input");
      out.push({ name, in: where, required: where === "path" || !field.safeParse(undefined).success, ...(description ? { description } : {}), schema });
    }
  };
  if (spec.params) add("path", spec.params.shape as Record<string, z.ZodType>);
  if (spec.query) add("query", spec.query.shape as Record<string, z.ZodType>);
  if (spec.idempotent) {
    out.push({
      name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", minLength: 1, maxLength: 255 },
      description: "Retrying with the same key and body replays the first response (header Idempotent-Replayed: true); the same key with another body is refused with 422 idempotency_key_reused. Keys last 24 hours.",
    });
  }
  return out;
}

const ERROR_STATUSES: { status: number; when: (s: EndpointSpec) => boolean; description: string }[] = [
  { status: 400, when: () => true, description: "invalid_input, invalid_json, invalid_cursor or invalid_idempotency_key" },
  { status: 401, when: () => true, description: "unauthenticated (no token) or invalid_token (unknown, revoked, or its owner deactivated)" },
  { status: 403, when: () => true, description: "insufficient_scope, or forbidden by the owner's role" },
  { status: 404, when: (s) => Boolean(s.params) || s.scope === "metrics:read", description: "not_found" },
  { status: 409, when: (s) => s.method !== "GET", description: "conflict (a stale version, a duplicate) or idempotency_in_progress" },
  { status: 413, when: (s) => Boolean(s.body), description: "payload_too_large" },
  { status: 415, when: (s) => Boolean(s.body), description: "unsupported_media_type: send application/json" },
  { status: 422, when: (s) => Boolean(s.idempotent), description: "idempotency_key_reused" },
  { status: 429, when: () => true, description: "rate_limited: wait Retry-After seconds" },
];

function operation(spec: EndpointSpec): Json {
  const errors = Object.fromEntries(
    ERROR_STATUSES.filter((e) => e.when(spec)).map((e) => [String(e.status), { description: e.description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
  );
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    security: [{ bearerToken: [] }],
    "x-required-scope": spec.scope,
    parameters: parameters(spec),
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.body, "input") } } } } : {}),
    responses: {
      [String(spec.status)]: { description: spec.status === 201 ? "Created" : "OK", content: { "application/json": { schema: jsonSchema(spec.response, "output") } } },
      ...errors,
    },
  };
}

export function buildOpenApiDocument(endpoints: EndpointSpec[] = ENDPOINTS): Json {
  const paths: Record<string, Json> = {
    "/openapi.json": {
      get: { operationId: "getOpenApiDocument", tags: ["Meta"], summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } } },
    },
  };
  for (const spec of endpoints) (paths[spec.path] ??= {})[spec.method.toLowerCase()] = operation(spec);
  return {
    openapi: "3.1.0",
    info: {
      title: "Understory REST API",
      version: "1",
      description: "Contributions, links and their disputes, projects, campaigns and the stored metrics. Authenticate with a token from /tokens: Authorization: Bearer us_…. Errors are {error: {code, message, fields?, requestId}}. Lists are paged by an opaque cursor. See docs/api.md.",
    },
    servers: [{ url: "/api/v1" }],
    tags: ["Contributions", "Links", "Disputes", "Projects", "Campaigns", "Metrics", "Meta"].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", bearerFormat: "us_<prefix>_<secret>" } },
      schemas: { Error: jsonSchema(errorBodySchema, "output") },
    },
  };
}
