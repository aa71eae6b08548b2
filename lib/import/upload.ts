// An admin's upload (app/api/admin/imports/route.ts): session and canImport first, then the
// options, then the body streamed to a temporary file (never held in memory) with a size limit,
// then the import started in the background of this process. The caller gets the import's id at
// once; the page polls its import_batches row.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type pg from "pg";
import { z } from "zod";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import { logger } from "@/lib/logger";
import { canImport } from "@/lib/permissions";
import { sourceNameSchema } from "./schemas";
import { startFileImport } from "./start";

export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

export const uploadOptionsSchema = z.object({
  kind: z.enum(["contributions", "links"], { error: "Choose contributions or links" }),
  format: z.enum(["csv", "jsonl"], { error: "Choose CSV or JSON Lines" }),
  source: sourceNameSchema,
  filename: z.string().trim().min(1, "The file has no name").max(255, "The file name is longer than 255 characters"),
});

export function requireImporter(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (!canImport(a)) throw new AppError("forbidden", "Imports are for admins.");
  return a;
}

function sizeLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) done(new AppError("invalid_input", `The file is larger than ${Math.round(limit / 1024 / 1024)} MB.`));
      else done(null, chunk);
    },
  });
}

export interface UploadRequest {
  params: URLSearchParams;
  contentLength: string | null;
  body: ReadableStream<Uint8Array> | null;
}

export async function acceptImportUpload(actorOrNull: Actor | null, req: UploadRequest, pool: pg.Pool, limit = MAX_UPLOAD_BYTES): Promise<{ id: number }> {
  const actor = requireImporter(actorOrNull);
  const opts = parseOrThrow(uploadOptionsSchema, Object.fromEntries(req.params));
  if (req.contentLength !== null && Number(req.contentLength) > limit) throw new AppError("invalid_input", `The file is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
  if (!req.body) throw new AppError("invalid_input", "No file was sent.");
  const dir = await mkdtemp(path.join(os.tmpdir(), "understory-import-"));
  const filePath = path.join(dir, "upload");
  const cleanup = () => rm(dir, { recursive: true, force: true }).catch((err) => logger.warn({ err }, "imports: temporary file not removed"));
  try {
    await pipeline(Readable.fromWeb(req.body as WebReadableStream<Uint8Array>), sizeLimit(limit), createWriteStream(filePath));
    const size = (await stat(filePath)).size;
    if (size === 0) throw new AppError("invalid_input", "The file is empty.");
    // A body cut short (a dropped connection, a proxy's limit) must not import as a shorter file.
    if (req.contentLength !== null && Number(req.contentLength) !== size) throw new AppError("invalid_input", "The upload was incomplete: please send the file again.");
    const started = await startFileImport(pool, { ...opts, filePath, actorId: actor.id });
    void started.done.finally(cleanup);
    return { id: started.id };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
