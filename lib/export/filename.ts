// Download names that say what and when: understory-<dataset>-<project>[-<unit>][-<from>_<to>]
// [-pseudonymized]-run<id>-<UTC export time>.<ext>, e.g.
// understory-retention-all-week-run42-20261201T102200Z.csv
import type { ExportFormat, ResolvedFilters, DatasetDef } from "./types";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
  parquet: "application/vnd.apache.parquet",
};

export function exportFilename(d: DatasetDef, f: ResolvedFilters, format: ExportFormat, runId: number, exportedAt: Date): string {
  const parts = ["understory", d.id, f.project];
  if (d.filters.unit) parts.push(f.unit);
  if (d.filters.segment && f.segment !== "all") parts.push(f.segment);
  if (d.filters.variant && f.variant !== "both") parts.push(f.variant);
  if (f.from || f.to) parts.push(`${f.from ?? "start"}_${f.to ?? "end"}`);
  if (f.pseudonymize) parts.push("pseudonymized");
  parts.push(`run${runId}`, exportedAt.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z"));
  return `${parts.join("-")}.${format}`;
}
