// Merge and claim forms take a user id or a handle. An id past PostgreSQL's integer range used to
// throw a ZodError out of the transform (the action answered "Something went wrong"); found by
// tests/reliability/fuzz-actions with account = "2317125647". Now it is a field message.
import { describe, expect, test } from "vitest";
import { claimSchema, mergeSchema } from "../../../lib/validation/people";

describe("an id out of range in a merge or claim", () => {
  test("is refused field by field, not thrown", () => {
    const claim = claimSchema.safeParse({ imported: "12", account: "2317125647" });
    expect(claim.success ? null : claim.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["account", "No one has the id 2317125647"]]);
    const merge = mergeSchema.safeParse({ source: "9007199254740993", target: "ada" });
    expect(merge.success ? null : merge.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["source", "No one has the id 9007199254740993"]]);
  });

  test("ids in range still read as ids", () => {
    expect(claimSchema.parse({ imported: "12", account: "2147483647" })).toEqual({ imported: { id: 12 }, account: { id: 2147483647 } });
  });
});
