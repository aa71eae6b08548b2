// Loads one batch of validated link rows inside the caller's transaction. The rows go through a
// COPY into a staging table, where their endpoints are looked up by (source, external id); rows
// the database would refuse are reported with their reason instead (missing or withdrawn
// endpoint, the same contribution twice, pointing forward in time: the DAG rule of
// links_backward_in_time, ties in time broken by id), and the rest are inserted with
// ON CONFLICT DO NOTHING, so a link that already exists is skipped.
import type pg from "pg";
import { copyText } from "@/lib/db/copy-text";
import { copyRows, tsvRow } from "./copy-rows";
import type { RowError } from "./report";

export interface LinkRow {
  line: number;
  /** namespaced external ids ("<source>:<external id>") of the newer and the older contribution */
  fromRef: string;
  toRef: string;
  type: string;
  note: string;
  status: string;
}

export interface LinkBatchResult {
  inserted: number;
  skipped: number;
  errors: RowError[];
}

interface Resolved {
  seq: number;
  line: number;
  from_id: number | null;
  to_id: number | null;
  from_at: Date | null;
  to_at: Date | null;
  from_gone: boolean;
  to_gone: boolean;
}

/** refs read as "<source>:<external id>", the way the report names them */
const shown = (ref: string) => ref;

function refusal(r: Resolved, row: LinkRow): RowError | null {
  if (r.from_id === null) return { line: r.line, reason: `from: no imported contribution ${shown(row.fromRef)}`, code: "missing" };
  if (r.to_id === null) return { line: r.line, reason: `to: no imported contribution ${shown(row.toRef)}`, code: "missing" };
  if (r.from_gone) return { line: r.line, reason: `from: ${shown(row.fromRef)} was withdrawn`, code: "withdrawn" };
  if (r.to_gone) return { line: r.line, reason: `to: ${shown(row.toRef)} was withdrawn`, code: "withdrawn" };
  if (r.from_id === r.to_id) return { line: r.line, reason: "a contribution cannot link to itself", code: "self" };
  const f = r.from_at!.getTime();
  const t = r.to_at!.getTime();
  if (f < t || (f === t && r.from_id < r.to_id)) {
    return {
      line: r.line,
      reason: `links point from newer to older work: ${shown(row.fromRef)} (${r.from_at!.toISOString()}) is not later than ${shown(row.toRef)} (${r.to_at!.toISOString()})`,
      code: "forward",
    };
  }
  return null;
}

export async function loadLinkBatch(client: pg.ClientBase, rows: LinkRow[], createdById: number | null): Promise<LinkBatchResult> {
  if (rows.length === 0) return { inserted: 0, skipped: 0, errors: [] };
  await client.query(`CREATE TEMP TABLE import_link_stage (
      seq int PRIMARY KEY, line int NOT NULL, from_ref text NOT NULL, to_ref text NOT NULL, type text NOT NULL, note text NOT NULL, status text NOT NULL,
      from_id int, to_id int, ok boolean NOT NULL DEFAULT false) ON COMMIT DROP`);
  // seq: the row's index in the batch (a git commit has one row per link, all on its "line")
  await copyRows(client, "import_link_stage", ["seq", "line", "from_ref", "to_ref", "type", "note", "status"],
    (function* () {
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k];
        yield tsvRow([String(k), String(r.line), copyText(r.fromRef), copyText(r.toRef), r.type, copyText(r.note), r.status]);
      }
    })());
  const { rows: resolved } = await client.query<Resolved>(
    `UPDATE import_link_stage s SET from_id = f.id, to_id = t.id
       FROM import_link_stage s0
       LEFT JOIN contributions f ON f.source = 'import' AND f.external_id = s0.from_ref
       LEFT JOIN contributions t ON t.source = 'import' AND t.external_id = s0.to_ref
      WHERE s.seq = s0.seq
      RETURNING s.seq, s.line, f.id AS from_id, t.id AS to_id, f.occurred_at AS from_at, t.occurred_at AS to_at,
                f.deleted_at IS NOT NULL AS from_gone, t.deleted_at IS NOT NULL AS to_gone`,
  );
  const errors: RowError[] = [];
  const good: number[] = [];
  for (const r of resolved) {
    const refused = refusal(r, rows[r.seq]);
    if (refused) errors.push(refused);
    else good.push(r.seq);
  }
  errors.sort((a, b) => a.line - b.line);
  let inserted = 0;
  if (good.length) {
    await client.query("UPDATE import_link_stage SET ok = true WHERE seq = ANY($1::int[])", [good]);
    // The fill trigger copies the endpoints' times and the CHECK re-verifies the order in the database.
    const result = await client.query(
      `INSERT INTO links (from_id, to_id, type, status, note, created_by_id)
       SELECT from_id, to_id, type::"LinkType", status::"LinkStatus", note, $1 FROM import_link_stage WHERE ok ORDER BY seq
       ON CONFLICT (from_id, to_id, type) DO NOTHING`,
      [createdById],
    );
    inserted = result.rowCount ?? 0;
  }
  await client.query("DROP TABLE import_link_stage");
  return { inserted, skipped: good.length - inserted, errors };
}
