// The OpenAPI document is generated from the endpoint specs, and the specs must match the route
// files under app/api/v1 one to one: a route without a spec (undocumented) or a spec without a
// route (documented but missing) fails here.
import { describe, test, expect } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { buildOpenApiDocument } from "../../../lib/api/openapi";
import { ENDPOINTS } from "../../../lib/api/endpoints";

const ROOT = path.join("app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** "METHOD /path" for every handler exported by a route file, [id] written as {id}. */
function routeOperations(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === "route.ts") {
        const route = "/" + path.relative(ROOT, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");
        const source = readFileSync(p, "utf8");
        for (const m of METHODS) if (new RegExp(`export (const|async function|function) ${m}\\b`).test(source)) out.push(`${m} ${route}`);
      }
    }
  };
  walk(ROOT);
  return out.sort();
}

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string; required: boolean }[]; requestBody?: unknown; responses: Record<string, unknown>; security: unknown[] }>> };

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument() as unknown as Doc;
  const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();

  test("documents exactly the operations the route files serve", () => {
    expect(documented).toEqual(routeOperations());
    expect(documented).toContain("GET /openapi.json");
    expect(documented.length).toBe(ENDPOINTS.length + 1);
  });

  test("is OpenAPI 3.1 with unique operation ids and bearer auth on every endpoint but itself", () => {
    expect(doc.openapi).toBe("3.1.0");
    const ops = Object.values(doc.paths).flatMap((o) => Object.values(o));
    const ids = ops.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ops.filter((o) => o.security.length === 0).map((o) => o.operationId)).toEqual(["getOpenApiDocument"]);
  });

  test("turns the zod schemas into parameters, bodies and responses", () => {
    const list = doc.paths["/contributions"].get;
    expect(list.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ["limit", "query", false], ["cursor", "query", false], ["projectId", "query", false], ["kind", "query", false], ["status", "query", false],
      ["source", "query", false], ["author", "query", false], ["from", "query", false], ["to", "query", false], ["includeWithdrawn", "query", false],
    ]);
    expect(list.parameters[0]).toEqual({ name: "limit", in: "query", required: false, description: "page size, 1–100", schema: { type: "integer", minimum: 1, maximum: 100, default: 25 } });
    const create = doc.paths["/contributions"].post;
    expect(create.parameters.map((p) => [p.name, p.in])).toEqual([["Idempotency-Key", "header"]]);
    const body = (create.requestBody as { content: { "application/json": { schema: { required: string[]; additionalProperties: boolean } } } }).content["application/json"].schema;
    expect([body.required, body.additionalProperties]).toEqual([["projectId", "title", "kind", "occurredAt"], false]);
    expect(Object.keys(create.responses)).toEqual(["201", "400", "401", "403", "409", "413", "415", "422", "429"]);
    expect(doc.paths["/contributions/{id}"].get.parameters).toEqual([{ name: "id", in: "path", required: true, description: "the resource's id", schema: { type: "integer", minimum: 1, maximum: 2147483647 } }]);
    expect(Object.keys(doc.paths["/metrics/series"].get.responses)).toEqual(["200", "400", "401", "403", "404", "429"]);
    expect(doc.paths["/metrics/series"].get.parameters.find((p) => p.name === "metric")?.required).toBe(true);
  });
});
