// The OpenAPI 3.1 document, public like any API reference: it describes, it grants nothing.
import { buildOpenApiDocument } from "@/lib/api/openapi";

let cached: string | null = null;

export function GET(): Response {
  cached ??= JSON.stringify(buildOpenApiDocument(), null, 2);
  return new Response(cached, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" } });
}
