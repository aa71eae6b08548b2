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
import { canSkipRowTriggers, lockReferencedRows, withRowTriggersOff, type TriggerFreeSpec } from "./set-based-checks";

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

/** the foreign keys the batch checks itself, and the INSERT trigger whose work it does (from_/to_occurred_at) */
const TRIGGER_FREE: TriggerFreeSpec = {
  foreignKeys: ["links.from_id->contributions", "links.to_id->contributions", "links.created_by_id->users"],
  insertTriggers: ["links_fill_times"],
};

export async function loadLinkBatch(client: pg.ClientBase, rows: LinkRow[], createdById: number | null): Promise<LinkBatchResult> {
  if (rows.length === 0) return { inserted: 0, skipped: 0, errors: [] };
  await client.query(`CREATE TEMP TABLE import_link_stage (
      seq int PRIMARY KEY, line int NOT NULL, from_ref text NOT NULL, to_ref text NOT NULL, type text NOT NULL, note text NOT NULL, status text NOT NULL) ON COMMIT DROP`);
  // seq: the row's index in the batch (a git commit has one row per link, all on its "line")
  await copyRows(client, "import_link_stage", ["seq", "line", "from_ref", "to_ref", "type", "note", "status"],
    (function* () {
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k];
        yield tsvRow([String(k), String(r.line), copyText(r.fromRef), copyText(r.toRef), r.type, copyText(r.note), r.status]);
      }
    })());
  await client.query("ANALYZE import_link_stage");
  // Both ends looked up set-based and locked FOR SHARE (more than the foreign-key triggers' KEY
  // SHARE): they can be neither deleted nor moved in time before the batch commits, so the times
  // read in the same pass stay true (as lib/links/mutations.ts does for a single link).
  await client.query(`CREATE TEMP TABLE import_link_resolved ON COMMIT DROP AS
    WITH ends AS (
      SELECT c.id, c.external_id, c.occurred_at, c.deleted_at IS NOT NULL AS gone FROM contributions c
       WHERE c.source = 'import' AND c.external_id IN (SELECT from_ref FROM import_link_stage UNION SELECT to_ref FROM import_link_stage)
       FOR SHARE OF c)
    SELECT s.seq, s.line, f.id AS from_id, t.id AS to_id, f.occurred_at AS from_at, t.occurred_at AS to_at,
           coalesce(f.gone, false) AS from_gone, coalesce(t.gone, false) AS to_gone,
           coalesce(f.id IS NOT NULL AND t.id IS NOT NULL AND NOT f.gone AND NOT t.gone AND f.id <> t.id
             AND (f.occurred_at > t.occurred_at OR (f.occurred_at = t.occurred_at AND f.id > t.id)), false) AS ok
      FROM import_link_stage s LEFT JOIN ends f ON f.external_id = s.from_ref LEFT JOIN ends t ON t.external_id = s.to_ref`);
  // Only the refused rows come back, to be described with their reason (refusal() above).
  const { rows: refusedRows } = await client.query<Resolved>("SELECT seq, line, from_id, to_id, from_at, to_at, from_gone, to_gone FROM import_link_resolved WHERE NOT ok ORDER BY seq");
  const errors: RowError[] = [];
  for (const r of refusedRows) {
    const refused = refusal(r, rows[r.seq]);
    if (refused) errors.push(refused);
  }
  errors.sort((a, b) => a.line - b.line);
  const good = rows.length - refusedRows.length;
  let inserted = 0;
  if (good > 0) {
    // The fill trigger's work done here (the endpoints' times); the CHECK re-verifies the order in the database.
    const insert = async () => {
      const result = await client.query(
        `INSERT INTO links (from_id, to_id, type, status, note, created_by_id, from_occurred_at, to_occurred_at)
         SELECT r.from_id, r.to_id, s.type::"LinkType", s.status::"LinkStatus", s.note, $1, r.from_at, r.to_at
           FROM import_link_resolved r JOIN import_link_stage s USING (seq) WHERE r.ok ORDER BY r.seq
         ON CONFLICT (from_id, to_id, type) DO NOTHING`,
        [createdById],
      );
      return result.rowCount ?? 0;
    };
    if (await canSkipRowTriggers(client, ["links"], TRIGGER_FREE)) {
      if (createdById !== null) await lockReferencedRows(client, "users", `SELECT ${Number(createdById)} AS id`, "importing users");
      inserted = await withRowTriggersOff(client, insert);
    } else {
      inserted = await insert();
    }
  }
  await client.query("DROP TABLE import_link_resolved, import_link_stage");
  return { inserted, skipped: good - inserted, errors };
}
