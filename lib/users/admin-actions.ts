"use server";
// Form entry points for the admin's people tools: session first, then the mutation, then fresh
// pages. Each returns a sentence the admin can read beside the form.
import { revalidatePath } from "next/cache";
import { getSessionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { formToObject } from "@/lib/validation/common";
import { changeUserRole } from "./admin-role";
import { deactivateUser, reactivateUser } from "./admin-activation";
import { claimImportedIdentity, mergeIdentities } from "./merge";
import { undoMerge } from "./merge-undo";

function refresh() {
  revalidatePath("/admin", "layout");
}

const moves = (n: number, co: number) =>
  `${n === 1 ? "1 authorship" : `${n} authorships`} moved${co ? ` (${co} co-authored: shares added)` : ""}`;

export async function changeRoleAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    const r = await changeUserRole(await getSessionActor(), values);
    return `Role changed to ${r.role}. Their sessions have ended${r.removedMaintainerships ? `; removed as maintainer of ${r.removedMaintainerships} project${r.removedMaintainerships === 1 ? "" : "s"}` : ""}.`;
  }, values);
  if (result.ok) refresh();
  return result;
}

export async function deactivateUserAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    await deactivateUser(await getSessionActor(), values);
    return "Deactivated and signed out. Their contributions stay.";
  }, values);
  if (result.ok) refresh();
  return result;
}

export async function reactivateUserAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    await reactivateUser(await getSessionActor(), values);
    return "Reactivated: they can sign in again.";
  }, values);
  if (result.ok) refresh();
  return result;
}

export async function mergeIdentitiesAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    const r = await mergeIdentities(await getSessionActor(), values);
    return `Merged: ${moves(r.moved, r.coAuthored)}. The metrics will be recomputed.`;
  }, values);
  if (result.ok) refresh();
  return result;
}

export async function claimIdentityAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    const r = await claimImportedIdentity(await getSessionActor(), values);
    return `Claimed: ${moves(r.moved, r.coAuthored)}. The metrics will be recomputed.`;
  }, values);
  if (result.ok) refresh();
  return result;
}

export async function undoMergeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    const r = await undoMerge(await getSessionActor(), values);
    return `Merge undone: ${r.restored === 1 ? "1 authorship" : `${r.restored} authorships`} restored. The metrics will be recomputed.`;
  }, values);
  if (result.ok) refresh();
  return result;
}
