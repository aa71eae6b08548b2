// The stress lab's form, described once: which inputs each scenario takes, their labels, bounds and
// explanations. Plain data with no imports, so the client form renders from it and the server
// parses with it; tests/unit/stress/form.test.ts checks every bound against stressScenarioSchema,
// the engine's own boundary, so the two cannot drift apart.

export const SCENARIO_KINDS = ["sybil_ring", "surge", "dispute_storm", "weight_sweep"] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

export interface NumberFieldSpec {
  /** form field name: the scenario key, dotted for nested ones (typeWeights.cites) */
  name: string;
  label: string;
  min: number;
  max: number;
  step: number;
  /** prefilled value; none for optional fields, which keep the current parameter when left blank */
  defaultValue?: number;
  isOptional?: boolean;
  hint: string;
}

export interface ScenarioSpec {
  kind: ScenarioKind;
  label: string;
  /** one sentence: what the scenario does to the copy */
  summary: string;
  fields: NumberFieldSpec[];
}

export const SYBIL_STATUSES = [
  { value: "accepted", label: "Accepted (passed review, the worst case)" },
  { value: "unreviewed", label: "Unreviewed (mints half)" },
  { value: "rejected", label: "Rejected (mints nothing)" },
  { value: "quarantined", label: "Quarantined (mints nothing)" },
] as const;

const seedField: NumberFieldSpec = {
  name: "seed", label: "Random seed", min: 0, max: 4_294_967_295, step: 1, defaultValue: 1,
  hint: "The same seed picks the same rows again, so a run can be repeated.",
};

const typeWeight = (type: string, label: string): NumberFieldSpec => ({
  name: `typeWeights.${type}`, label: `Weight of "${label}" links`, min: 0, max: 100, step: 0.05, isOptional: true,
  hint: "w_type: how much of a contribution's passed credit this kind of link draws, relative to the others.",
});

export const SCENARIOS: ScenarioSpec[] = [
  {
    kind: "sybil_ring",
    label: "Sybil ring",
    summary: "s new accounts post c rounds of work in the last 4 weeks; each round builds on every other account's previous round, and they confirm each other's links. Nobody else links to them.",
    fields: [
      { name: "accounts", label: "Accounts (s)", min: 2, max: 50, step: 1, defaultValue: 5, hint: "From 2 to 50 accounts. The ring detector looks at groups of up to 10." },
      { name: "contributionsEach", label: "Contributions each (c)", min: 1, max: 50, step: 1, defaultValue: 4, hint: "From 1 to 50 rounds: s(s−1)(c−1) links inside the ring." },
    ],
  },
  {
    kind: "surge",
    label: "Surge",
    summary: "k× the last 4 weeks' contributions arrive from brand-new accounts, one each, unlinked: growth that builds on nothing.",
    fields: [
      { name: "k", label: "Multiplier (k×)", min: 0, max: 10, step: 0.1, defaultValue: 1, hint: "From 0 to 10: 1 doubles the last 4 weeks' volume." },
      seedField,
    ],
  },
  {
    kind: "dispute_storm",
    label: "Dispute storm",
    summary: "x % of the links that can still be disputed are disputed at once; a disputed link carries no credit (κ = 0).",
    fields: [
      { name: "percent", label: "Links disputed (x %)", min: 0, max: 100, step: 1, defaultValue: 20, hint: "From 0 to 100 % of links not yet disputed, chosen at random." },
      seedField,
    ],
  },
  {
    kind: "weight_sweep",
    label: "Weight sweep",
    summary: "The rows stay as they are; the attribution parameters change. Leave a field blank to keep its current value.",
    fields: [
      { name: "rho", label: "Pass-through ρ", min: 0, max: 1, step: 0.05, isOptional: true, hint: "From 0 to 1: the share of its credit a contribution passes to the work it builds on." },
      { name: "d", label: "Visibility decay d per week", min: 0, max: 0.99, step: 0.01, isOptional: true, hint: "From 0 to 0.99: how fast the visibility stock fades." },
      typeWeight("builds_on", "builds on"),
      typeWeight("fixes", "fixes"),
      typeWeight("reviews", "reviews"),
      typeWeight("cites", "cites"),
    ],
  },
];

export function scenarioSpecOf(kind: string): ScenarioSpec | undefined {
  return SCENARIOS.find((s) => s.kind === kind);
}
