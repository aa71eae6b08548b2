// Loads one batch of validated contribution rows inside the caller's transaction: rows already
// imported (same source and external id) are skipped, authors are matched or created, and the new
// rows go through a COPY into a staging table and one INSERT … SELECT … ON CONFLICT DO NOTHING
// (a concurrent import of the same rows skips instead of failing), with the foreign keys checked
// once per batch rather than by a trigger per row where that is safe (set-based-checks.ts).
import type pg from "pg";
import { copyInt, copyText } from "@/lib/db/copy-text";
import { shareText, type AuthorEntry } from "./authors";
import { copyRows, tsvRow } from "./copy-rows";
import { resolveAuthors } from "./identities";
import { canSkipRowTriggers, lockReferencedRows, withRowTriggersOff, type TriggerFreeSpec } from "./set-based-checks";

/** the foreign keys the batch checks itself; no INSERT triggers on these tables */
const TRIGGER_FREE: TriggerFreeSpec = {
  foreignKeys: ["contributions.project_id->projects", "contributions.created_by_id->users", "contribution_authors.contribution_id->contributions", "contribution_authors.user_id->users"],
  insertTriggers: [],
};

export interface ContributionRow {
  line: number;
  /** namespaced: "<source>:<external id>", the value stored in contributions.external_id */
  externalId: string;
  projectId: number;
  title: string;
  description: string;
  kind: string;
  occurredAt: Date;
  url: string | null;
  status: string;
  authors: AuthorEntry[];
}

export interface ContributionBatchResult {
  inserted: number;
  skipped: number;
  authorships: number;
  usersCreated: number;
}

export async function loadContributionBatch(client: pg.ClientBase, rows: ContributionRow[], createdById: number | null): Promise<ContributionBatchResult> {
  const { rows: present } = await client.query<{ external_id: string }>(
    "SELECT external_id FROM contributions WHERE source = 'import' AND external_id = ANY($1::text[])",
    [rows.map((r) => r.externalId)],
  );
  const already = new Set(present.map((r) => r.external_id));
  const fresh = rows.filter((r) => !already.has(r.externalId));
  if (fresh.length === 0) return { inserted: 0, skipped: rows.length, authorships: 0, usersCreated: 0 };

  const people = new Map<string, string | null>();
  for (const r of fresh) for (const a of r.authors) if (!people.has(a.email) || people.get(a.email) === null) people.set(a.email, a.name);
  const { ids, created } = await resolveAuthors(client, people);

  await client.query(`CREATE TEMP TABLE import_contribution_stage (
      line int PRIMARY KEY, external_id text NOT NULL, project_id int NOT NULL, title text NOT NULL, description text NOT NULL,
      kind text NOT NULL, occurred_at timestamptz NOT NULL, url text, status text NOT NULL) ON COMMIT DROP`);
  await client.query("CREATE TEMP TABLE import_author_stage (line int NOT NULL, user_id int NOT NULL, share numeric(9, 8) NOT NULL) ON COMMIT DROP");
  await copyRows(client, "import_contribution_stage", ["line", "external_id", "project_id", "title", "description", "kind", "occurred_at", "url", "status"],
    (function* () {
      for (const r of fresh) {
        yield tsvRow([String(r.line), copyText(r.externalId), copyInt(r.projectId), copyText(r.title), copyText(r.description), r.kind, r.occurredAt.toISOString(), copyText(r.url), r.status]);
      }
    })());
  await copyRows(client, "import_author_stage", ["line", "user_id", "share"],
    (function* () {
      for (const r of fresh) {
        // Two emails of one merged person resolve to the same user: their shares add up.
        const byUser = new Map<number, number>();
        for (const a of r.authors) byUser.set(ids.get(a.email)!, (byUser.get(ids.get(a.email)!) ?? 0) + a.units);
        for (const [userId, units] of byUser) yield tsvRow([String(r.line), String(userId), shareText(units)]);
      }
    })());
  // Statistics for the joins below: a fresh temp table has none.
  await client.query("ANALYZE import_contribution_stage, import_author_stage");
  const insert = async () => {
    // Ids follow the file's order (ORDER BY line), which breaks ties in time for links.
    const { rows: [counts] } = await client.query<{ contributions: string; authors: string }>(
      `WITH ins AS (
         INSERT INTO contributions (project_id, title, description, kind, occurred_at, url, status, source, external_id, created_by_id)
         SELECT project_id, title, description, kind::"ContributionKind", occurred_at, url, status::"ContributionStatus", 'import', external_id, $1
           FROM import_contribution_stage ORDER BY line
         ON CONFLICT (source, external_id) DO NOTHING
         RETURNING id, external_id),
       au AS (
         INSERT INTO contribution_authors (contribution_id, user_id, share)
         SELECT ins.id, a.user_id, a.share FROM ins JOIN import_contribution_stage s USING (external_id) JOIN import_author_stage a ON a.line = s.line
         RETURNING 1)
       SELECT (SELECT count(*) FROM ins) AS contributions, (SELECT count(*) FROM au) AS authors`,
      [createdById],
    );
    return counts;
  };
  let counts: { contributions: string; authors: string };
  if (await canSkipRowTriggers(client, ["contributions", "contribution_authors"], TRIGGER_FREE)) {
    // The foreign-key triggers' checks, once for the batch (set-based-checks.ts); the
    // contribution_id of every authorship is a contribution this very statement inserts.
    await lockReferencedRows(client, "projects", "SELECT project_id AS id FROM import_contribution_stage", "projects");
    await lockReferencedRows(client, "users", "SELECT user_id AS id FROM import_author_stage", "authors");
    if (createdById !== null) await lockReferencedRows(client, "users", `SELECT ${Number(createdById)} AS id`, "importing users");
    counts = await withRowTriggersOff(client, insert);
  } else {
    counts = await insert();
  }
  await client.query("DROP TABLE import_contribution_stage, import_author_stage");
  const inserted = Number(counts.contributions);
  return { inserted, skipped: rows.length - inserted, authorships: Number(counts.authors), usersCreated: created };
}
