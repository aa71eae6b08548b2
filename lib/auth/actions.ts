"use server";
// Sign-in, sign-up and sign-out forms. Auth.js throws its own errors for refused credentials;
// Next's redirect is an exception too and must pass through untouched (STACK.md pitfall 8).
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "./config";
import { createAccount } from "@/lib/users/mutations";
import { formToObject } from "@/lib/validation/common";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { clientAddress, takeSignUpAttempt } from "./rate-limit";

/** Only same-site relative paths: never an open redirect. */
function safeNext(raw: unknown): string {
  const s = typeof raw === "string" ? raw : "";
  return /^\/(?!\/)[^\s\\]*$/.test(s) ? s : "/contributions";
}

export async function signInAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirect: false });
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      const message = code === "rate_limited"
        ? "Too many failed attempts. Wait a few minutes and try again."
        : "The email or password is not right.";
      return { ok: false, message, values: { email } };
    }
    throw e;
  }
  redirect(safeNext(form.get("next")));
}

export async function signUpAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formToObject(form);
  if (await takeSignUpAttempt(clientAddress(await headers()))) {
    return { ok: false, message: "Too many sign-up attempts from this network. Wait an hour and try again.", values: { ...values, password: undefined } };
  }
  const result = await runAction(async () => {
    await createAccount(values);
  }, { ...values, password: undefined });
  if (!result.ok) return result;
  await signIn("credentials", { email: String(values.email).trim().toLowerCase(), password: String(values.password), redirect: false });
  redirect("/contributions/new?welcome=1");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
