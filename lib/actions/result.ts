// What every server action returns to its form: never a raw error. Unknown errors are logged in
// full with a request id, and the user sees only that id.
import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export interface ActionResult {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** the submitted values, so a refused form keeps what the user typed */
  values?: Record<string, unknown>;
}


export async function runAction(work: () => Promise<string | void>, values?: Record<string, unknown>): Promise<ActionResult> {
  try {
    const message = await work();
    return { ok: true, message: message ?? undefined };
  } catch (e) {
    if (isAppError(e)) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, values };
    const requestId = randomUUID().slice(0, 8);
    logger.error({ err: e, requestId }, "server action failed");
    return { ok: false, message: `Something went wrong on our side (request ${requestId}). Please try again.`, values };
  }
}
