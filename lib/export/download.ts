// The download route's work (app/api/admin/exports/route.ts): session and canExport first, then
// the filters (4xx with a message per field), then the file streamed as the browser reads it.
// Errors before the first byte are JSON with a status; an error mid-stream can only abort it.
import { randomUUID } from "node:crypto";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/session";
import { resolveScopeOrThrow } from "@/lib/analytics/scope";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { canExport } from "@/lib/permissions";
import { auditExportDownload } from "./audit";
import { parseExportRequest } from "./filters";
import { openExport } from "./open-export";
import { getExportPool } from "./pool";

export function requireExporter(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (!canExport(a)) throw new AppError("forbidden", "Exports are for admins.");
  return a;
}

function errorResponse(e: unknown, requestId: string): Response {
  if (isAppError(e)) {
    return Response.json({ error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors } }, { status: e.status });
  }
  logger.error({ err: e, requestId }, "export failed");
  return Response.json({ error: { code: "internal", message: `Something went wrong on our side (request ${requestId}).` } }, { status: 500 });
}

/** A pull-based web stream over the body: the next chunk is made only when the client takes one. */
function toWebStream(body: AsyncGenerator<Uint8Array>, requestId: string): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await body.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (e) {
        logger.error({ err: e, requestId }, "export stream failed");
        controller.error(e);
      }
    },
    async cancel() {
      await body.return(undefined);
    },
  });
}

export async function handleExportDownload(request: Request): Promise<Response> {
  const requestId = randomUUID().slice(0, 8);
  try {
    const actor = requireExporter(await getSessionActor());
    const req = parseExportRequest(Object.fromEntries(new URL(request.url).searchParams));
    const { selected } = await resolveScopeOrThrow(actor, req.project);
    const exp = await openExport(getExportPool(), req, selected, { secret: env().AUTH_SECRET });
    try {
      await auditExportDownload(actor, exp.filename, exp.metadata);
    } catch (e) {
      await exp.close();
      throw e;
    }
    return new Response(toWebStream(exp.body, requestId), {
      headers: {
        "Content-Type": exp.contentType,
        "Content-Disposition": `attachment; filename="${exp.filename}"`,
        "Cache-Control": "no-store",
        "X-Export-Run": String(exp.metadata.run_id),
      },
    });
  } catch (e) {
    return errorResponse(e, requestId);
  }
}
