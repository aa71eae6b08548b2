"use server";
// Form entry points for the tokens page: session first, then the mutation, then a fresh page.
import { revalidatePath } from "next/cache";
import { getSessionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { formToObject, formValue } from "@/lib/validation/common";
import { createToken, revokeToken } from "./mutations";

export interface CreateTokenResult extends ActionResult {
  /** the new token, in this one response only */
  token?: string;
}

export async function createTokenAction(_prev: CreateTokenResult, form: FormData): Promise<CreateTokenResult> {
  const values = formToObject(form);
  let token: string | undefined;
  const result = await runAction(async () => {
    const created = await createToken(await getSessionActor(), values);
    token = created.token;
    return `Token “${String(values.name ?? "").trim()}” created.`;
  }, values);
  if (result.ok) revalidatePath("/tokens");
  return { ...result, token };
}

export async function revokeTokenAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await revokeToken(await getSessionActor(), { tokenId: formValue(form, "tokenId") });
    return "Revoked. Requests with this token are now refused.";
  });
  if (result.ok) revalidatePath("/tokens");
  return result;
}
