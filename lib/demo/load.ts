// Writes a generated community into PostgreSQL: COPY FROM STDIN per table, in foreign-key order,
// with the generator's explicit ids, all in one transaction (a failed load leaves the database as
// it was, including the rows a --force replace would have truncated). Then moves each id sequence
// past the loaded ids, so that the app's next insert does not collide, and records one audit event.
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { enterBulkMode } from "./bulk-mode";
import { copyTables } from "./copy-format";
import type { DemoCommunity, DemoCounts, DemoTable } from "./types";

/** rows per chunk handed to the COPY stream: large enough to amortize, small enough to report often */
const CHUNK_ROWS = 4096;
const SERIAL_TABLES = ["users", "projects", "campaigns", "contributions", "links", "disputes"] as const;

export interface LoadProgress {
  table: DemoTable;
  /** rows of this table written so far, and its row count */
  written: number;
  total: number;
  /** the same across all tables */
  allWritten: number;
  allTotal: number;
}

export interface LoadOptions {
  /** TRUNCATE every domain table first (inside the same transaction) */
  replace?: boolean;
  onProgress?: (progress: LoadProgress) => void;
  /** the steps after the rows: they take a while at benchmark size (about 15 s for 3M links) */
  onStage?: (stage: string) => void;
  /** stored in the demo.seed audit event */
  auditDetails?: Record<string, unknown>;
}

function* chunks(lines: Iterable<string>, onRows: (n: number) => void): Generator<string> {
  let buffer: string[] = [];
  for (const line of lines) {
    buffer.push(line);
    if (buffer.length === CHUNK_ROWS) {
      yield buffer.join("");
      onRows(buffer.length);
      buffer = [];
    }
  }
  if (buffer.length > 0) {
    yield buffer.join("");
    onRows(buffer.length);
  }
}

/** Every table of the schema except Prisma's migration ledger. */
export async function truncateDomainTables(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'",
  );
  if (rows.length === 0) return;
  const names = rows.map((r) => client.escapeIdentifier(r.tablename)).join(", ");
  await client.query(`TRUNCATE TABLE ${names} RESTART IDENTITY CASCADE`);
}

async function copyTable(client: pg.ClientBase, sql: string, lines: Iterable<string>, onRows: (n: number) => void): Promise<void> {
  await pipeline(Readable.from(chunks(lines, onRows)), client.query(copyFrom(sql)));
}

/**
 * Loads the community in one transaction and returns the rows written per table. The links'
 * occurredAt copies are sent as generated (equal to their contributions' by construction), so the
 * CHECK on their time order holds whether or not the fill trigger runs (see bulk-mode.ts).
 */
export async function loadDemoCommunity(client: pg.ClientBase, community: DemoCommunity, opts: LoadOptions = {}): Promise<DemoCounts> {
  const totals = community.summary.counts;
  const written: DemoCounts = { users: 0, projects: 0, projectMaintainers: 0, campaigns: 0, contributions: 0, contributionAuthors: 0, links: 0, disputes: 0 };
  const allTotal = Object.values(totals).reduce((a, b) => a + b, 0);
  let allWritten = 0;
  await client.query("BEGIN");
  try {
    if (opts.replace) await truncateDomainTables(client);
    const tables = copyTables(community);
    const bulk = await enterBulkMode(client, tables.map((t) => t.name));
    for (const t of tables) {
      const columns = t.columns.map((c) => client.escapeIdentifier(c)).join(", ");
      const sql = `COPY ${client.escapeIdentifier(t.name)} (${columns}) FROM STDIN`;
      const report = () => opts.onProgress?.({ table: t.table, written: written[t.table], total: totals[t.table], allWritten, allTotal });
      report();
      await copyTable(client, sql, t.lines(), (n) => {
        written[t.table] += n;
        allWritten += n;
        report();
      });
    }
    opts.onStage?.(bulk ? "rebuilding indexes, checking constraints" : "committing");
    await bulk?.restore();
    for (const table of SERIAL_TABLES) {
      const name = client.escapeIdentifier(table);
      await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT max(id) FROM ${name}), 0) + 1, false)`, [name]);
    }
    await client.query(
      "INSERT INTO audit_events (actor_id, action, entity_type, entity_id, after) VALUES (NULL, 'demo.seed', 'demo', $1, $2)",
      [opts.auditDetails?.seed === undefined ? "demo" : String(opts.auditDetails.seed), JSON.stringify({ ...opts.auditDetails, counts: written })],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  opts.onStage?.("updating planner statistics");
  // Fresh statistics, so the first dashboard queries plan against the loaded sizes.
  await client.query("ANALYZE users, contributions, contribution_authors, links, disputes");
  return written;
}
