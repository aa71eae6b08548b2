import { describe, expect, test } from "vitest";
import { campaignFieldsSchema, campaignUpdateSchema } from "../../../lib/validation/campaigns";
import { campaignState } from "../../../lib/campaigns/state";
import { fieldErrorsOf } from "../../../lib/validation/common";

const ok = { name: "Spring bounty", kind: "bounty", projectId: "7", startAt: "2026-03-01T00:00", endAt: "2026-04-01" };
const errors = (input: unknown) => {
  const r = campaignFieldsSchema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe("campaign fields", () => {
  test("reads datetime-local and bare dates as UTC and a project id as a number", () => {
    expect(campaignFieldsSchema.parse(ok)).toEqual({
      name: "Spring bounty", kind: "bounty", projectId: 7,
      startAt: new Date("2026-03-01T00:00:00Z"), endAt: new Date("2026-04-01T00:00:00Z"),
    });
  });

  test("takes the REST API's ISO instants with an offset", () => {
    const c = campaignFieldsSchema.parse({ ...ok, startAt: "2026-03-01T02:00:00+02:00", endAt: "2026-04-01T00:00:00.000Z" });
    expect([c.startAt.toISOString(), c.endAt.toISOString()]).toEqual(["2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"]);
  });

  test("ecosystem and null mean a campaign across the ecosystem; an empty choice is refused, not read as the ecosystem", () => {
    for (const projectId of ["ecosystem", null]) expect(campaignFieldsSchema.parse({ ...ok, projectId }).projectId).toBeNull();
    for (const projectId of ["", undefined, "0", "-3"]) expect(errors({ ...ok, projectId })).toEqual({ projectId: "Choose a project or the whole ecosystem" });
  });

  test("refuses an end at or before the start, beside the end field", () => {
    expect(errors({ ...ok, endAt: "2026-03-01T00:00" })).toEqual({ endAt: "The end must be after the start" });
    expect(errors({ ...ok, endAt: "2026-02-01" })).toEqual({ endAt: "The end must be after the start" });
  });

  test("refuses short, blank and long names, unknown kinds and bad dates with a message per field", () => {
    expect(errors({ ...ok, name: "ab" })).toEqual({ name: "At least 3 characters" });
    expect(errors({ ...ok, name: "   " })).toEqual({ name: "Name is required" });
    expect(errors({ ...ok, name: "x".repeat(121) })).toEqual({ name: "At most 120 characters" });
    expect(errors({ ...ok, kind: "lottery" })).toEqual({ kind: "Choose a kind: bounty, airdrop, points, hackathon, grant" });
    expect(errors({ ...ok, startAt: "next week" })).toEqual({ startAt: "Start: not a valid date" });
    expect(errors({ ...ok, startAt: "1999-12-31" })).toEqual({ startAt: "Start must be between 2000 and 2099" });
    expect(errors({ ...ok, projectId: "abc" })).toEqual({ projectId: "Choose a project or the whole ecosystem" });
  });

  test("an update needs a valid id", () => {
    expect(campaignUpdateSchema.safeParse({ ...ok, id: "0" }).success).toBe(false);
    expect(campaignUpdateSchema.parse({ ...ok, id: "3" }).id).toBe(3);
  });
});

describe("campaignState", () => {
  const c = { startAt: new Date("2026-03-01T00:00:00Z"), endAt: new Date("2026-04-01T00:00:00Z") };
  test("is upcoming before the start, running from the start, ended from the end (half-open window)", () => {
    expect(campaignState(c, new Date("2026-02-28T23:59:59.999Z"))).toBe("upcoming");
    expect(campaignState(c, new Date("2026-03-01T00:00:00Z"))).toBe("running");
    expect(campaignState(c, new Date("2026-03-31T23:59:59.999Z"))).toBe("running");
    expect(campaignState(c, new Date("2026-04-01T00:00:00Z"))).toBe("ended");
  });
});
