// The entry points the CLI and the web share: start an import, get its id at once and a promise
// of its summary. The caller decides whether to wait (CLI) or let it run in the background (web).
import type pg from "pg";
import path from "node:path";
import { fileImportWork, type FileImportOptions } from "./file-import";
import { gitImportWork, type GitImportOptions } from "./git-import";
import { startImportRun, type ImportSummary, type ImportWork, type ProgressEvent } from "./run";
import { assertUtf8File } from "./utf8-check";

export interface Started {
  id: number;
  done: Promise<ImportSummary>;
}

export function startFileImport(pool: pg.Pool, opts: FileImportOptions & { filename: string; actorId: number | null }, onProgress?: (p: ProgressEvent) => void): Promise<Started> {
  const work = fileImportWork(opts);
  // A file that is not UTF-8 stops before any row is read (utf8-check.ts), so none of it is stored.
  const checked: ImportWork = async (ctx) => {
    await assertUtf8File(opts.filePath);
    await work(ctx);
  };
  return startImportRun(pool, { kind: opts.kind, format: opts.format, filename: opts.filename, source: opts.source, actorId: opts.actorId }, checked, onProgress);
}

export function startGitImport(pool: pg.Pool, opts: GitImportOptions & { actorId: number | null }, onProgress?: (p: ProgressEvent) => void): Promise<Started> {
  return startImportRun(pool, { kind: "git", format: "git", filename: path.resolve(opts.repoPath), source: opts.source, actorId: opts.actorId }, gitImportWork(opts), onProgress);
}
