// Dashboard filters, kept in the URL: ?project=<slug>|all&unit=week|month&from=YYYY-MM-DD&to=YYYY-MM-DD&segment=all|organic|campaign.
// Anything malformed falls back to its default rather than failing the page: a hand-edited URL
// still shows a dashboard, and the filter bar shows what was applied.
import { z } from "zod";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

export const SEGMENTS = ["all", "organic", "campaign"] as const;
export type Segment = (typeof SEGMENTS)[number];

export const dashboardFiltersSchema = z.object({
  project: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).catch("all").default("all"),
  unit: z.enum(["week", "month"]).catch("week").default("week"),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  segment: z.enum(SEGMENTS).catch("all").default("all"),
});

export type DashboardFilters = z.output<typeof dashboardFiltersSchema>;

export function parseDashboardFilters(searchParams: Record<string, string | string[] | undefined>): DashboardFilters {
  const one = (k: string) => (Array.isArray(searchParams[k]) ? searchParams[k]![0] : searchParams[k]);
  return dashboardFiltersSchema.parse({ project: one("project"), unit: one("unit"), from: one("from"), to: one("to"), segment: one("segment") });
}

/** The query string of `filters` with `changes` applied (defaults left out, so URLs stay short). */
export function filtersQuery(filters: DashboardFilters, changes: Partial<DashboardFilters> = {}): string {
  const f = { ...filters, ...changes };
  const q = new URLSearchParams();
  if (f.project !== "all") q.set("project", f.project);
  if (f.unit !== "week") q.set("unit", f.unit);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (f.segment !== "all") q.set("segment", f.segment);
  const s = q.toString();
  return s ? `?${s}` : "";
}
