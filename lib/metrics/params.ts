// Every tunable of METRICS.md version 1 in one validated object. Defaults are the documented ones.
// The hash identifies a parameter set in stored results and exports: it is computed over the
// canonical JSON (keys sorted) so that key order never changes it.

import { createHash } from "node:crypto";
import { z } from "zod";
import { LINK_TYPES } from "./codes";

export const METRIC_VERSION = 1;

const weight = z.number().finite().min(0).max(100);
const fraction = z.number().finite().min(0).max(1);
const periods = z.number().int().min(1).max(520);

export const metricParamsSchema = z
  .object({
    /** contributions needed in a period to count as active (m) */
    activityThreshold: z.number().int().min(1).max(1000).default(1),
    /** dormancy gap G, in periods, per period unit */
    dormancyGap: z.object({ week: periods.default(4), month: periods.default(3) }).strict().default({ week: 4, month: 3 }),
    /** horizon H of unbounded retention, in periods */
    retentionHorizon: periods.default(12),
    /** W: days for newcomer conversion, recognition coverage and newcomer integration */
    windowDays: z.number().int().min(1).max(3650).default(30),
    /** w_kind per contribution kind (CONTRIBUTION_KINDS order is not assumed: keyed by name) */
    kindWeights: z
      .object({
        data: weight.default(1), model: weight.default(1), code: weight.default(1), review: weight.default(1),
        documentation: weight.default(1), research: weight.default(1), coordination: weight.default(1),
        support: weight.default(1), other: weight.default(1),
      })
      .strict()
      .default({ data: 1, model: 1, code: 1, review: 1, documentation: 1, research: 1, coordination: 1, support: 1, other: 1 }),
    /** w_status: accepted, unreviewed, rejected/quarantined */
    statusWeights: z
      .object({ accepted: weight.default(1), unreviewed: weight.default(0.5), rejected: weight.default(0), quarantined: weight.default(0) })
      .strict()
      .default({ accepted: 1, unreviewed: 0.5, rejected: 0, quarantined: 0 }),
    /** ρ: share of held credit passed down the links */
    passThrough: fraction.default(0.3),
    /** w_type per link type */
    typeWeights: z
      .object({ builds_on: weight.default(1), fixes: weight.default(0.75), reviews: weight.default(0.5), cites: weight.default(0.5) })
      .strict()
      .default({ builds_on: 1, fixes: 0.75, reviews: 0.5, cites: 0.5 }),
    /** κ per link status */
    statusFactors: z
      .object({ confirmed: fraction.default(1), unconfirmed: fraction.default(0.5), disputed: fraction.default(0) })
      .strict()
      .default({ confirmed: 1, unconfirmed: 0.5, disputed: 0 }),
    pagerank: z
      .object({
        alpha: fraction.default(0.15),
        tolerance: z.number().positive().max(1).default(1e-9),
        maxIterations: z.number().int().min(1).max(10_000).default(255),
        contributorToContribution: weight.default(0.5),
        contributionToContributor: weight.default(1),
      })
      .strict()
      .default({ alpha: 0.15, tolerance: 1e-9, maxIterations: 255, contributorToContribution: 0.5, contributionToContributor: 1 }),
    /** d: visibility decay per week; months use the same half-life */
    visibilityDecayWeekly: z.number().finite().min(0).max(0.99).default(0.1),
    betweenness: z
      .object({ exactUpTo: z.number().int().min(0).default(5000), pivots: z.number().int().min(1).default(500), seed: z.number().int().default(42) })
      .strict()
      .default({ exactUpTo: 5000, pivots: 500, seed: 42 }),
    /** trailing window of graph measures in coherence, in periods */
    coherenceWindow: periods.default(4),
    /** newcomer integration: the linked contributor must be born at least this many periods earlier */
    integrationSeniority: periods.default(4),
    classRules: z
      .object({
        transactionalLift: weight.default(2),
        linkingRatioMin: fraction.default(0.2),
        persistentActivePeriods: periods.default(6),
        persistentTenurePeriods: periods.default(12),
        trailingPeriods: periods.default(12),
        burstinessMinEvents: z.number().int().min(2).default(10),
      })
      .strict()
      .default({ transactionalLift: 2, linkingRatioMin: 0.2, persistentActivePeriods: 6, persistentTenurePeriods: 12, trailingPeriods: 12, burstinessMinEvents: 10 }),
    signals: z
      .object({
        transactionalRisePoints: z.number().min(0).max(100).default(15),
        transactionalRisePeriods: periods.default(8),
        nakamotoDropFraction: fraction.default(1 / 3),
        giantComponentMin: fraction.default(0.5),
        elasticityMax: z.number().finite().default(-0.3),
      })
      .strict()
      .default({ transactionalRisePoints: 15, transactionalRisePeriods: 8, nakamotoDropFraction: 1 / 3, giantComponentMin: 0.5, elasticityMax: -0.3 }),
    ring: z
      .object({
        minSize: z.number().int().min(2).default(2),
        maxSize: z.number().int().min(2).max(100).default(10),
        internalShareMin: fraction.default(0.8),
        reciprocityMin: fraction.default(0.5),
        minLinks: z.number().int().min(1).default(5),
      })
      .strict()
      .default({ minSize: 2, maxSize: 10, internalShareMin: 0.8, reciprocityMin: 0.5, minLinks: 5 }),
  })
  .strict();

export type MetricParams = z.output<typeof metricParamsSchema>;
export type MetricParamsInput = z.input<typeof metricParamsSchema>;

export const DEFAULT_PARAMS: MetricParams = metricParamsSchema.parse({});

/** Validates a (partial) parameter object and fills in the defaults; throws a ZodError on bad input. */
export function parseParams(input: unknown): MetricParams {
  return metricParamsSchema.parse(input ?? {});
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** A stable 16-hex-digit hash of the parameter set, with the metric version folded in. */
export function paramsHash(params: MetricParams): string {
  const json = JSON.stringify({ v: METRIC_VERSION, p: canonical(params) });
  return createHash("sha256").update(json).digest("hex").slice(0, 16);
}

/** Weekly decay converted to the same half-life for months: d_month = 1 − (1 − d_week)^(52/12). */
export function decayFor(unit: "week" | "month", params: MetricParams): number {
  const d = params.visibilityDecayWeekly;
  return unit === "week" ? d : 1 - Math.pow(1 - d, 52 / 12);
}

/** w_type as an array in LINK_TYPES order, for the hot loops. */
export function typeWeightArray(params: MetricParams): Float64Array {
  return Float64Array.from(LINK_TYPES.map((t) => params.typeWeights[t]));
}
