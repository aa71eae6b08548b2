import { describe, expect, test } from "vitest";
import { parseAuthorList, shareText } from "../../../lib/import/authors";
import { handleBase } from "../../../lib/import/identities";

describe("parseAuthorList", () => {
  test("CSV syntax: names, emails, shares; emails lower-cased", () => {
    expect(parseAuthorList("Ada Lovelace <Ada@Example.org>=0.6; bob@example.org=0.4")).toEqual([
      { email: "ada@example.org", name: "Ada Lovelace", units: 60_000_000 },
      { email: "bob@example.org", name: null, units: 40_000_000 },
    ]);
    expect(parseAuthorList("solo@example.org")).toEqual([{ email: "solo@example.org", name: null, units: 100_000_000 }]);
  });

  test("JSON objects; shares as numbers or text, 8 decimals at most, summing to exactly 1", () => {
    expect(parseAuthorList([{ email: "a@x.org", share: 0.1 }, { email: "b@x.org", share: "0.2" }, { email: "c@x.org", share: 0.7 }])).toEqual([
      { email: "a@x.org", name: null, units: 10_000_000 }, { email: "b@x.org", name: null, units: 20_000_000 }, { email: "c@x.org", name: null, units: 70_000_000 },
    ]);
    expect(parseAuthorList([{ email: "a@x.org", share: 1 / 3 }, { email: "b@x.org", share: 2 / 3 }])).toBe("a@x.org: share 0.3333333333333333 has more than 8 decimals");
    expect(parseAuthorList("a@x.org=0.33333333; b@x.org=0.33333333; c@x.org=0.33333333")).toBe("shares sum to 0.99999999, not 1");
  });

  test("refusals say what is wrong", () => {
    expect(parseAuthorList(undefined)).toBe("must list at least one author");
    expect(parseAuthorList("Ada Lovelace")).toBe("cannot read author “Ada Lovelace” (write Name <email>=share or email=share, separated by ;)");
    expect(parseAuthorList("a@x.org=0.5; A@x.org=0.5")).toBe("a@x.org is listed twice");
    expect(parseAuthorList("a@x.org; b@x.org")).toBe("a@x.org has no share (with several authors every one needs a share; they sum to 1)");
    expect(parseAuthorList("a@x.org=0")).toBe("a@x.org: share 0 must be more than 0 and at most 1");
    expect(parseAuthorList("a@x.org=half")).toBe("a@x.org: share “half” is not a number");
    expect(parseAuthorList([{ email: "a@x.org", role: "lead" }])).toBe("author 1 has unknown key “role”");
    expect(parseAuthorList("not-an-email=1")).toBe("“not-an-email” is not an email address");
  });

  test("shareText writes the exact decimals for numeric(9, 8)", () => {
    expect([shareText(100_000_000), shareText(60_000_000), shareText(1)]).toEqual(["1.00000000", "0.60000000", "0.00000001"]);
  });
});

describe("handleBase", () => {
  test("follows the handle rules", () => {
    expect(["Ada.Lovelace+x@example.org", "a@x.org", "__x@x.org", "Jürgen@x.org"].map(handleBase)).toEqual(["ada-lovelace-x", "user-a", "user-x", "j-rgen"]);
  });
});
