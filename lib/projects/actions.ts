"use server";
// Form entry points for the admin's project tools.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { formToObject } from "@/lib/validation/common";
import { archiveProject, createProject, unarchiveProject, updateProject } from "./mutations";
import { addMaintainer, removeMaintainer } from "./maintainers";

function refresh() {
  revalidatePath("/admin", "layout");
}

export async function createProjectAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  let id = 0;
  const result = await runAction(async () => {
    id = (await createProject(await getSessionActor(), values)).id;
  }, values);
  if (!result.ok) return result;
  refresh();
  redirect(`/admin/projects/${id}?created=1`);
}

export async function updateProjectAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    await updateProject(await getSessionActor(), values);
    return "Saved.";
  }, values);
  if (result.ok) refresh();
  return result;
}

export async function setArchivedAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const archive = values.archive === "1";
  const result = await runAction(async () => {
    const actor = await getSessionActor();
    if (archive) await archiveProject(actor, values);
    else await unarchiveProject(actor, values);
    return archive ? "Archived: it takes no new contributions; its history and metrics stay." : "Unarchived: it takes contributions again.";
  }, values);
  if (result.ok) refresh();
  return result;
}

export async function addMaintainerAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    const r = await addMaintainer(await getSessionActor(), values);
    return r.promoted ? "Added, and promoted to maintainer (their sessions have ended)." : "Added as maintainer.";
  }, values);
  if (result.ok) refresh();
  return result;
}

export async function removeMaintainerAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  const result = await runAction(async () => {
    await removeMaintainer(await getSessionActor(), values);
    return "Removed as maintainer. Their role is unchanged.";
  }, values);
  if (result.ok) refresh();
  return result;
}
