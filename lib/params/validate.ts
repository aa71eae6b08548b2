// The parameters form to a validated params object, with one readable message per field. The
// schema itself (lib/metrics/params.ts) is the authority; this only shapes its refusals for people.
import type { z } from "zod";
import { metricParamsSchema, type MetricParams } from "@/lib/metrics/params";
import { PARAM_PATHS } from "./catalogue";
import { formToParams } from "./paths";

export type ParamsParse = { ok: true; params: MetricParams } | { ok: false; fieldErrors: Record<string, string> };

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_small") return `At least ${String(issue.minimum)}`;
  if (issue.code === "too_big") return `At most ${String(issue.maximum)}`;
  if (issue.code === "invalid_type") return issue.expected === "int" ? "Must be a whole number" : "Enter a number";
  if (issue.code === "unrecognized_keys") return `Unknown parameter: ${issue.keys.join(", ")}`;
  return issue.message;
}

/** Validates a complete params object (every leaf present), as the form sends it. */
export function parseParamsObject(input: unknown): ParamsParse {
  const parsed = metricParamsSchema.safeParse(input);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "form";
      fieldErrors[key] ??= messageOf(issue);
    }
    return { ok: false, fieldErrors };
  }
  // A rule the schema cannot state field by field: a ring's size bounds must be ordered.
  if (parsed.data.ring.minSize > parsed.data.ring.maxSize) {
    return { ok: false, fieldErrors: { "ring.minSize": "Must not exceed the ring's maximum size" } };
  }
  return { ok: true, params: parsed.data };
}

/** The form's values (one input per dotted path) to a validated params object. */
export function parseParamsForm(values: Record<string, unknown>): ParamsParse {
  return parseParamsObject(formToParams(values, PARAM_PATHS));
}
