"use client";
import { useActionState } from "react";
import { signUpAction } from "@/lib/auth/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { Field, FormMessage, Input } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, INITIAL_RESULT);
  const v = (k: string) => String(state.values?.[k] ?? "");
  const err = (k: string) => state.fieldErrors?.[k];
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <Field id="name" label="Name" error={err("name")}>
        <Input id="name" name="name" autoComplete="name" defaultValue={v("name")} error={err("name")} />
      </Field>
      <Field id="handle" label="Handle" error={err("handle")} hint="How co-authors find you: lower-case letters, digits, - and _">
        <Input id="handle" name="handle" autoComplete="username" defaultValue={v("handle")} error={err("handle")} />
      </Field>
      <Field id="email" label="Email" error={err("email")}>
        <Input id="email" name="email" type="email" autoComplete="email" defaultValue={v("email")} error={err("email")} />
      </Field>
      <Field id="password" label="Password" error={err("password")} hint="At least 10 characters">
        <Input id="password" name="password" type="password" autoComplete="new-password" error={err("password")} />
      </Field>
      <SubmitButton className="w-full" pendingLabel="Creating…">Create account</SubmitButton>
    </form>
  );
}
