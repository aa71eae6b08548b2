"use server";
// Form entry points for contributions: session first, then the mutation, then fresh pages.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { formToObject, formValue } from "@/lib/validation/common";
import { pickerQuerySchema } from "@/lib/validation/links";
import { createContribution, updateContribution, withdrawContribution } from "./mutations";
import { searchLinkTargets } from "./queries";

export async function createContributionAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  let id = 0;
  const result = await runAction(async () => {
    id = (await createContribution(await getSessionActor(), values)).id;
  }, values);
  if (!result.ok) return result;
  revalidatePath("/contributions");
  redirect(`/contributions/${id}?created=1`);
}

export async function updateContributionAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  let id = 0;
  const result = await runAction(async () => {
    id = (await updateContribution(await getSessionActor(), values)).id;
  }, values);
  if (!result.ok) return result;
  revalidatePath("/contributions");
  redirect(`/contributions/${id}?updated=1`);
}

export async function withdrawContributionAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const id = formValue(form, "id");
  const result = await runAction(async () => {
    await withdrawContribution(await getSessionActor(), id);
  });
  if (result.ok) revalidatePath(`/contributions/${id}`);
  return result.ok ? { ok: true, message: "Withdrawn. It no longer counts in the metrics." } : result;
}

export interface LinkTargetOption {
  id: number;
  title: string;
  occurredAt: string;
  kind: string;
  project: string;
  authors: string[];
}

/** The link picker's search. Returns nothing to visitors without a session. */
export async function searchLinkTargetsAction(fromId: number, q: string): Promise<LinkTargetOption[]> {
  const actor = await getSessionActor();
  if (!actor) return [];
  const parsed = pickerQuerySchema.safeParse({ fromId, q });
  if (!parsed.success) return [];
  return searchLinkTargets(actor, parsed.data.fromId, parsed.data.q);
}
