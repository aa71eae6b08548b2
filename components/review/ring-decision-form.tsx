"use client";
// Clearing or confirming one ring, with an optional note; the ring is named by its contributions.
import { useActionState } from "react";
import { decideRingAction } from "@/lib/review/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { SubmitButton } from "@/components/ui/button";
import { Field, FormMessage, Textarea } from "@/components/ui/form";

export function RingDecisionForm({ ringKey, state }: { ringKey: string; state: string }) {
  const [result, action] = useActionState(decideRingAction, INITIAL_RESULT);
  const id = `ring-note-${ringKey.split(",")[0]}`;
  return (
    <form action={action} className="space-y-2" noValidate>
      <input type="hidden" name="contributionIds" value={ringKey} />
      <Field id={id} label="Note (optional)" error={result.fieldErrors?.note} hint="Why: kept with the decision in the audit log">
        <Textarea id={id} name="note" rows={2} error={result.fieldErrors?.note} defaultValue={String(result.values?.note ?? "")} />
      </Field>
      <div className="flex flex-wrap gap-2">
        {state !== "cleared" && <SubmitButton name="decision" value="clear" variant="secondary" pendingLabel="Saving…">Clear: genuine collaboration</SubmitButton>}
        {state !== "confirmed" && <SubmitButton name="decision" value="confirm" variant="danger" pendingLabel="Saving…">Confirm: gaming, keep quarantined</SubmitButton>}
      </div>
      <FormMessage ok={result.ok} message={result.fieldErrors ? undefined : result.message} />
    </form>
  );
}
