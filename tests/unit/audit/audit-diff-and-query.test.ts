import { describe, expect, test } from "vitest";
import { diffRecords, showValue } from "../../../components/admin/audit/diff";
import { parseAuditQuery } from "../../../lib/validation/audit";

describe("diffRecords", () => {
  test("flattens nested objects, marks changed, added, removed and unchanged fields", () => {
    expect(diffRecords({ name: "A", p: { x: 1, y: 2 }, gone: true, tags: [1, 2] }, { name: "B", p: { x: 1, y: 3 }, tags: [1, 2], extra: null })).toEqual([
      { path: "name", before: "A", after: "B", kind: "changed" },
      { path: "p.x", before: 1, after: 1, kind: "same" },
      { path: "p.y", before: 2, after: 3, kind: "changed" },
      { path: "tags", before: [1, 2], after: [1, 2], kind: "same" },
      { path: "extra", before: undefined, after: null, kind: "added" },
      { path: "gone", before: true, after: undefined, kind: "removed" },
    ]);
  });
  test("a create has only added fields, a delete only removed ones", () => {
    expect(diffRecords(null, { id: 1 })).toEqual([{ path: "id", before: undefined, after: 1, kind: "added" }]);
    expect(diffRecords({ id: 1 }, undefined)).toEqual([{ path: "id", before: 1, after: undefined, kind: "removed" }]);
    expect(diffRecords(null, null)).toEqual([]);
  });
  test("shows strings bare and the rest as JSON", () => {
    expect(showValue("x")).toBe("x");
    expect(showValue(0.5)).toBe("0.5");
    expect(showValue(null)).toBe("null");
    expect(showValue(undefined)).toBe("");
  });
});

describe("parseAuditQuery", () => {
  test("reads every filter; a bare 'to' day covers the whole day", () => {
    const q = parseAuditQuery({ actor: "Admin", entityType: "campaign", entityId: "12", action: "campaign.*", from: "2026-03-01", to: "2026-03-02", before: "900" });
    expect(q.fieldErrors).toEqual({});
    expect(q.filter).toEqual({
      actor: "admin", entityType: "campaign", entityId: "12", action: "campaign.*",
      from: new Date("2026-03-01T00:00:00Z"), toExclusive: new Date("2026-03-03T00:00:00Z"), before: 900n, after: undefined,
    });
  });
  test("a datetime-local 'to' covers its minute", () => {
    expect(parseAuditQuery({ to: "2026-03-02T10:15" }).filter.toExclusive).toEqual(new Date("2026-03-02T10:16:00Z"));
  });
  test("refuses each bad field beside it and keeps the typed values", () => {
    const q = parseAuditQuery({ actor: "no spaces", entityType: "Campaign!", action: "DROP TABLE", from: "yesterday", before: "-1", entityId: "x".repeat(65) });
    expect(q.fieldErrors).toEqual({
      actor: "2–39 characters: lower-case letters, digits, - and _, starting with a letter or digit",
      entityType: "Lower-case letters and _, like contribution or metric_params",
      action: "Like campaign.update, or campaign.* for every campaign action",
      from: "Use a date like 2026-03-01 (UTC)",
      before: "Not a valid cursor",
      entityId: "Letters, digits and _ : . - only, at most 64",
    });
    expect(q.values.action).toBe("DROP TABLE");
  });
  test("refuses a range that ends before it starts, and two cursors at once", () => {
    expect(parseAuditQuery({ from: "2026-03-05", to: "2026-03-01" }).fieldErrors).toEqual({ to: "The end of the range must be after its start" });
    expect(parseAuditQuery({ before: "5", after: "2" }).fieldErrors).toEqual({ before: "Page either older or newer, not both" });
  });
  test("empty values are no filter", () => {
    expect(parseAuditQuery({ actor: "", action: ["", "x"] }).values).toEqual({});
  });
});
