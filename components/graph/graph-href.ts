// URLs of the graph explorer: the dashboard filters, then the focus and depth, so every re-focus
// keeps the project and window the reader chose.
import { filtersQuery, type DashboardFilters } from "@/lib/validation/dashboard";

export const GRAPH_PATH = "/dashboards/graph";

export type GraphFocus = { contribution: number } | { contributor: string };

export function graphHref(filters: DashboardFilters, focus: GraphFocus | null, depth?: 1 | 2): string {
  const q = new URLSearchParams(filtersQuery(filters).slice(1));
  if (focus && "contribution" in focus) q.set("contribution", String(focus.contribution));
  if (focus && "contributor" in focus) q.set("contributor", focus.contributor);
  if (focus && depth) q.set("depth", String(depth));
  const s = q.toString();
  return s ? `${GRAPH_PATH}?${s}` : GRAPH_PATH;
}

/** The dashboard filters as hidden form fields, for forms that must keep them. */
export function filterFields(filters: DashboardFilters): [string, string][] {
  return [...new URLSearchParams(filtersQuery(filters).slice(1)).entries()];
}
