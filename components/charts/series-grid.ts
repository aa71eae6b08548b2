// Puts several curves with their own x values onto one shared x grid, so Recharts can draw them in
// one chart and its tooltip can show every curve at the hovered x. Pure; used by the Lorenz and
// step charts.
import type { XYPoint } from "./types";

export type GridRow = { x: number } & Record<string, number | null>;

const byX = (a: XYPoint, b: XYPoint) => a.x - b.x;
const unionX = (curves: XYPoint[][]) => [...new Set(curves.flatMap((c) => c.map((p) => p.x)))].sort((a, b) => a - b);

/**
 * Step curves (right-continuous, as a Kaplan–Meier estimate): at any x a curve holds the value of
 * its last point at or before x. Before its first point and after its last it is null.
 */
export function mergeStepCurves(curves: XYPoint[][]): GridRow[] {
  const sorted = curves.map((c) => [...c].sort(byX));
  return unionX(sorted).map((x) => {
    const row: GridRow = { x };
    sorted.forEach((curve, i) => {
      const last = curve.length ? curve[curve.length - 1].x : -Infinity;
      let value: number | null = null;
      if (x <= last) for (const p of curve) if (p.x <= x) value = p.y;
      row[`s${i}`] = value;
    });
    return row;
  });
}

function interpolate(curve: XYPoint[], x: number): number | null {
  if (curve.length === 0 || x < curve[0].x || x > curve[curve.length - 1].x) return null;
  const hi = curve.findIndex((p) => p.x >= x);
  if (curve[hi].x === x) return curve[hi].y;
  const a = curve[hi - 1];
  const b = curve[hi];
  return a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
}

/**
 * Piecewise-linear curves on the union of their x values, or, when that is more than
 * `maxPoints`, on an even grid of `gridSize` steps over their range: a Lorenz curve of thousands
 * of contributors is smooth enough that 200 steps are indistinguishable on screen.
 */
export function mergeLinearCurves(curves: XYPoint[][], maxPoints = 300, gridSize = 200): GridRow[] {
  const sorted = curves.map((c) => [...c].sort(byX));
  let xs = unionX(sorted);
  if (xs.length > maxPoints) {
    const [lo, hi] = [xs[0], xs[xs.length - 1]];
    xs = Array.from({ length: gridSize + 1 }, (_, k) => lo + ((hi - lo) * k) / gridSize);
  }
  return xs.map((x) => {
    const row: GridRow = { x };
    sorted.forEach((curve, i) => (row[`s${i}`] = interpolate(curve, x)));
    return row;
  });
}

/** Lorenz curve of non-negative values: (share of items, share of the total they hold), poorest first, from (0,0) to (1,1). */
export function lorenzPoints(values: number[]): XYPoint[] {
  const xs = values.filter((v) => Number.isFinite(v) && v >= 0).sort((a, b) => a - b);
  const total = xs.reduce((s, v) => s + v, 0);
  const points: XYPoint[] = [{ x: 0, y: 0 }];
  if (xs.length === 0 || total === 0) return points.concat({ x: 1, y: 1 });
  let cumulative = 0;
  xs.forEach((v, i) => {
    cumulative += v;
    points.push({ x: (i + 1) / xs.length, y: cumulative / total });
  });
  return points;
}

/** The first x at which a step curve is at or below y, or null when it never gets there. */
export function firstCrossing(points: XYPoint[], y: number): number | null {
  const hit = [...points].sort((a, b) => a.x - b.x).find((p) => p.y <= y);
  return hit ? hit.x : null;
}
