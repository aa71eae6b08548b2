// What every export file says about itself: the run it comes from, the metric version, the
// parameters and their hash, the period definition, the filters, the export time and whether
// identities are pseudonymized. Read inside the export's snapshot, so it describes exactly the
// rows that follow. CSV writes it as `# key: value` lines, JSON Lines as its first line, Parquet
// as key-value metadata (formats/*).
import type pg from "pg";
import { AppError } from "@/lib/errors";
import { decayFor, paramsHash, parseParams, type MetricParams } from "@/lib/metrics/params";
import { lastCompletePeriod, periodLabel, periodOf } from "@/lib/metrics/periods";
import { PSEUDONYM_METHOD } from "./pseudonym";
import type { ColumnDef, DatasetDef, PeriodContext, ResolvedFilters } from "./types";

export interface ExportRun {
  id: number;
  metricVersion: number;
  paramsHash: string;
  /** the parameter sets the run used ({ecosystem, projects}); null for runs from before they were stored */
  params: { ecosystem: unknown; projects: Record<string, unknown> } | null;
  asOf: Date;
  finishedAt: Date | null;
}

export interface ExportMetadata {
  format: string;
  dataset: string;
  title: string;
  description: string;
  source: string;
  metric_version: number;
  run_id: number;
  run_as_of: string;
  run_finished_at: string | null;
  /** the parameter set in force for the scope (the project's override, else the ecosystem's) */
  params: MetricParams;
  params_hash: string;
  /** the ecosystem parameter hash the run recorded, and whether the stored ecosystem set still has it */
  run_params_hash: string;
  params_unchanged_since_run: boolean;
  period: {
    unit: string;
    definition: string;
    period_start: string;
    last_complete_period: string;
    current_period: string;
    dormancy_gap_periods: number;
    visibility_decay_per_period: number;
  };
  filters: { project: string; scope: string; unit: string; from: string | null; to: string | null; segment: string; variant: string };
  pseudonymized: boolean;
  pseudonymization: string | null;
  exported_at: string;
  columns: ColumnDef[];
}

const WEEK_DEFINITION = "ISO weeks: a week starts on Monday 00:00 UTC and ends before the next Monday 00:00 UTC; period_start is that Monday (UTC date).";
const MONTH_DEFINITION = "Calendar months in UTC: a month starts on the 1st at 00:00 UTC and ends before the next month's 1st; period_start is that 1st (UTC date).";

/** The newest succeeded run, as lib/analytics/runs.ts picks it, read inside the export's snapshot. */
export async function getExportRunOrThrow(client: pg.ClientBase): Promise<ExportRun> {
  const { rows } = await client.query<{ id: number; metric_version: number; params_hash: string; params: ExportRun["params"]; as_of: Date; finished_at: Date | null }>(
    "SELECT id, metric_version, params_hash, params, as_of, finished_at FROM metric_runs WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1");
  const r = rows[0];
  if (!r) throw new AppError("not_found", "No metrics have been computed yet: there is nothing to export until the first recompute finishes.");
  return { id: r.id, metricVersion: r.metric_version, paramsHash: r.params_hash, params: r.params, asOf: r.as_of, finishedAt: r.finished_at };
}

/** The sets stored now, as the recompute reads them (lib/jobs/recompute.ts). */
async function storedParams(client: pg.ClientBase, projectId: number | null): Promise<{ params: MetricParams; ecosystemHash: string }> {
  const { rows } = await client.query<{ project_id: number | null; params: unknown }>(
    "SELECT project_id, params FROM metric_param_sets WHERE project_id IS NULL OR project_id = $1", [projectId ?? -1]);
  try {
    const ecosystem = parseParams(rows.find((r) => r.project_id === null)?.params ?? {});
    const own = rows.find((r) => r.project_id !== null);
    return { params: own ? parseParams(own.params) : ecosystem, ecosystemHash: paramsHash(ecosystem) };
  } catch {
    throw new AppError("unavailable", "The stored metric parameters are not valid, so the export cannot describe them. An admin needs to correct them.");
  }
}

/**
 * The set the run itself recorded for the scope; null for runs from before runs recorded them, or
 * if this metric version no longer parses what an older one wrote.
 */
