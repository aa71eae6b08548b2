// One REST endpoint's contract: method, path, scope and its zod schemas. The route wrapper
// validates with these, the OpenAPI document is generated from these, and the tests parse
// responses with these: one definition per boundary.
import type { z } from "zod";
import type { TokenScope } from "@/lib/tokens/scopes";
import type { Actor } from "@/lib/auth/actor";
import type { CachedJson } from "./response-cache";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface EndpointSpec {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI style, under /api/v1: "/contributions/{id}" */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  scope: TokenScope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status: 200 | 201;
  /** accepts an Idempotency-Key header (creates) */
  idempotent?: boolean;
}

export function defineEndpoint<const S extends EndpointSpec>(spec: S): S {
  return spec;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HandlerContext<S extends EndpointSpec> {
  actor: Actor;
  tokenId: number;
  params: Out<S["params"]>;
  query: Out<S["query"]>;
  body: Out<S["body"]>;
}

/** A handler answers the response's shape, or an answer already serialized (response-cache.ts). */
export type EndpointHandler<S extends EndpointSpec> = (ctx: HandlerContext<S>) => Promise<z.input<S["response"]> | CachedJson>;
