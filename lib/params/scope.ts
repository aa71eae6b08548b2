// Which parameter set a page or form is about: the ecosystem default or one project's.
import { z } from "zod";
import { idSchema } from "@/lib/validation/common";

/** For pages: no scope in the URL is the ecosystem set. */
export const paramScopeSchema = z
  .union([z.literal("ecosystem"), z.literal(""), z.undefined(), idSchema], { error: "Choose the ecosystem or a project" })
  .transform((v) => (v === "ecosystem" || v === "" || v === undefined ? null : v));

/** For writes the scope must be named: a form that lost its scope never falls through to the ecosystem set. */
export const paramScopeInputSchema = z.unknown().transform((v, ctx) => {
  if (v === "ecosystem") return null;
  const id = idSchema.safeParse(v);
  if (v === "" || v === undefined || v === null || !id.success) {
    ctx.addIssue({ code: "custom", message: "Choose the ecosystem or a project" });
    return z.NEVER;
  }
  return id.data;
});

/** The audit entity id of a parameter set. */
export const paramsEntityId = (projectId: number | null): string => (projectId === null ? "ecosystem" : String(projectId));
export const PARAMS_ENTITY = "metric_params";
