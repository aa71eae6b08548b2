// What a stress run hands back to the lab's form: plain, serializable data (it crosses from the
// server action to the client component).
import type { ActionResult } from "@/lib/actions/result";
import type { StressReport } from "@/lib/metrics/stress";

export interface StressRunView {
  report: StressReport;
  scope: { slug: string; name: string };
  /** the metric run whose graph and as-of instant the scenario started from */
  runId: number;
  /** ISO instant */
  asOf: string;
  /** live contributions and links of the scope up to asOf, before the scenario */
  contributions: number;
  links: number;
  /** contributions of the scope the ring detector quarantined, as the recompute does */
  quarantined: number;
  timings: { isCached: boolean; loadMs: number; runMs: number };
  /** the detector's limits, to explain an unflagged ring */
  ring: { maxSize: number; minLinks: number };
  /** the scope's attribution parameters before a weight sweep changes them */
  base: StressBaseParams;
}

export interface StressBaseParams {
  rho: number;
  d: number;
  typeWeights: { builds_on: number; fixes: number; reviews: number; cites: number };
}

export interface StressActionResult extends ActionResult {
  run?: StressRunView;
}
