"use client";
// An imported identity (from a git history or a file, never signed in) attached to the account of
// the person it belongs to: their imported work becomes theirs.
import { claimIdentityAction } from "@/lib/users/admin-actions";
import { Field, Input } from "@/components/ui/form";
import { ActionForm } from "./action-form";

export function ClaimForm({ importedId, handle }: { importedId: number; handle: string }) {
  return (
    <ActionForm
      action={claimIdentityAction}
      hidden={{ imported: importedId }}
      submitLabel="Attach to account"
      pendingLabel="Attaching…"
      confirm={`Give @${handle}'s imported work to that account and deactivate @${handle}? You can undo it below.`}
      testId="claim-form"
      fields={(state) => (
        <Field id="claim-account" label="Account that claims this identity" error={state.fieldErrors?.account}
          hint="The handle of an account the person signs in with.">
          <Input id="claim-account" name="account" placeholder="@handle" autoComplete="off"
            defaultValue={String(state.ok ? "" : (state.values?.account ?? ""))} key={`a-${state.message ?? ""}`} error={state.fieldErrors?.account} />
        </Field>
      )}
    />
  );
}
