// Every reliability test reports what it measured through recordFigure, so that
// `npm run test:reliability` can print one table of figures at the end (scripts/test-reliability.ts).
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { RELIABILITY_SCALE } from "./scale";

export interface Figure {
  /** The heading it belongs to, e.g. "fuzzing", "concurrency", "faults", "imports". */
  part: string;
  /** What was measured, e.g. "cases run", "5xx responses", "lost acknowledged writes". */
  name: string;
  value: number | string;
  unit?: string;
  /** The goal in words, e.g. "0", "≥ 10,000". */
  target?: string;
  met?: boolean;
}

export const FIGURES_FILE = process.env.RELIABILITY_FIGURES_FILE ?? path.join(".data", "reliability-figures.jsonl");

export function recordFigure(figure: Figure): void {
  mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  appendFileSync(FIGURES_FILE, `${JSON.stringify({ ...figure, scale: RELIABILITY_SCALE })}\n`);
}
