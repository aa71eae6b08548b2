// Which parameter set a page or form is about: the ecosystem default or one project's.
import { z } from "zod";
import { idSchema } from "@/lib/validation/common";

export const paramScopeSchema = z
  .union([z.literal("ecosystem"), z.literal(""), z.undefined(), idSchema], { error: "Choose the ecosystem or a project" })
  .transform((v) => (v === "ecosystem" || v === "" || v === undefined ? null : v));

/** The audit entity id of a parameter set. */
export const paramsEntityId = (projectId: number | null): string => (projectId === null ? "ecosystem" : String(projectId));
export const PARAMS_ENTITY = "metric_params";
