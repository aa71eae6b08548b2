"use client";
// Confirm, dispute (with a reason) or remove one link. Each is its own small form.
import { useActionState, useState } from "react";
import { confirmLinkAction, disputeLinkAction, removeLinkAction } from "@/lib/links/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { Button, SubmitButton } from "@/components/ui/button";
import { Field, FormMessage, Textarea } from "@/components/ui/form";

export function LinkControls({ linkId, canConfirm, canDispute, canRemove }: { linkId: number; canConfirm: boolean; canDispute: boolean; canRemove: boolean }) {
  const [confirmState, confirm] = useActionState(confirmLinkAction, INITIAL_RESULT);
  const [disputeState, dispute] = useActionState(disputeLinkAction, INITIAL_RESULT);
  const [removeState, remove] = useActionState(removeLinkAction, INITIAL_RESULT);
  const [disputing, setDisputing] = useState(false);
  if (!canConfirm && !canDispute && !canRemove) return null;
  const reasonError = disputeState.fieldErrors?.reason;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {canConfirm && (
          <form action={confirm}>
            <input type="hidden" name="linkId" value={linkId} />
            <SubmitButton variant="secondary" pendingLabel="Confirming…">Confirm</SubmitButton>
          </form>
        )}
        {canDispute && !disputing && <Button variant="secondary" onClick={() => setDisputing(true)}>Dispute…</Button>}
        {canRemove && (
          <form action={remove}>
            <input type="hidden" name="linkId" value={linkId} />
            <SubmitButton variant="secondary" pendingLabel="Removing…">Remove link</SubmitButton>
          </form>
        )}
      </div>
      {disputing && (
        <form action={dispute} className="space-y-2 rounded-md bg-orange-50 p-3" noValidate>
          <input type="hidden" name="linkId" value={linkId} />
          <Field id={`reason-${linkId}`} label="Why is this link wrong?" error={reasonError} hint="A maintainer reads this when resolving the dispute">
            <Textarea id={`reason-${linkId}`} name="reason" rows={2} error={reasonError} defaultValue={String(disputeState.values?.reason ?? "")} />
          </Field>
          <div className="flex gap-2">
            <SubmitButton variant="danger" pendingLabel="Sending…">Dispute link</SubmitButton>
            <Button variant="secondary" onClick={() => setDisputing(false)}>Cancel</Button>
          </div>
        </form>
      )}
      <FormMessage ok={confirmState.ok} message={confirmState.message} />
      <FormMessage ok={disputeState.ok} message={disputeState.fieldErrors ? undefined : disputeState.message} />
      <FormMessage ok={removeState.ok} message={removeState.message} />
    </div>
  );
}
