"use server";
// Form entry points for the review queues: session first, then the mutation, then fresh pages
// (the queues themselves and the pages that show the decided work's status).
import { revalidatePath } from "next/cache";
import { getSessionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { formToObject } from "@/lib/validation/common";
import { decideContributions } from "./contribution-decisions";
import { resolveDispute } from "./dispute-resolution";
import { decideRing } from "./ring-decisions";

const AFTER_RECOMPUTE = "The numbers change after the next recompute.";

function refresh() {
  revalidatePath("/review", "layout");
  revalidatePath("/contributions", "layout");
}

export async function decideContributionsAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    const { ids, status } = await decideContributions(await getSessionActor(), values);
    return `${ids.length === 1 ? "1 contribution" : `${ids.length} contributions`} ${status}. ${AFTER_RECOMPUTE}`;
  });
  if (result.ok) refresh();
  return result;
}

export async function resolveDisputeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    const r = await resolveDispute(await getSessionActor(), values);
    const link = !r.link ? "" : r.link.status === "removed" ? " The link is removed." : ` The link is ${r.link.status} (${r.link.type.replace("_", " ")}) again.`;
    return `Dispute ${r.resolution}.${link} ${AFTER_RECOMPUTE}`;
  }, values);
  if (result.ok) refresh();
  return result;
}

export async function decideRingAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    const r = await decideRing(await getSessionActor(), values);
    return `Ring ${r.decision}: ${r.decided.length === 1 ? "1 contribution" : `${r.decided.length} contributions`}. ${AFTER_RECOMPUTE}`;
  }, values);
  if (result.ok) refresh();
  return result;
}
