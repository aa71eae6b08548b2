// The admin forms' schemas: how a typed person is read, what a project slug may be, and that bad
// URL parameters fall back to "no filter" instead of an error page.
import { describe, test, expect } from "vitest";
import { claimSchema, mergeSchema, peopleQuerySchema } from "../../../lib/validation/people";
import { addMaintainerSchema, projectSlugSchema, projectsQuerySchema } from "../../../lib/validation/projects";

describe("merge and claim forms", () => {
  test("read an id from a button and a handle typed with or without its @", () => {
    expect(mergeSchema.parse({ source: "12", target: " @Ana-GH " })).toEqual({ source: { id: 12 }, target: { handle: "ana-gh" } });
    expect(claimSchema.parse({ imported: 7, account: "lee" })).toEqual({ imported: { id: 7 }, account: { handle: "lee" } });
  });

  test("say which side is missing or malformed", () => {
    const r = mergeSchema.safeParse({ source: "12", target: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["target", "Type the handle of the identity to keep"]]);
    const bad = claimSchema.safeParse({ imported: "3", account: "no spaces allowed" });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["account", "No one has the handle “no spaces allowed”"]]);
    expect(mergeSchema.safeParse({ target: "ana" }).error?.issues[0].path).toEqual(["source"]);
  });
});

describe("project slug", () => {
  test("accepts what the database's projects_slug_format accepts, lower-cased and trimmed", () => {
    expect(projectSlugSchema.parse("  Ocean-Datanet ")).toBe("ocean-datanet");
    expect(projectSlugSchema.parse("a1")).toBe("a1");
    expect(projectSlugSchema.parse("x".repeat(63))).toBe("x".repeat(63));
  });

  test.each([["x"], ["-lead"], ["trail-"], ["has space"], ["under_score"], ["x".repeat(64)], [""]])("refuses %j", (slug) => {
    expect(projectSlugSchema.safeParse(slug).success).toBe(false);
  });
});

describe("add maintainer form", () => {
  test("reads the promote checkbox: ticked is 'on', unticked is absent", () => {
    expect(addMaintainerSchema.parse({ projectId: "4", handle: "@mel", promote: "on" })).toEqual({ projectId: 4, handle: "mel", promote: true });
    expect(addMaintainerSchema.parse({ projectId: "4", handle: "mel" })).toEqual({ projectId: 4, handle: "mel", promote: false });
  });
});

describe("list parameters", () => {
  test("people: unknown role, state or page fall back to no filter and page 1", () => {
    expect(peopleQuerySchema.parse({ q: " ana ", role: "owner", state: "gone", page: "-3" })).toEqual({ q: "ana", role: undefined, state: undefined, page: 1 });
    expect(peopleQuerySchema.parse({ role: "admin", state: "merged", page: "2" })).toEqual({ q: "", role: "admin", state: "merged", page: 2 });
  });

  test("projects: the state defaults to active", () => {
    expect(projectsQuerySchema.parse({})).toEqual({ q: "", state: "active", page: 1 });
    expect(projectsQuerySchema.parse({ state: "archived", q: "reef" })).toEqual({ q: "reef", state: "archived", page: 1 });
    expect(projectsQuerySchema.parse({ state: "bogus" })).toEqual({ q: "", state: "active", page: 1 });
  });
});
