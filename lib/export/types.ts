// The shapes every export shares: a dataset is a list of typed columns, a constant SQL text whose
// values arrive through the snapshot's settings (source.ts), and a mapping from COPY fields to rows.
import type { PeriodUnit } from "@/lib/metrics/periods";

/** How a column is written: CSV and JSON Lines as text/JSON values, Parquet with the physical type. */
export type ColumnType = "int" | "float" | "string" | "bool" | "date" | "json";

export interface ColumnDef {
  name: string;
  type: ColumnType;
  /** may be empty (CSV), null (JSON Lines), a null value (Parquet OPTIONAL) */
  nullable?: boolean;
  description: string;
}

/**
 * A cell: int/float → number, string → string, bool → boolean, date → "YYYY-MM-DD", json → JSON
 * text. A float cell may instead be its canonical decimal text (exactly what String(n) gives), when
 * the format writes text: the CSV and JSON Lines encoders copy it rather than format the number again.
 */
export type Cell = number | string | boolean | null;
export type Row = Cell[];

export const DATASET_IDS = ["retention", "lifecycle", "attribution-flow", "attribution-series", "classes", "signals"] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export const FORMATS = ["csv", "jsonl", "parquet"] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** Which dashboard filters a dataset takes; a filter it does not take is refused, never ignored. */
export interface FilterSupport {
  unit: boolean;
  dateRange: boolean;
  segment: boolean;
  variant: boolean;
}

/** Validated filters, the scope already resolved. */
export interface ResolvedFilters {
  project: string;
  /** stored scope key: "all" or "project:<id>" */
  scope: string;
  projectId: number | null;
  unit: PeriodUnit;
  from?: string;
  to?: string;
  segment: "all" | "organic" | "campaign";
  variant: "both" | "exact" | "unbounded";
  pseudonymize: boolean;
  /** the run being exported, once known (written into the query as a constant: runScopeWhere) */
  runId?: number;
}

/** What the run and its stored "period" document say about the periods of this scope and unit. */
export interface PeriodContext {
  unit: PeriodUnit;
  /** absolute period indices (periods.ts) */
  lastComplete: number;
  current: number;
  dormancyGap: number;
  /** visibility decay per period of this unit */
  decay: number;
}

export interface RowContext {
  filters: ResolvedFilters;
  period: PeriodContext;
  /** user id → pseudonym, when pseudonymizing */
  pseudonym: ((userId: number) => string) | null;
  /** the file is text (CSV, JSON Lines): float cells may stay decimal text (see Cell) */
  textFloats: boolean;
  /** user id → handle, read once in the export's snapshot (datasets that set handlesById) */
  handleOf?: (userId: number) => string | null;
}

export interface DatasetDef {
  id: DatasetId;
  title: string;
  /** one paragraph for the admin page and the file's metadata */
  description: string;
  /** the stored table(s) the rows come from */
  source: string;
  filters: FilterSupport;
  /** columns when identities are shown; pseudonymized exports replace the identity columns */
  columns: ColumnDef[];
  pseudonymColumns: ColumnDef[];
  /**
   * SELECT text for COPY: constant but for optional clauses chosen from the filters; every value
   * is read with current_setting('understory_export.<name>') (source.ts binds them).
   */
  query(f: ResolvedFilters): string;
  /**
   * The query returns user ids only and the mapper looks handles up (ctx.handleOf), read once:
   * for the largest datasets, cheaper than joining users into every one of a million rows.
   */
  handlesById?: boolean;
  /** COPY text fields of one row → rows of the file (lifecycle fills periods, so 0..n rows). */
  createMapper(ctx: RowContext): RowMapper;
}

export interface RowMapper {
  map(fields: string[]): Row[];
  /** rows still held at the end of the stream (lifecycle's last contributor) */
  flush(): Row[];
}
