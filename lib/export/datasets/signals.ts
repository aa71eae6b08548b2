// Early-warning signals (METRICS.md §9) that fired in the run, with their evidence. The evidence
// of a link ring names its members by user id: pseudonymized exports replace them too.
import type { DatasetDef, RowContext } from "../types";
import { dateRangeWhere, day, int, runScopeWhere, text } from "./common";

function evidenceCell(ctx: RowContext, json: string | null): string | null {
  if (json === null || !ctx.pseudonym) return json;
  const evidence = JSON.parse(json) as Record<string, unknown>;
  if (Array.isArray(evidence.members)) evidence.members = evidence.members.map((id) => ctx.pseudonym!(Number(id)));
  return JSON.stringify(evidence);
}

export const signalsDataset: DatasetDef = {
  id: "signals",
  title: "Early-warning signals",
  description:
    "Every signal that fired in the run: its rule (code), severity, the period it fired for, the message shown on the overview and the evidence (the numbers the rule compared with its thresholds).",
  source: "metric_signals",
  filters: { unit: true, dateRange: true, segment: false, variant: false },
  columns: [
    { name: "signal_id", type: "int", description: "The stored signal's id (unique within the run)." },
    { name: "period_start", type: "date", description: "First day (UTC) of the period the signal fired for." },
    { name: "code", type: "string", description: "The rule: transactional_rise, nakamoto_drop, giant_component_low, recognition_scarce, link_ring." },
    { name: "severity", type: "string", description: "warning or critical." },
    { name: "message", type: "string", description: "The sentence shown on the overview dashboard." },
    { name: "evidence", type: "json", description: "The rule's inputs and thresholds (link rings: members' user ids, or pseudonyms)." },
  ],
  pseudonymColumns: [],
  query: (f) => `
    SELECT s.id, ${day("s.period_start")}, s.code, s.severity, s.message, s.evidence::text
    FROM metric_signals s
    WHERE ${runScopeWhere("s", f)} ${dateRangeWhere("s.period_start", f)}
    ORDER BY s.period_start, s.id`,
  createMapper: (ctx) => ({
    map: (r) => [[int(r[0]), r[1], text(r[2]), text(r[3]), text(r[4]), evidenceCell(ctx, text(r[5]))]],
    flush: () => [],
  }),
};
