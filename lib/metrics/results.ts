// The plain result rows one engine run produces for one scope (the ecosystem or a project) and
// one period unit: what the recompute job stores and the dashboards read. Periods are absolute
// period indices (periods.ts); contributors are dense graph indices until the job maps them to ids.
// Contributor × period rows are columns of typed arrays: at benchmark size they run to millions.

import type { PeriodUnit } from "./periods";
import { Float64Buffer, Int32Buffer } from "./typed-buffer";

export interface SeriesRow {
  metric: string;
  /** "all", or a split such as "organic", "campaign", "campaign:<id>", "class:<name>" */
  segment: string;
  period: number;
  value: number | null;
  isComplete: boolean;
}

export interface CohortRow {
  variant: "exact" | "unbounded";
  segment: string;
  cohortPeriod: number;
  offset: number;
  cohortSize: number;
  retained: number;
  rate: number;
}

export interface SignalRow {
  code: string;
  severity: string;
  period: number;
  message: string;
  evidence: unknown;
}

/** Contributor-period rows, one per (contributor, period) where something happened (see run-contributors.ts). */
export interface ContributorPeriodColumns {
  n: number;
  contributor: Int32Array;
  period: Int32Array;
  /** index into LIFECYCLE_STATES */
  state: Uint8Array;
  flow: Float64Array;
  visibility: Float64Array;
}

export interface ClassRow {
  contributor: number;
  class: string;
  evidence: unknown;
}

export interface ContributorSummaryRow {
  contributor: number;
  contributions: number;
  attribution: number;
  attributionShare: number;
  contributionShare: number;
  premium: number;
  betweenness: number;
  isHub: boolean;
  passThrough: number;
  pagerank: number;
  visibility: number;
  visibilityShare: number;
  sources: {
    sources: { contributor: number; credit: number }[];
    links: { linkId: number; credit: number }[];
    /** ecosystem scope only: who builds on the contributor's work, most links first (lastAt: ms since the epoch) */
    builders?: { contributor: number; links: number; confirmed: number; lastAt: number }[];
  };
}

export interface ScopeUnitResults {
  unit: PeriodUnit;
  series: SeriesRow[];
  cohorts: CohortRow[];
  contributorPeriods: ContributorPeriodColumns;
  /** keyed documents: curves by offset, campaign outcomes, rings, concentration, … */
  documents: Record<string, unknown>;
  signals: SignalRow[];
}

export interface ScopeResults {
  /** "all" or "project:<database id>" */
  scope: string;
  /** database id of the project, null for the ecosystem */
  projectId: number | null;
  paramsHash: string;
  units: ScopeUnitResults[];
  /** unit-independent, whole history up to the as-of */
  summaries: ContributorSummaryRow[];
  /** classes are evaluated on weekly periods (the METRICS.md default unit) */
  classes: ClassRow[];
}

/** Collects series rows; a null value is stored as NULL (censored or undefined), never as 0. */
export class SeriesCollector {
  readonly rows: SeriesRow[] = [];
  add(metric: string, period: { period: number; isComplete: boolean }, value: number | null, segment = "all"): void {
    this.rows.push({ metric, segment, period: period.period, value: value === null || Number.isFinite(value) ? value : null, isComplete: period.isComplete });
  }
}

export class ContributorPeriodCollector {
  private readonly contributor = new Int32Buffer();
  private readonly period = new Int32Buffer();
  private readonly state = new Int32Buffer();
  private readonly flow = new Float64Buffer();
  private readonly visibility = new Float64Buffer();

  push(u: number, period: number, state: number, flow: number, visibility: number): void {
    this.contributor.push(u);
    this.period.push(period);
    this.state.push(state);
    this.flow.push(flow);
    this.visibility.push(visibility);
  }

  columns(): ContributorPeriodColumns {
    return {
      n: this.state.length,
      contributor: this.contributor.toArray(),
      period: this.period.toArray(),
      state: Uint8Array.from(this.state.toArray()),
      flow: this.flow.toArray(),
      visibility: this.visibility.toArray(),
    };
  }
}
