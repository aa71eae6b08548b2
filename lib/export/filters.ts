// What an export request may say, checked strictly: unlike a dashboard URL (which falls back to
// defaults), a malformed export filter is refused with a message per field, so a file never
// silently holds something other than what was asked for. The filters are the dashboards' own
// (lib/validation/dashboard.ts), plus the dataset, format, retention variant and pseudonymization.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import { SEGMENTS } from "@/lib/validation/dashboard";
import { DATASETS } from "./datasets";
import { DATASET_IDS, FORMATS, type DatasetId, type ExportFormat } from "./types";

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "A date as YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Not a real date");

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const exportRequestSchema = z
  .object({
    dataset: z.enum(DATASET_IDS, { error: `Choose a dataset: ${DATASET_IDS.join(", ")}` }),
    format: z.enum(FORMATS, { error: "Choose a format: csv, jsonl or parquet" }),
    project: optional(z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Not a project slug")).transform((v) => v ?? "all"),
    unit: optional(z.enum(["week", "month"], { error: "The period unit is week or month" })),
    from: optional(isoDay),
    to: optional(isoDay),
    segment: optional(z.enum(SEGMENTS, { error: `The newcomer segment is one of ${SEGMENTS.join(", ")}` })),
    variant: optional(z.enum(["both", "exact", "unbounded"], { error: "The retention variant is both, exact or unbounded" })),
    pseudonymize: optional(z.enum(["1", "0", "true", "false", "on", "off"], { error: "pseudonymize is 1 or 0" })).transform((v) => v === "1" || v === "true" || v === "on"),
  })
  .strict()
  .refine((r) => !r.from || !r.to || r.from <= r.to, { path: ["to"], message: "The end date is before the start date" });

export interface ExportRequest {
  dataset: DatasetId;
  format: ExportFormat;
  project: string;
  unit: "week" | "month";
  from?: string;
  to?: string;
  segment: (typeof SEGMENTS)[number];
  variant: "both" | "exact" | "unbounded";
  pseudonymize: boolean;
}

/** Parses a request (search params or form fields, all strings) or throws invalid_input with per-field messages. */
export function parseExportRequest(input: Record<string, unknown>): ExportRequest {
  const r = parseOrThrow(exportRequestSchema, input);
  const d = DATASETS[r.dataset];
  const refused: Record<string, string> = {};
  if (!d.filters.unit && r.unit === "month") refused.unit = `${d.title} are evaluated on weekly periods: leave the period unit at week.`;
  if (!d.filters.dateRange && (r.from || r.to)) refused[r.from ? "from" : "to"] = `${d.title} are as of the run: they take no date range.`;
  if (!d.filters.segment && r.segment && r.segment !== "all") refused.segment = `The newcomer segment applies to retention cohorts only.`;
  if (!d.filters.variant && r.variant && r.variant !== "both") refused.variant = `The variant applies to retention cohorts only.`;
  if (Object.keys(refused).length) throw new AppError("invalid_input", "These filters do not apply to this dataset.", refused);
  return { ...r, unit: r.unit ?? "week", segment: r.segment ?? "all", variant: r.variant ?? "both" };
}

/** A request as a query string for the download route (defaults left out). */
export function exportQuery(r: ExportRequest): string {
  const q = new URLSearchParams({ dataset: r.dataset, format: r.format });
  if (r.project !== "all") q.set("project", r.project);
  if (r.unit !== "week") q.set("unit", r.unit);
  if (r.from) q.set("from", r.from);
  if (r.to) q.set("to", r.to);
  if (r.segment !== "all") q.set("segment", r.segment);
  if (r.variant !== "both") q.set("variant", r.variant);
  if (r.pseudonymize) q.set("pseudonymize", "1");
  return q.toString();
}
