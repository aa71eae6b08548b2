// The stress lab's form values to a scenario, validated by the engine's own schema
// (stressScenarioSchema) with messages a person can act on. Only the fields of the chosen scenario
// are read, so stale inputs of another scenario never reach the strict schema.
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { stressScenarioSchema, type StressScenario } from "@/lib/metrics/stress-scenarios";
import { fieldErrorsOf } from "@/lib/validation/common";
import { scenarioSpecOf } from "./fields";

const INVALID = "Please correct the highlighted fields.";

/** Blank is "not given"; anything else must read as a number (NaN is refused by the schema). */
function numberOf(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") return Number.NaN;
  const s = value.trim();
  return s === "" ? undefined : Number(s);
}

function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Required";
      return issue.expected === "int" ? "Enter a whole number" : "Enter a number";
    case "too_small":
      return `At least ${String(issue.minimum)}`;
    case "too_big":
      return `At most ${String(issue.maximum)}`;
    case "invalid_value":
      return "Choose one of the options";
    default:
      return undefined;
  }
}

/** The dashboard scope asked for: "all" or a project slug (resolveScopeOrThrow decides if it is allowed). */
export function scopeSlugOf(values: Record<string, unknown>): string {
  return typeof values.project === "string" && values.project.trim() !== "" ? values.project.trim() : "all";
}

/** Throws AppError("invalid_input") with one message per form field. */
export function parseScenarioForm(values: Record<string, unknown>): StressScenario {
  const kind = typeof values.kind === "string" ? values.kind : "";
  const spec = scenarioSpecOf(kind);
  if (!spec) throw new AppError("invalid_input", INVALID, { kind: "Choose one of the four scenarios" });

  const candidate: Record<string, unknown> = { kind };
  for (const f of spec.fields) {
    const n = numberOf(values[f.name]);
    if (n === undefined) continue;
    const [head, tail] = f.name.split(".");
    if (tail) candidate[head] = { ...(candidate[head] as object | undefined), [tail]: n };
    else candidate[head] = n;
  }
  if (kind === "sybil_ring" && typeof values.status === "string" && values.status !== "") candidate.status = values.status;

  const parsed = stressScenarioSchema.safeParse(candidate, { error: friendlyMessage });
  if (!parsed.success) throw new AppError("invalid_input", INVALID, fieldErrorsOf(parsed.error));
  const scenario = parsed.data;
  if (scenario.kind === "weight_sweep" && scenario.rho === undefined && scenario.d === undefined && Object.keys(scenario.typeWeights ?? {}).length === 0) {
    throw new AppError("invalid_input", "Set at least one of ρ, d or a link-type weight: a sweep that changes nothing has nothing to show.");
  }
  return scenario;
}
