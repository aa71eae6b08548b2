import { describe, expect, test } from "vitest";
import { isAppError } from "@/lib/errors";
import { stressScenarioSchema } from "@/lib/metrics/stress-scenarios";
import { SCENARIOS, SYBIL_STATUSES } from "@/lib/stress/fields";
import { parseScenarioForm, scopeSlugOf } from "@/lib/stress/form";

/** The AppError's field messages, or a failure when it parsed. */
function refusal(values: Record<string, unknown>): { message: string; fieldErrors?: Record<string, string> } {
  try {
    parseScenarioForm(values);
  } catch (e) {
    if (isAppError(e)) return { message: e.message, fieldErrors: e.fieldErrors };
    throw e;
  }
  throw new Error("expected a refusal");
}

/** A valid scenario of `kind` with field `name` set to `value` (nested names spread as the form parser does). */
function scenarioWith(kind: string, name: string, value: number) {
  const spec = SCENARIOS.find((s) => s.kind === kind)!;
  const base: Record<string, unknown> = { kind };
  for (const f of spec.fields) if (f.defaultValue !== undefined) base[f.name] = f.defaultValue;
  const [head, tail] = name.split(".");
  if (tail) base[head] = { [tail]: value };
  else base[head] = value;
  return base;
}

describe("the form's field specs", () => {
  test("accept exactly the bounds the engine's schema accepts", () => {
    for (const s of SCENARIOS) {
      for (const f of s.fields) {
        expect(stressScenarioSchema.safeParse(scenarioWith(s.kind, f.name, f.min)).success, `${s.kind}.${f.name} min`).toBe(true);
        expect(stressScenarioSchema.safeParse(scenarioWith(s.kind, f.name, f.max)).success, `${s.kind}.${f.name} max`).toBe(true);
        const below = f.min - (Number.isInteger(f.step) ? 1 : 0.001);
        const above = f.max + (Number.isInteger(f.step) ? 1 : 0.001);
        expect(stressScenarioSchema.safeParse(scenarioWith(s.kind, f.name, below)).success, `${s.kind}.${f.name} below`).toBe(false);
        expect(stressScenarioSchema.safeParse(scenarioWith(s.kind, f.name, above)).success, `${s.kind}.${f.name} above`).toBe(false);
        if (f.defaultValue !== undefined) expect(f.defaultValue).toBeGreaterThanOrEqual(f.min);
      }
    }
  });

  test("cover every field of every scenario the schema knows, and every sybil status", () => {
    for (const option of stressScenarioSchema.options) {
      const kind = option.shape.kind.value;
      const spec = SCENARIOS.find((s) => s.kind === kind);
      expect(spec, kind).toBeDefined();
      const named = new Set(spec!.fields.map((f) => f.name.split(".")[0]));
      const keys = Object.keys(option.shape).filter((k) => k !== "kind" && !(kind === "sybil_ring" && k === "status"));
      expect([...named].sort()).toEqual(keys.sort());
    }
    expect(SYBIL_STATUSES.map((s) => stressScenarioSchema.safeParse({ kind: "sybil_ring", accounts: 2, contributionsEach: 2, status: s.value }).success)).toEqual([true, true, true, true]);
  });
});

describe("parseScenarioForm", () => {
  test("reads the chosen scenario's fields as numbers and ignores the others", () => {
    expect(parseScenarioForm({ kind: "sybil_ring", accounts: " 5 ", contributionsEach: "4", k: "999", status: "unreviewed" }))
      .toEqual({ kind: "sybil_ring", accounts: 5, contributionsEach: 4, status: "unreviewed" });
    expect(parseScenarioForm({ kind: "surge", k: "1.5", seed: "" })).toEqual({ kind: "surge", k: 1.5, seed: 1 });
    expect(parseScenarioForm({ kind: "weight_sweep", rho: "0.5", d: "", "typeWeights.cites": "2", "typeWeights.fixes": "" }))
      .toEqual({ kind: "weight_sweep", rho: 0.5, typeWeights: { cites: 2 } });
  });

  test("says what is wrong with each field", () => {
    expect(refusal({ kind: "sybil_ring", accounts: "1", contributionsEach: "2.5" })).toEqual({
      message: "Please correct the highlighted fields.",
      fieldErrors: { accounts: "At least 2", contributionsEach: "Enter a whole number" },
    });
    expect(refusal({ kind: "surge", k: "abc" }).fieldErrors).toEqual({ k: "Enter a number" });
    expect(refusal({ kind: "surge" }).fieldErrors).toEqual({ k: "Required" });
    expect(refusal({ kind: "dispute_storm", percent: "150" }).fieldErrors).toEqual({ percent: "At most 100" });
    expect(refusal({ kind: "dispute_storm", percent: "Infinity" }).fieldErrors).toEqual({ percent: "Enter a number" });
    expect(refusal({ kind: "weight_sweep", "typeWeights.cites": "-1" }).fieldErrors).toEqual({ "typeWeights.cites": "At least 0" });
    expect(refusal({ kind: "sybil_ring", accounts: "3", contributionsEach: "3", status: "approved" }).fieldErrors).toEqual({ status: "Choose one of the options" });
  });

  test("refuses an unknown scenario and a sweep that changes nothing", () => {
    expect(refusal({ kind: "meteor" }).fieldErrors).toEqual({ kind: "Choose one of the four scenarios" });
    expect(refusal({}).fieldErrors).toEqual({ kind: "Choose one of the four scenarios" });
    expect(refusal({ kind: "weight_sweep", rho: "", d: " " }).message).toMatch(/Set at least one of ρ, d or a link-type weight/);
  });

  test("repeated or non-text values are refused, not coerced", () => {
    expect(refusal({ kind: "surge", k: ["1", "2"] }).fieldErrors).toEqual({ k: "Enter a number" });
  });
});

describe("scopeSlugOf", () => {
  test("defaults to the ecosystem", () => {
    expect(scopeSlugOf({})).toBe("all");
    expect(scopeSlugOf({ project: " core-sdk " })).toBe("core-sdk");
    expect(scopeSlugOf({ project: ["a", "b"] })).toBe("all");
  });
});
