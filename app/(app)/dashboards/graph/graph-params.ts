// The explorer's own URL parameters, beside the dashboard filters:
// ?contribution=<id> | ?contributor=<handle>, &depth=1|2, &q=<search>. Malformed values fall back to
// "no focus" or the default depth rather than failing the page, like the dashboard filters.
import { z } from "zod";
import { handleSchema, idSchema } from "@/lib/validation/common";

export const graphParamsSchema = z.object({
  contribution: idSchema.optional().catch(undefined),
  contributor: handleSchema.optional().catch(undefined),
  depth: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2)])).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

export type GraphParams = z.output<typeof graphParamsSchema>;

export function parseGraphParams(searchParams: Record<string, string | string[] | undefined>): GraphParams {
  const one = (k: string) => (Array.isArray(searchParams[k]) ? searchParams[k]![0] : searchParams[k]);
  return graphParamsSchema.parse({ contribution: one("contribution"), contributor: one("contributor"), depth: one("depth"), q: one("q") || undefined });
}

/** A contribution shows its lineage two steps out by default (most have few links); a person one. */
export function defaultDepth(params: GraphParams): 1 | 2 {
  return params.depth ?? (params.contribution !== undefined ? 2 : 1);
}
