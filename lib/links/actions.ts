"use server";
import { revalidatePath } from "next/cache";
import { getSessionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { formToObject } from "@/lib/validation/common";
import { confirmLink, createLink, disputeLink, removeLink } from "./mutations";

function refresh() {
  revalidatePath("/contributions", "layout");
  revalidatePath("/me");
}

export async function createLinkAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    const link = await createLink(await getSessionActor(), values);
    return link.status === "confirmed"
      ? "Link added and confirmed (it points to your own work)."
      : "Link added. It carries half weight until the other work's authors confirm it.";
  }, values);
  if (result.ok) refresh();
  return result;
}

export async function confirmLinkAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await confirmLink(await getSessionActor(), formToObject(form));
    return "Confirmed.";
  });
  if (result.ok) refresh();
  return result;
}

export async function disputeLinkAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    await disputeLink(await getSessionActor(), values);
    return "Disputed. No credit flows along this link until a maintainer resolves it.";
  }, values);
  if (result.ok) refresh();
  return result;
}

export async function removeLinkAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await removeLink(await getSessionActor(), formToObject(form));
    return "Link removed.";
  });
  if (result.ok) refresh();
  return result;
}
