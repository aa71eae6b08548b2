"use server";
// The export form's entry point: checks the session, the role and every filter before the
// browser is sent to the download route, so a refused filter shows beside its field instead of
// as a failed download. The route checks everything again (it is reachable on its own).
import { getSessionActor } from "@/lib/auth/session";
import { resolveScopeOrThrow } from "@/lib/analytics/scope";
import { getCurrentRun } from "@/lib/analytics/runs";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { AppError } from "@/lib/errors";
import { formToObject } from "@/lib/validation/common";
import { requireExporter } from "./download";
import { exportQuery, parseExportRequest } from "./filters";

export interface ExportFormResult extends ActionResult {
  /** where the browser fetches the file, when the request is valid */
  downloadUrl?: string;
}

export async function prepareExportAction(_prev: ExportFormResult, form: FormData): Promise<ExportFormResult> {
  const values = formToObject(form);
  let downloadUrl: string | undefined;
  const result = await runAction(async () => {
    const actor = requireExporter(await getSessionActor());
    const req = parseExportRequest(values);
    await resolveScopeOrThrow(actor, req.project);
    const run = await getCurrentRun();
    if (!run) throw new AppError("not_found", "No metrics have been computed yet: there is nothing to export until the first recompute finishes.");
    downloadUrl = `/api/admin/exports?${exportQuery(req)}`;
    return `Your download from run ${run.id} is starting.`;
  }, values);
  return { ...result, values, downloadUrl };
}
