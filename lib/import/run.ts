// One import from start to end, whatever its kind: the locked import_batches row, throttled
// progress, one transaction per batch, and the final report (or the failure) written back. A
// failure keeps the batches committed before it: each was whole and audited on its own.
import type pg from "pg";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { createLockedBatch, finishBatch, releaseBatchLock, writeProgress, type BatchCounts, type BatchMeta } from "./batch-row";
import { ErrorReport } from "./report";

const PROGRESS_WRITE_MS = 500;

export interface ImportContext {
  client: pg.ClientBase;
  id: number;
  actorId: number | null;
  counts: BatchCounts;
  report: ErrorReport;
  /** figures only the summary and the CLI show (git: links inserted, dropped) */
  details: Record<string, number>;
  progress(phase: string, fraction: number, force?: boolean): Promise<void>;
  /** runs fn in one transaction on the import's connection */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

export interface ImportSummary extends BatchCounts {
  id: number;
  status: "succeeded" | "failed";
  errors: { line: number; reason: string }[];
  /** why the whole import stopped, as stored (a generic text for unexpected errors) */
  error: string | null;
  /** the error itself, for the CLI */
  cause?: unknown;
  details: Record<string, number>;
  durationMs: number;
}

export interface ProgressEvent {
  phase: string;
  fraction: number;
  counts: BatchCounts;
}

export type ImportWork = (ctx: ImportContext) => Promise<void>;

export async function startImportRun(pool: pg.Pool, meta: BatchMeta, work: ImportWork, onProgress?: (p: ProgressEvent) => void): Promise<{ id: number; done: Promise<ImportSummary> }> {
  const client = await pool.connect();
  let id: number;
  try {
    id = await createLockedBatch(client, meta);
  } catch (e) {
    client.release();
    throw e;
  }
  const t0 = performance.now();
  const counts: BatchCounts = { totalRows: 0, insertedRows: 0, skippedRows: 0, errorRows: 0 };
  const report = new ErrorReport();
  const details: Record<string, number> = {};
  let lastWrite = 0;
  let inTransaction = false;
  const ctx: ImportContext = {
    client, id, actorId: meta.actorId, counts, report, details,
    async progress(phase, fraction, force = false) {
      onProgress?.({ phase, fraction, counts });
      const now = performance.now();
      if (inTransaction || (!force && now - lastWrite < PROGRESS_WRITE_MS)) return;
      lastWrite = now;
      await writeProgress(client, id, phase, fraction, counts);
    },
    async transaction(fn) {
      // Set before BEGIN is sent: progress calls of the reading loop (which runs on while a batch
      // loads) then never queue a write onto the connection inside the batch's transaction.
      inTransaction = true;
      try {
        await client.query("BEGIN");
        const out = await fn();
        await client.query("COMMIT");
        return out;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        inTransaction = false;
      }
    },
  };
  const done = (async (): Promise<ImportSummary> => {
    let status: "succeeded" | "failed" = "succeeded";
    let error: string | null = null;
    let cause: unknown;
    try {
      await work(ctx);
    } catch (e) {
      status = "failed";
      cause = e;
      if (isAppError(e)) error = e.message;
      else {
        error = "The import stopped on an unexpected error (logged on the server). Batches committed before it are kept.";
        logger.error({ err: e, importId: id }, "import failed");
      }
    }
    report.sort();
    counts.errorRows = report.count;
    try {
      await finishBatch(client, id, status, status === "succeeded" ? "done" : "failed", counts, report.stored, error);
      await releaseBatchLock(client, id);
      client.release();
    } catch (e) {
      // The connection is unusable: dropping it frees the lock, and the sweep marks the row failed.
      client.release(e as Error);
      logger.error({ err: e, importId: id }, "import report could not be written");
    }
    return { id, status, ...counts, errors: report.stored, error, cause, details, durationMs: Math.round(performance.now() - t0) };
  })();
  return { id, done };
}
