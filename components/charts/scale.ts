// Axis helpers shared by the numeric-axis charts.

/** The smallest "round" number ≥ value (1, 2, 2.5, 5 × a power of ten), so a fixed domain gets tidy ticks. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return value < 0 ? -niceFloorAbs(-value) : 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value * (1 - 1e-12)) ?? 10;
  return step * power;
}

function niceFloorAbs(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [10, 5, 2.5, 2, 1].find((m) => m * power <= value * (1 + 1e-12)) ?? 1;
  return step * power;
}

/** A [lo, hi] domain covering every value, starting at 0 unless something is negative. */
export function niceDomain(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(0, ...finite);
  const hi = Math.max(...finite);
  return [lo < 0 ? -niceCeil(-lo) : 0, hi > 0 ? niceCeil(hi) : 1];
}
