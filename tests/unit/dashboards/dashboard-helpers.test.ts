import { describe, test, expect } from "vitest";
import type { Actor } from "../../../lib/auth/actor";
import { canSeeContributorClass, canViewEcosystemMetrics, canViewProjectMetrics } from "../../../lib/permissions";
import { filtersQuery, parseDashboardFilters } from "../../../lib/validation/dashboard";
import { fillVisibility, periodIndex } from "../../../components/dashboards/visibility-fill";
import { retentionStreak } from "../../../components/profile/streak";
import { campaignShading, toPeriodPoints } from "../../../components/dashboards/series-points";

const actor = (id: number, role: Actor["role"] = "contributor", projects: number[] = []): Actor => ({ id, role, handle: `u${id}`, name: `U${id}`, maintainedProjectIds: projects });
const row = (period: string, state: string, flow: number, visibility: number) => ({ userId: 1, period, state, flow, visibility });

describe("dashboard permissions", () => {
  test("the ecosystem is for admins; a project for its maintainers and admins", () => {
    expect(canViewEcosystemMetrics(actor(1, "admin"))).toBe(true);
    expect(canViewEcosystemMetrics(actor(1, "maintainer", [7]))).toBe(false);
    expect(canViewProjectMetrics(actor(1, "maintainer", [7]), 7)).toBe(true);
    expect(canViewProjectMetrics(actor(1, "maintainer", [7]), 8)).toBe(false);
    expect(canViewProjectMetrics(actor(1, "contributor", [7]), 7)).toBe(false);
  });

  test("a class is seen by its contributor, maintainers and admins, not by other contributors", () => {
    expect(canSeeContributorClass(actor(1), 1)).toBe(true);
    expect(canSeeContributorClass(actor(2), 1)).toBe(false);
    expect(canSeeContributorClass(actor(2, "maintainer"), 1)).toBe(true);
  });
});

describe("dashboard filters", () => {
  test("malformed values fall back to defaults; the query string leaves defaults out", () => {
    const f = parseDashboardFilters({ project: "Ocean Datanet!", unit: "day", from: "2026-02-30x", to: "2026-03-01", segment: ["organic", "all"] });
    expect(f).toEqual({ project: "all", unit: "week", from: undefined, to: "2026-03-01", segment: "organic" });
    expect(filtersQuery(f)).toBe("?to=2026-03-01&segment=organic");
    expect(filtersQuery(f, { unit: "month", segment: "all" })).toBe("?unit=month&to=2026-03-01");
  });
});

describe("visibility between stored rows", () => {
  // Rows: week 2026-01-05 V = 1 (flow 1); week 2026-01-19 V = 0.81 + 0.5 = 1.31 (flow 0.5). d = 0.1.
  const rows = [row("2026-01-05", "new", 1, 1), row("2026-01-19", "resurrecting", 0.5, 1.31)];
  test("decays by (1 − d) per period where nothing is stored, and starts from the stock before the axis", () => {
    const out = fillVisibility(rows, ["2026-01-12", "2026-01-19", "2026-01-26", "2026-02-09"], 0.1, "week");
    expect(out.flow).toEqual([0, 0.5, 0, 0]);
    expect(out.visibility[0]).toBeCloseTo(0.9, 12);
    expect(out.visibility[1]).toBeCloseTo(1.31, 12);
    expect(out.visibility[2]).toBeCloseTo(1.179, 12);
    expect(out.visibility[3]).toBeCloseTo(1.31 * 0.9 ** 3, 12);
    expect(fillVisibility(rows, ["2025-12-29"], 0.1, "week").visibility).toEqual([0]);
  });

  test("period indices follow the engine's (ISO weeks from Monday 1970-01-05; months year·12 + month)", () => {
    expect(periodIndex("1970-01-05", "week")).toBe(0);
    expect(periodIndex("2026-01-12", "week") - periodIndex("2026-01-05", "week")).toBe(1);
    expect(periodIndex("2026-03-01", "month")).toBe(2026 * 12 + 2);
  });
});

describe("retention streak", () => {
  // Active weeks: 01-05, 01-12, 01-26, 02-02, 02-09; newly dormant 01-19 in between.
  const rows = [row("2026-01-05", "new", 0, 0), row("2026-01-12", "returning", 0, 0), row("2026-01-19", "newly_dormant", 0, 0),
    row("2026-01-26", "resurrecting", 0, 0), row("2026-02-02", "returning", 0, 0), row("2026-02-09", "returning", 0, 0)];
  test("counts the run that reaches the last complete period, and the longest run", () => {
    expect(retentionStreak(rows, periodIndex("2026-02-09", "week"), "week")).toEqual({ current: 3, longest: 3, activePeriods: 5 });
    // A week later with no activity the current streak is broken.
    expect(retentionStreak(rows, periodIndex("2026-02-16", "week"), "week").current).toBe(0);
  });
});

describe("series for charts", () => {
  test("merges metrics by period, keeps nulls, and flags an incomplete last period", () => {
    const { data, isLastIncomplete } = toPeriodPoints({
      a: [{ period: "2026-01-05", value: 1, isComplete: true }, { period: "2026-01-12", value: null, isComplete: false }],
      b: [{ period: "2026-01-12", value: 2, isComplete: false }],
    }, ["a", "b"]);
    expect(data).toEqual([{ period: "2026-01-05", values: { a: 1, b: null } }, { period: "2026-01-12", values: { a: null, b: 2 } }]);
    expect(isLastIncomplete).toBe(true);
  });

  test("a campaign shades the periods it overlaps, midnight UTC boundaries exclusive", () => {
    const data = ["2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30", "2026-04-06"].map((period) => ({ period, values: {} }));
    const c = { id: 1, name: "Hackathon", kind: "hackathon", startAt: new Date("2026-03-16T00:00:00Z"), endAt: new Date("2026-04-06T00:00:00Z") };
    expect(campaignShading([c], data, "week")).toEqual([{ from: "2026-03-16", to: "2026-03-30", name: "Hackathon" }]);
  });
});
