// Reliability tests run at two sizes: "ci" (the default, inside `npm test`, a few seconds each) and
// "full" (`npm run test:reliability`, the figures: 10,000 fuzz cases, 10,000 writes …).
export const RELIABILITY_SCALE: "ci" | "full" = process.env.RELIABILITY_SCALE === "full" ? "full" : "ci";

/** The size for this run: `ci` inside the default suite, `full` under `npm run test:reliability`. */
export function scaled(ci: number, full: number): number {
  return RELIABILITY_SCALE === "full" ? full : ci;
}
