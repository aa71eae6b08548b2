// The zod-free row checks must agree with the schemas: the same output for every row they accept,
// and null (so the schema runs and gives its message) for every row the schema refuses.
import { describe, expect, test } from "vitest";
import { fastContributionRow, fastLinkRow } from "../../../lib/import/fast-rows";
import { contributionRowSchema, linkRowSchema } from "../../../lib/import/schemas";

const GOOD = {
  external_id: " PR-17 ", project: " Ocean-Datanet ", title: "  Reef survey, 2025 ", kind: "data", occurred_at: "2026-01-10",
  authors: "Ada Lovelace <Ada@Example.org>=0.6; bob@example.org=0.4",
};

const contributionCases: Record<string, unknown>[] = [
  GOOD,
  { ...GOOD, external_id: 18, occurred_at: "2026-01-10T08:30", url: " https://example.org/pr/17 ", description: "Two lines:\nfirst\tand second", status: "accepted" },
  { ...GOOD, occurred_at: "2026-01-12T08:30:00+02:00", status: "rejected", authors: [{ email: "a@x.org", share: 0.5 }, { email: "b@x.org", share: "0.5" }] },
  { ...GOOD, occurred_at: "2026-01-12T08:30:00Z", title: "t".repeat(200) },
  // refused by the schema: the fast path must give up on each
  { ...GOOD, external_id: "" }, { ...GOOD, external_id: "a\u0001b" }, { ...GOOD, external_id: "x".repeat(201) }, { ...GOOD, external_id: 1.5 },
  { ...GOOD, project: "  " }, { ...GOOD, project: 3 },
  { ...GOOD, title: " " }, { ...GOOD, title: "t".repeat(201) }, { ...GOOD, title: "bell\u0007" },
  { ...GOOD, kind: "Data" }, { ...GOOD, kind: "poem" },
  { ...GOOD, occurred_at: "yesterday" }, { ...GOOD, occurred_at: "1999-12-31" }, { ...GOOD, occurred_at: "2999-01-01" }, { ...GOOD, occurred_at: "" },
  { ...GOOD, authors: "a@x.org; b@x.org" }, { ...GOOD, authors: undefined },
  { ...GOOD, url: "ftp://example.org" }, { ...GOOD, url: "https://exa mple.org" }, { ...GOOD, url: `https://e.org/${"a".repeat(2000)}` },
  { ...GOOD, description: "x".repeat(10_001) }, { ...GOOD, description: 5 },
  { ...GOOD, status: "Accepted" }, { ...GOOD, extra: "1" },
];

const linkCases: Record<string, unknown>[] = [
  { from: "PR-18", to: "PR-17" },
  { from: 18, to: " 17 ", type: "cites", note: " uses the survey ", status: "confirmed", from_source: " Lab-Wiki ", to_source: "acme" },
  { from: "a", to: "b", type: "fixes" },
  { from: "", to: "b" }, { from: "a" }, { from: "a", to: "b", type: "Builds_on" }, { from: "a", to: "b", note: "n".repeat(501) },
  { from: "a", to: "b", status: "maybe" }, { from: "a", to: "b", from_source: "-bad" }, { from: "a", to: "b", to_source: "" }, { from: "a", to: "b", weight: 1 },
];

describe("fast row checks agree with the schemas", () => {
  test.each(contributionCases.map((c, i) => [i, c]))("contribution case %i", (_i, value) => {
    const schema = contributionRowSchema.safeParse(value);
    const fast = fastContributionRow(value as Record<string, unknown>);
    if (schema.success) expect(fast).toEqual(schema.data);
    else expect(fast).toBeNull();
  });

  test.each(linkCases.map((c, i) => [i, c]))("link case %i", (_i, value) => {
    const schema = linkRowSchema.safeParse(value);
    const fast = fastLinkRow(value as Record<string, unknown>);
    if (schema.success) expect(fast).toEqual(schema.data);
    else expect(fast).toBeNull();
  });

  test("the valid cases are taken by the fast path, with the values the schema gives", () => {
    expect(fastContributionRow(GOOD)).toEqual({
      external_id: "PR-17", project: "ocean-datanet", title: "Reef survey, 2025", kind: "data", occurred_at: new Date(Date.UTC(2026, 0, 10)),
      authors: [{ email: "ada@example.org", name: "Ada Lovelace", units: 60_000_000 }, { email: "bob@example.org", name: null, units: 40_000_000 }],
      url: null, description: "", status: "unreviewed",
    });
    expect(fastLinkRow(linkCases[1])).toEqual({ from: "18", to: "17", type: "cites", note: "uses the survey", status: "confirmed", from_source: "lab-wiki", to_source: "acme" });
    expect(contributionCases.slice(0, 4).every((c) => fastContributionRow(c) !== null)).toBe(true);
    expect(linkCases.slice(0, 3).every((c) => fastLinkRow(c) !== null)).toBe(true);
  });
});
