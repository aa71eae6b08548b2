import { describe, expect, test } from "vitest";
import { formatValue } from "@/components/charts/format";
import { sequentialColor, sequentialTextColor } from "@/components/charts/palette";
import { niceCeil, niceDomain } from "@/components/charts/scale";
import { firstCrossing, lorenzPoints, mergeLinearCurves, mergeStepCurves } from "@/components/charts/series-grid";

const NBSP = "\u00a0";

describe("formatValue", () => {
  test("formats fractions as percent and changes in rates as points", () => {
    expect(formatValue(0.4237, "percent")).toBe(`42.4${NBSP}%`);
    expect(formatValue(0.4237, "percent", { isCompact: true })).toBe(`42.4${NBSP}%`);
    expect(formatValue(0.005, "percent", { isCompact: true })).toBe(`0.5${NBSP}%`);
    expect(formatValue(0.032, "points", { isSigned: true })).toBe(`+3.2${NBSP}pts`);
  });
  test("formats days with singular and compact forms", () => {
    expect(formatValue(1, "days")).toBe(`1${NBSP}day`);
    expect(formatValue(12.25, "days")).toBe(`12.3${NBSP}days`);
    expect(formatValue(12, "days", { isCompact: true })).toBe(`12${NBSP}d`);
  });
  test("shows a dash for a missing value and compacts thousands on axes", () => {
    expect(formatValue(null, "number")).toBe("—");
    expect(formatValue(1234, "integer", { isCompact: true })).toBe("1.2k");
    expect(formatValue(-2, "integer", { isSigned: true })).toBe("-2");
  });
});

describe("sequential scale", () => {
  test("runs from pale at 0 to dark at 1, with readable text on both ends", () => {
    expect(sequentialColor(0)).toBe("rgb(255, 255, 217)");
    expect(sequentialColor(1)).toBe("rgb(8, 29, 88)");
    expect(sequentialTextColor(0)).not.toBe("#ffffff");
    expect(sequentialTextColor(1)).toBe("#ffffff");
  });

  test("every heatmap label reaches WCAG AA contrast (4.5:1) on its cell", () => {
    const lum = (css: string) => {
      const [r, g, b] = css.startsWith("#") ? [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16)) : css.match(/\d+/g)!.map(Number);
      const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    for (let k = 0; k <= 100; k++) {
      const [a, b] = [lum(sequentialColor(k / 100)), lum(sequentialTextColor(k / 100))];
      expect((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), `rate ${k / 100}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("axis scale", () => {
  test("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0.37, 0.2, 0.21, 7, 120].map(niceCeil)).toEqual([0.5, 0.2, 0.25, 10, 200]);
    expect(niceDomain([-0.3, 0.6])).toEqual([-0.5, 1]);
    expect(niceDomain([])).toEqual([0, 1]);
  });
});

describe("series grid", () => {
  test("step curves hold their last value and end at their last point", () => {
    const rows = mergeStepCurves([
      [{ x: 0, y: 1 }, { x: 2, y: 0.5 }],
      [{ x: 0, y: 1 }, { x: 1, y: 0.8 }, { x: 3, y: 0.4 }],
    ]);
    expect(rows).toEqual([
      { x: 0, s0: 1, s1: 1 },
      { x: 1, s0: 1, s1: 0.8 },
      { x: 2, s0: 0.5, s1: 0.8 },
      { x: 3, s0: null, s1: 0.4 },
    ]);
    expect(firstCrossing([{ x: 0, y: 1 }, { x: 2, y: 0.5 }], 0.5)).toBe(2);
    expect(firstCrossing([{ x: 0, y: 1 }], 0.5)).toBeNull();
  });

  test("linear curves interpolate on the union of their x values", () => {
    const rows = mergeLinearCurves([[{ x: 0, y: 0 }, { x: 1, y: 1 }], [{ x: 0, y: 0 }, { x: 0.5, y: 0.1 }, { x: 1, y: 1 }]]);
    expect(rows).toEqual([
      { x: 0, s0: 0, s1: 0 },
      { x: 0.5, s0: 0.5, s1: 0.1 },
      { x: 1, s0: 1, s1: 1 },
    ]);
  });

  test("a long curve is resampled onto an even grid", () => {
    const long = lorenzPoints(Array.from({ length: 1000 }, (_, i) => i));
    expect(mergeLinearCurves([long], 300, 200)).toHaveLength(201);
  });

  test("lorenzPoints: values 1, 1, 2 give (1/3, 1/4), (2/3, 1/2), (1, 1)", () => {
    expect(lorenzPoints([2, 1, 1])).toEqual([{ x: 0, y: 0 }, { x: 1 / 3, y: 0.25 }, { x: 2 / 3, y: 0.5 }, { x: 1, y: 1 }]);
    expect(lorenzPoints([])).toEqual([{ x: 0, y: 0 }, { x: 1, y: 1 }]);
  });
});
