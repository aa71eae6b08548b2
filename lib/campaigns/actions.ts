"use server";
// Form entry points for campaigns: session first, then the mutation, then fresh pages.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { formToObject, formValue } from "@/lib/validation/common";
import { createCampaign, deleteCampaign, updateCampaign } from "./mutations";

export async function createCampaignAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    await createCampaign(await getSessionActor(), values);
  }, values);
  if (!result.ok) return result;
  revalidatePath("/campaigns");
  redirect("/campaigns?saved=created");
}

export async function updateCampaignAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    await updateCampaign(await getSessionActor(), values);
  }, values);
  if (!result.ok) return result;
  revalidatePath("/campaigns");
  redirect("/campaigns?saved=updated");
}

export async function deleteCampaignAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const id = formValue(form, "id");
  const result = await runAction(async () => {
    await deleteCampaign(await getSessionActor(), id);
  });
  if (!result.ok) return result;
  revalidatePath("/campaigns");
  redirect("/campaigns?saved=deleted");
}
