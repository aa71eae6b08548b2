// Contributor classes with their evidence (METRICS.md §7), as of the run. Classes are evaluated
// on weekly periods (the engine's default unit), so this dataset takes no unit or date range.
import type { ColumnDef, DatasetDef } from "../types";
import { IDENTITY_COLUMNS, PSEUDONYM_COLUMNS, identityCells, runScopeWhere, text } from "./common";

const CLASS_COLUMNS: ColumnDef[] = [
  { name: "class", type: "string", description: "The participation class : new, transactional, persistent or occasional." },
  { name: "birth_period", type: "date", nullable: true, description: "First day (UTC) of the week of the contributor's first contribution." },
  { name: "evidence", type: "json", description: "Why: each rule's inputs, thresholds and whether it matched, with the whole-history and trailing-window participation figures." },
];

export const classesDataset: DatasetDef = {
  id: "classes",
  title: "Contributor classes with evidence",
  description:
    "One row per contributor: their participation class as of the run and the evidence for it (the rules' inputs, thresholds and outcomes). Evaluated on weekly periods.",
  source: "metric_contributor_classes",
  filters: { unit: false, dateRange: false, segment: false, variant: false },
  columns: [...IDENTITY_COLUMNS, ...CLASS_COLUMNS],
  pseudonymColumns: [...PSEUDONYM_COLUMNS, ...CLASS_COLUMNS],
  query: (f) => `
    SELECT c.user_id, u.handle, c.class, c.evidence->>'birthLabel', c.evidence::text
    FROM metric_contributor_classes c JOIN users u ON u.id = c.user_id
    WHERE ${runScopeWhere("c", f, false)}
    ORDER BY c.user_id`,
  createMapper: (ctx) => ({
    map: (r) => [[...identityCells(ctx, r[0], r[1]), text(r[2]), text(r[3]), text(r[4])]],
    flush: () => [],
  }),
};
