// The review rules and the decision schemas, pure.
import { describe, test, expect } from "vitest";
import type { Actor } from "../../../lib/auth/actor";
import { canResolveDispute, canReviewContribution, canReviewRing } from "../../../lib/permissions";
import { contributionDecisionSchema, disputeResolutionSchema, ringDecisionSchema } from "../../../lib/validation/review";

const actor = (id: number, role: Actor["role"], maintainedProjectIds: number[] = []): Actor => ({ id, role, handle: `u${id}`, name: `U ${id}`, maintainedProjectIds });
const mona = actor(1, "maintainer", [10]);
const admin = actor(2, "admin");
const carl = actor(3, "contributor");
const otto = actor(4, "maintainer", [20]);
const work = (authorIds: number[], projectId = 10) => ({ projectId, authorIds, createdById: authorIds[0], deletedAt: null });

describe("canReviewContribution", () => {
  test("lets the project's maintainers and admins review others' work, never their own", () => {
    expect([mona, admin, carl, otto].map((a) => canReviewContribution(a, work([3])))).toEqual([true, true, false, false]);
    expect(canReviewContribution(mona, work([1, 3]))).toBe(false);
    expect(canReviewContribution(admin, work([2]))).toBe(false);
  });
});

describe("canReviewRing", () => {
  test("refuses the ring's members, other projects' maintainers and contributors", () => {
    const ring = { members: [3, 5] };
    expect([mona, admin, carl, otto].map((a) => canReviewRing(a, ring, 10))).toEqual([true, true, false, false]);
    expect(canReviewRing(mona, { members: [1, 5] }, 10)).toBe(false);
  });
});

describe("canResolveDispute", () => {
  test("the raiser never judges their own dispute", () => {
    expect(canResolveDispute(mona, { raisedById: 1 }, 10)).toBe(false);
    expect(canResolveDispute(mona, { raisedById: 3 }, 10)).toBe(true);
    expect(canResolveDispute(otto, { raisedById: 3 }, 10)).toBe(false);
  });
});

describe("contributionDecisionSchema", () => {
  test("reads a row button and the ticked items of a bulk decision", () => {
    expect(contributionDecisionSchema.parse({ row: "reject:12:3", item: "5:1" })).toEqual({ decision: "reject", items: [{ id: 12, version: 3 }] });
    expect(contributionDecisionSchema.parse({ decision: "accept", item: ["5:1", "6:2"] })).toEqual({ decision: "accept", items: [{ id: 5, version: 1 }, { id: 6, version: 2 }] });
  });

  test("refuses nothing ticked, a duplicate, a malformed pair and more than 100", () => {
    const issues = (v: unknown) => contributionDecisionSchema.safeParse(v).error?.issues.map((i) => i.message);
    expect(issues({ decision: "accept" })).toEqual(["Tick at least one contribution"]);
    expect(issues({ decision: "accept", item: ["5:1", "5:2"] })).toEqual(["A contribution is listed twice"]);
    expect(issues({ decision: "accept", item: "5" })).toEqual(["Not a valid contribution"]);
    expect(issues({ decision: "accept", item: Array.from({ length: 101 }, (_, i) => `${i + 1}:1`) })).toEqual(["At most 100 contributions at once"]);
  });
});

describe("disputeResolutionSchema", () => {
  test("needs a note, and a new type when upholding by retyping", () => {
    expect(disputeResolutionSchema.safeParse({ disputeId: "4", outcome: "reject", note: "ok" }).error?.issues.map((i) => [i.path.join("."), i.message]))
      .toEqual([["note", "Say why in at least 5 characters"]]);
    expect(disputeResolutionSchema.safeParse({ disputeId: "4", outcome: "uphold", linkAction: "retype", newType: "", note: "wrong type" }).error?.issues.map((i) => [i.path.join("."), i.message]))
      .toEqual([["newType", "Choose the link's new type"]]);
    expect(disputeResolutionSchema.parse({ disputeId: "4", outcome: "uphold", linkAction: "retype", newType: "cites", note: "wrong type" }))
      .toEqual({ disputeId: 4, outcome: "uphold", linkAction: "retype", newType: "cites", note: "wrong type" });
  });
});

describe("ringDecisionSchema", () => {
  test("reads the ring's contribution ids from the form", () => {
    expect(ringDecisionSchema.parse({ contributionIds: "3,7,9", decision: "confirm", note: "" })).toEqual({ contributionIds: [3, 7, 9], decision: "confirm", note: "" });
    expect(ringDecisionSchema.safeParse({ contributionIds: "", decision: "clear", note: "" }).success).toBe(false);
  });
});
