import { describe, expect, test } from "vitest";
import { DEFAULT_PARAMS } from "../../../lib/metrics/params";
import { PARAM_PATHS, PARAM_SECTIONS } from "../../../lib/params/catalogue";
import { formToParams, getAtPath, leafPaths } from "../../../lib/params/paths";
import { parseParamsForm } from "../../../lib/params/validate";
import { applyStatus } from "../../../lib/params/apply-status";

const formOf = (params: unknown) => Object.fromEntries(PARAM_PATHS.map((p) => [p, String(getAtPath(params, p))]));

describe("parameter catalogue", () => {
  test("describes every leaf of the params object exactly once", () => {
    expect([...PARAM_PATHS].sort()).toEqual(leafPaths(DEFAULT_PARAMS as unknown as Record<string, unknown>).sort());
    expect(new Set(PARAM_PATHS).size).toBe(PARAM_PATHS.length);
    expect(PARAM_SECTIONS.every((s) => Object.values(s.params).every((d) => d.label.length > 0 && d.help.length > 0))).toBe(true);
  });
});

describe("parameters form", () => {
  test("the defaults as typed into the form parse back to the defaults", () => {
    expect(parseParamsForm(formOf(DEFAULT_PARAMS))).toEqual({ ok: true, params: DEFAULT_PARAMS });
  });

  test("nests dotted paths and turns numeric text into numbers", () => {
    expect(formToParams({ "a.b": " 0.25 ", "a.c": "3", d: "" }, ["a.b", "a.c", "d"])).toEqual({ a: { b: 0.25, c: 3 }, d: "" });
  });

  test("one change lands where its path says", () => {
    const r = parseParamsForm({ ...formOf(DEFAULT_PARAMS), passThrough: "0.4", "kindWeights.code": "2" });
    expect(r.ok && r.params.passThrough).toBe(0.4);
    expect(r.ok && r.params.kindWeights.code).toBe(2);
    expect(r.ok && r.params.kindWeights.data).toBe(1);
  });

  test("refusals come back per field with readable messages", () => {
    const r = parseParamsForm({
      ...formOf(DEFAULT_PARAMS), passThrough: "1.5", activityThreshold: "1.5", "dormancyGap.week": "", "typeWeights.cites": "-1",
    });
    expect(r).toEqual({
      ok: false,
      fieldErrors: { passThrough: "At most 1", activityThreshold: "Must be a whole number", "dormancyGap.week": "Enter a number", "typeWeights.cites": "At least 0" },
    });
  });

  test("a ring's minimum size may not exceed its maximum", () => {
    expect(parseParamsForm({ ...formOf(DEFAULT_PARAMS), "ring.minSize": "11" })).toEqual({ ok: false, fieldErrors: { "ring.minSize": "Must not exceed the ring's maximum size" } });
  });
});

describe("applyStatus", () => {
  const t = (s: string) => new Date(`2026-03-01T${s}:00Z`);
  const base = { changedAt: t("10:00"), ecosystemHash: "aaaa", lastRun: { paramsHash: "aaaa", startedAt: t("10:05") }, running: null, queued: false };
  test("applied when the last run started after the change with the same hash", () => {
    expect(applyStatus(base)).toBe("applied");
  });
  test("a run that started before the change does not count; a queued or running one is reported", () => {
    const stale = { ...base, lastRun: { paramsHash: "bbbb", startedAt: t("09:00") } };
    expect(applyStatus(stale)).toBe("pending");
    expect(applyStatus({ ...stale, queued: true })).toBe("queued");
    expect(applyStatus({ ...stale, queued: true, running: { startedAt: t("10:01") } })).toBe("running");
    expect(applyStatus({ ...stale, queued: true, running: { startedAt: t("09:59") } })).toBe("queued");
  });
  test("for the ecosystem a later run with another hash is not applied; for a project only time counts", () => {
    expect(applyStatus({ ...base, lastRun: { paramsHash: "bbbb", startedAt: t("10:05") } })).toBe("pending");
    expect(applyStatus({ ...base, ecosystemHash: null, lastRun: { paramsHash: "bbbb", startedAt: t("10:05") } })).toBe("applied");
  });
  test("no run at all", () => {
    expect(applyStatus({ ...base, lastRun: null })).toBe("no_run");
  });
});
