// Errors of the import route as JSON with their status; unknown ones are logged and answered with a
// generic message and a request id (never the raw error).
import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export function importErrorResponse(e: unknown): Response {
  if (isAppError(e)) return Response.json({ error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors } }, { status: e.status });
  const requestId = randomUUID().slice(0, 8);
  logger.error({ err: e, requestId }, "import upload failed");
  return Response.json({ error: { code: "internal", message: `Something went wrong on our side (request ${requestId}).` } }, { status: 500 });
}
