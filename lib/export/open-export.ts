// One export, end to end: open a snapshot, find the newest succeeded run, describe it (metadata),
// bind the filters, and return a pull-based byte stream of the file. Nothing is read before the
// consumer pulls, and at most one batch of rows (plus one Parquet row group) is held at a time.
import type pg from "pg";
import type { ScopeOption } from "@/lib/analytics/scope";
import { columnsOf, DATASETS } from "./datasets";
import type { ExportRequest } from "./filters";
import { CONTENT_TYPES, exportFilename } from "./filename";
import { encodeCsv } from "./formats/csv";
import { encodeJsonl } from "./formats/jsonl";
import { encodeParquet } from "./formats/parquet";
import { buildMetadata, getExportRunOrThrow, type ExportMetadata } from "./metadata";
import { createPseudonymizer, derivePseudonymKey } from "./pseudonym";
import { openSnapshot } from "./source";
import type { ResolvedFilters, Row } from "./types";

/** rows per COPY batch handed to the encoders */
const BATCH_ROWS = 2000;

export interface ExportOptions {
  /** AUTH_SECRET, needed only to pseudonymize */
  secret?: string;
  exportedAt?: Date;
  /** count the stored rows first, for a progress bar's total (costs one more scan) */
  countRows?: boolean;
  /** stored rows read so far (lifecycle writes more rows than it reads) */
  onProgress?: (storedRowsRead: number) => void;
}

export interface OpenedExport {
  filename: string;
  contentType: string;
  metadata: ExportMetadata;
  /** stored rows the file is made from, when countRows was asked for */
  storedRows: number | null;
  /** the file's bytes; ends the snapshot when done, failed or returned early */
  body: AsyncGenerator<Uint8Array>;
  /** rows written to the file so far */
  rowsWritten(): number;
  /** releases the snapshot when the body is never consumed */
  close(): Promise<void>;
}

/** Every user's handle by id, in the snapshot (a few MB at 100k people; merged ones keep theirs). */
async function readHandles(client: pg.PoolClient): Promise<(userId: number) => string | null> {
  const { rows } = await client.query<{ id: number; handle: string }>("SELECT id, handle FROM users");
  const handles = new Map<number, string>();
  for (const r of rows) handles.set(r.id, r.handle);
  return (id) => handles.get(id) ?? null;
}

export async function openExport(pool: pg.Pool, req: ExportRequest, scope: ScopeOption, opts: ExportOptions = {}): Promise<OpenedExport> {
  const dataset = DATASETS[req.dataset];
  const key = req.pseudonymize ? derivePseudonymKey(opts.secret) : null;
  const filters: ResolvedFilters = {
    project: scope.slug, scope: scope.scope, projectId: scope.projectId, unit: req.unit, from: req.from, to: req.to,
    segment: req.segment, variant: req.variant, pseudonymize: req.pseudonymize,
  };
  const exportedAt = opts.exportedAt ?? new Date();
  const columns = columnsOf(dataset, req.pseudonymize);
  const snapshot = await openSnapshot(pool);
  try {
    const run = await getExportRunOrThrow(snapshot.client);
    const { metadata, period } = await buildMetadata(snapshot.client, { run, dataset, filters, columns, format: req.format, exportedAt });
    await snapshot.bind({ run_id: run.id, scope: filters.scope, unit: filters.unit, from: filters.from, to: filters.to, segment: filters.segment, variant: filters.variant });
    const sql = dataset.query({ ...filters, runId: run.id });
    let storedRows: number | null = null;
    if (opts.countRows) {
      const { rows } = await snapshot.client.query<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) q`);
      storedRows = Number(rows[0].n);
    }
    const handleOf = dataset.handlesById && !key ? await readHandles(snapshot.client) : undefined;
    const mapper = dataset.createMapper({ filters, period, pseudonym: key ? createPseudonymizer(key) : null, textFloats: req.format !== "parquet", handleOf });
    let read = 0;
    let written = 0;
    async function* rowBatches(): AsyncGenerator<Row[]> {
      // Handed on every BATCH_ROWS written rows, not per stored batch: lifecycle turns one stored
      // row into up to a period per row, and a whole batch of those would be far bigger.
      let out: Row[] = [];
      for await (const batch of snapshot.rows(sql, BATCH_ROWS)) {
        for (const fields of batch) {
          for (const r of mapper.map(fields)) out.push(r);
          if (out.length >= BATCH_ROWS) {
            written += out.length;
            yield out;
            out = [];
          }
        }
        read += batch.length;
        opts.onProgress?.(read);
      }
      written += out.length;
      if (out.length) yield out;
      const rest = mapper.flush();
      written += rest.length;
      if (rest.length) yield rest;
    }
    const encoded =
      req.format === "csv" ? encodeCsv(metadata, columns, rowBatches())
      : req.format === "jsonl" ? encodeJsonl(metadata, columns, rowBatches())
      : encodeParquet(metadata, columns, rowBatches());
    async function* body(): AsyncGenerator<Uint8Array> {
      try {
        for await (const chunk of encoded) yield typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      } finally {
        await snapshot.close();
      }
    }
    return {
      filename: exportFilename(dataset, filters, req.format, run.id, exportedAt),
      contentType: CONTENT_TYPES[req.format],
      metadata,
      storedRows,
      body: body(),
      rowsWritten: () => written,
      close: () => snapshot.close(),
    };
  } catch (e) {
    await snapshot.close();
    throw e;
  }
}
