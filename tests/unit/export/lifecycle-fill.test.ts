// The lifecycle export's fill between stored active rows, against fillContributorStates' rule:
// the period after an active one is newly dormant, then dormant while t − last < G, then churned.
import { describe, expect, test } from "vitest";
import { lifecycleDataset } from "../../../lib/export/datasets/lifecycle";
import { periodOf } from "../../../lib/metrics/periods";
import type { ResolvedFilters, Row } from "../../../lib/export/types";

const week = (d: string) => periodOf(Date.parse(`${d}T00:00:00Z`), "week");
const FILTERS: ResolvedFilters = { project: "all", scope: "all", projectId: null, unit: "week", segment: "all", variant: "both", pseudonymize: false };

function run(rows: string[][], opts: { gap: number; current: string; from?: string; to?: string; pseudonym?: (id: number) => string }): Row[] {
  const mapper = lifecycleDataset.createMapper({
    filters: { ...FILTERS, from: opts.from, to: opts.to },
    period: { unit: "week", current: week(opts.current), lastComplete: week(opts.current) - 1, dormancyGap: opts.gap, decay: 0.1 },
    pseudonym: opts.pseudonym ?? null,
    textFloats: false,
  });
  return [...rows.flatMap((r) => mapper.map(r)), ...mapper.flush()];
}

// Weeks: Mondays 2026-01-05, 12, 19, 26, 02-02, 02-09. Stored rows: user 7 active Jan 5 and Jan 19
// (resurrecting after one inactive week), user 9 active Jan 12 only. G = 2.
const STORED = [["7", "ann", "2026-01-05", "new"], ["7", "ann", "2026-01-19", "resurrecting"], ["9", "ben", "2026-01-12", "new"]];

describe("lifecycle fill", () => {
  test("derives every inactive week up to the current one, churned from G weeks after the last active one", () => {
    expect(run(STORED, { gap: 2, current: "2026-02-09" }).map((r) => r.slice(1, 5))).toEqual([
      ["ann", "2026-01-05", "new", true], ["ann", "2026-01-12", "newly_dormant", false], ["ann", "2026-01-19", "resurrecting", true],
      ["ann", "2026-01-26", "newly_dormant", false], ["ann", "2026-02-02", "churned", false], ["ann", "2026-02-09", "churned", false],
      ["ben", "2026-01-12", "new", true], ["ben", "2026-01-19", "newly_dormant", false], ["ben", "2026-01-26", "churned", false],
      ["ben", "2026-02-02", "churned", false], ["ben", "2026-02-09", "churned", false],
    ]);
  });

  test("a range starting mid-week begins with the next Monday; the current week is marked incomplete", () => {
    const rows = run(STORED, { gap: 3, current: "2026-02-02", from: "2026-01-13", to: "2026-01-26" });
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      [7, "2026-01-19", "resurrecting"], [7, "2026-01-26", "newly_dormant"],
      [9, "2026-01-19", "newly_dormant"], [9, "2026-01-26", "dormant"],
    ]);
    expect(run(STORED, { gap: 3, current: "2026-01-19" }).filter((r) => r[2] === "2026-01-19").map((r) => r[5])).toEqual([false, false]);
  });

  test("newly dormant and flow-only rows in the stream change nothing: states come from the active rows", () => {
    const noisy = [STORED[0], ["7", "ann", "2026-01-12", "newly_dormant"], ["7", "ann", "2026-01-12", "none"], STORED[1], STORED[2]];
    expect(run(noisy, { gap: 2, current: "2026-02-09" })).toEqual(run(STORED, { gap: 2, current: "2026-02-09" }));
  });

  test("pseudonymized rows carry the pseudonym instead of id and handle", () => {
    const rows = run(STORED.slice(0, 1), { gap: 2, current: "2026-01-12", pseudonym: (id) => `p_${id}` });
    expect(rows).toEqual([["p_7", "2026-01-05", "new", true, true], ["p_7", "2026-01-12", "newly_dormant", false, false]]);
  });
});