function runParams(run: ExportRun, projectId: number | null): MetricParams | null {
  if (!run.params) return null;
  const own = projectId === null ? undefined : run.params.projects[String(projectId)];
  try {
    return parseParams(own ?? run.params.ecosystem);
  } catch {
    return null;
  }
}

/**
 * The parameters the scope's numbers were computed with (the run's record; for older runs, the
 * stored sets), and whether the stored ecosystem set is still the one the run used.
 */
async function scopeParams(client: pg.ClientBase, run: ExportRun, projectId: number | null): Promise<{ params: MetricParams; unchanged: boolean }> {
  const stored = await storedParams(client, projectId);
  return { params: runParams(run, projectId) ?? stored.params, unchanged: stored.ecosystemHash === run.paramsHash };
}

/** The run's own period facts for the scope and unit (its stored "period" document), else derived from the run. */
async function periodContext(client: pg.ClientBase, run: ExportRun, f: ResolvedFilters, params: MetricParams): Promise<PeriodContext> {
  const { rows } = await client.query<{ data: { lastComplete: number; currentPeriod: number; dormancyGap: number; decay: number } }>(
    "SELECT data FROM metric_documents WHERE run_id = $1 AND scope = $2 AND period_unit = $3 AND key = 'period'", [run.id, f.scope, f.unit]);
  const doc = rows[0]?.data;
  if (doc) return { unit: f.unit, lastComplete: doc.lastComplete, current: doc.currentPeriod, dormancyGap: doc.dormancyGap, decay: doc.decay };
  const asOf = run.asOf.getTime();
  return { unit: f.unit, lastComplete: lastCompletePeriod(asOf, f.unit), current: periodOf(asOf, f.unit), dormancyGap: params.dormancyGap[f.unit], decay: decayFor(f.unit, params) };
}

export async function buildMetadata(
  client: pg.ClientBase,
  x: { run: ExportRun; dataset: DatasetDef; filters: ResolvedFilters; columns: ColumnDef[]; format: string; exportedAt: Date },
): Promise<{ metadata: ExportMetadata; period: PeriodContext }> {
  const { run, dataset: d, filters: f } = x;
  const { params, unchanged } = await scopeParams(client, run, f.projectId);
  const period = await periodContext(client, run, f, params);
  const metadata: ExportMetadata = {
    format: x.format,
    dataset: d.id,
    title: d.title,
    description: d.description,
    source: d.source,
    metric_version: run.metricVersion,
    run_id: run.id,
    run_as_of: run.asOf.toISOString(),
    run_finished_at: run.finishedAt?.toISOString() ?? null,
    params,
    params_hash: paramsHash(params),
    run_params_hash: run.paramsHash,
    params_unchanged_since_run: unchanged,
    period: {
      unit: f.unit,
      definition: f.unit === "week" ? WEEK_DEFINITION : MONTH_DEFINITION,
      period_start: "the first instant of a period, inclusive; a period ends where the next one starts (exclusive)",
      last_complete_period: periodLabel(period.lastComplete, f.unit),
      current_period: periodLabel(period.current, f.unit),
      dormancy_gap_periods: period.dormancyGap,
      visibility_decay_per_period: period.decay,
    },
    filters: { project: f.project, scope: f.scope, unit: f.unit, from: f.from ?? null, to: f.to ?? null, segment: f.segment, variant: f.variant },
    pseudonymized: f.pseudonymize,
    pseudonymization: f.pseudonymize ? PSEUDONYM_METHOD : null,
    exported_at: x.exportedAt.toISOString(),
    columns: x.columns,
  };
  return { metadata, period };
}

/** Flat `key → text` pairs (nested objects as compact JSON): CSV header lines and Parquet key-value metadata. */
export function flattenMetadata(m: ExportMetadata): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(m)) {
    if (k === "columns") continue;
    if (k === "period" || k === "filters") {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) out.push([`${k}.${k2}`, v2 === null ? "" : String(v2)]);
    } else out.push([k, v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v)]);
  }
  out.push(["columns", m.columns.map((c) => `${c.name} (${c.type}): ${c.description}`).join(" | ")]);
  return out;
}
