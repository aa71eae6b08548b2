// Okabe-Ito: eight colours that stay distinct under the common colour-vision deficiencies.
// Every chart takes its colours from here so a series keeps one colour across the product.
export const OKABE_ITO = {
  blue: "#0072B2",
  orange: "#E69F00",
  bluishGreen: "#009E73",
  reddishPurple: "#CC79A7",
  skyBlue: "#56B4E9",
  vermillion: "#D55E00",
  black: "#000000",
  yellow: "#F0E442",
} as const;

// Yellow sits last: on white it is too light for a line, so it is reached only by an 8th series.
export const SERIES_COLORS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/** The default colour of the i-th series (wraps after eight). */
export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}

/** Neutral greys for axes, grid, reference marks and shaded windows, so they never read as data. */
export const NEUTRAL = {
  axis: "#57534e", // stone-600
  grid: "#e7e5e4", // stone-200
  reference: "#44403c", // stone-700
  window: "#a8a29e", // stone-400, drawn at low opacity
} as const;

// Sequential scale for rates 0..1: ColorBrewer YlGnBu, single-direction in lightness and safe for
// colour-blind readers (light = low, dark = high). 0 is a pale yellow, never white, so a real zero
// is distinguishable from a blank (censored) cell.
const SEQUENTIAL_STOPS = ["#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"];

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function sequentialRgb(rate: number): number[] {
  const t = Math.min(1, Math.max(0, Number.isFinite(rate) ? rate : 0)) * (SEQUENTIAL_STOPS.length - 1);
  const i = Math.min(SEQUENTIAL_STOPS.length - 2, Math.floor(t));
  const a = hexToRgb(SEQUENTIAL_STOPS[i]);
  const b = hexToRgb(SEQUENTIAL_STOPS[i + 1]);
  return a.map((v, k) => Math.round(v + (b[k] - v) * (t - i)));
}

/** The fill for a rate in 0..1 (clamped), interpolated between the YlGnBu stops. */
export function sequentialColor(rate: number): string {
  const [r, g, b] = sequentialRgb(rate);
  return `rgb(${r}, ${g}, ${b})`;
}

// WCAG relative luminance, to pick whichever text colour contrasts more with a cell.
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// Pure black: with white, the better of the two reaches 4.58:1 on any background (at the crossover,
// luminance √(1.05·0.05) − 0.05), so every heatmap label passes WCAG AA; stone-900 left a gap at 4.2:1.
const DARK_TEXT = "#000000";
const DARK_TEXT_LUMINANCE = luminance(hexToRgb(DARK_TEXT));

/** White or near-black, whichever has the higher contrast on `sequentialColor(rate)`. */
export function sequentialTextColor(rate: number): string {
  const l = luminance(sequentialRgb(rate));
  return 1.05 / (l + 0.05) > (l + 0.05) / (DARK_TEXT_LUMINANCE + 0.05) ? "#ffffff" : DARK_TEXT;
}

/** CSS gradient of the whole scale, for the heatmap's key. */
export const SEQUENTIAL_GRADIENT = `linear-gradient(to right, ${SEQUENTIAL_STOPS.join(", ")})`;
