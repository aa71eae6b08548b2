"use client";
import { useActionState } from "react";
import { signInAction } from "@/lib/auth/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { Field, FormMessage, Input } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState(signInAction, INITIAL_RESULT);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <FormMessage ok={state.ok} message={state.message} />
      <Field id="email" label="Email">
        <Input id="email" name="email" type="email" autoComplete="email" required defaultValue={String(state.values?.email ?? "")} />
      </Field>
      <Field id="password" label="Password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <SubmitButton className="w-full" pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
