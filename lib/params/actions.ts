"use server";
// Form entry points for metric parameters: session first, then the mutation, then fresh pages.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { formToObject, formValue } from "@/lib/validation/common";
import { resetMetricParams, saveMetricParams, type SaveResult } from "./mutations";

const pageOf = (scope: unknown) => `/admin/parameters${typeof scope === "string" && /^\d+$/.test(scope) ? `?scope=${scope}` : ""}`;
const withFlag = (path: string, flag: string) => `${path}${path.includes("?") ? "&" : "?"}saved=${flag}`;

export async function saveMetricParamsAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  let result: SaveResult | null = null;
  const outcome = await runAction(async () => {
    result = await saveMetricParams(await getSessionActor(), values);
  }, values);
  if (!outcome.ok || !result) return outcome;
  if (!(result as SaveResult).changed) return { ok: true, message: "Nothing changed: these are the saved values." };
  revalidatePath("/admin/parameters");
  redirect(withFlag(pageOf(values.scope), "updated"));
}

export async function resetMetricParamsAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = formValue(form, "scope");
  let result: SaveResult | null = null;
  const outcome = await runAction(async () => {
    result = await resetMetricParams(await getSessionActor(), scope);
  });
  if (!outcome.ok || !result) return outcome;
  if (!(result as SaveResult).changed) return { ok: true, message: "Nothing to reset: these are already the defaults." };
  revalidatePath("/admin/parameters");
  redirect(withFlag(pageOf(scope), "reset"));
}
