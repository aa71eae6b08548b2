"use client";
// Resolving one dispute: uphold (link disputes: remove the link or change its type) or reject,
// always with a note that the parties can read in the audit log.
import { useActionState, useState } from "react";
import { resolveDisputeAction } from "@/lib/review/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { SubmitButton } from "@/components/ui/button";
import { Field, FormMessage, Select, Textarea } from "@/components/ui/form";
import { LINK_TYPE_LABEL } from "@/components/ui/format";

const TYPES = ["builds_on", "fixes", "reviews", "cites"] as const;

export function DisputeResolveForm({ disputeId, isLink, linkType, restores }: { disputeId: number; isLink: boolean; linkType?: string; restores: string | null }) {
  const [state, action] = useActionState(resolveDisputeAction, INITIAL_RESULT);
  const [linkAction, setLinkAction] = useState<"remove" | "retype">("remove");
  const v = state.values ?? {};
  const noteId = `note-${disputeId}`;
  const typeId = `type-${disputeId}`;
  return (
    <form action={action} className="space-y-3" noValidate data-testid={`resolve-${disputeId}`}>
      <input type="hidden" name="disputeId" value={disputeId} />
      {isLink && (
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium text-stone-800">If you uphold it</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="linkAction" value="remove" checked={linkAction === "remove"} onChange={() => setLinkAction("remove")} />
            remove the link
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="linkAction" value="retype" checked={linkAction === "retype"} onChange={() => setLinkAction("retype")} />
            keep it with another type
          </label>
          {linkAction === "retype" && (
            <Field id={typeId} label="New type" error={state.fieldErrors?.newType}>
              <Select id={typeId} name="newType" defaultValue={String(v.newType ?? "")} error={state.fieldErrors?.newType} className="max-w-48">
                <option value="">Choose…</option>
                {TYPES.filter((t) => t !== linkType).map((t) => <option key={t} value={t}>{LINK_TYPE_LABEL[t]}</option>)}
              </Select>
            </Field>
          )}
        </fieldset>
      )}
      <Field id={noteId} label="Resolution note" error={state.fieldErrors?.note} hint="Required. The parties see why you decided as you did.">
        <Textarea id={noteId} name="note" rows={2} error={state.fieldErrors?.note} defaultValue={String(v.note ?? "")} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="outcome" value="uphold" variant="danger" pendingLabel="Saving…">Uphold the dispute</SubmitButton>
        <SubmitButton name="outcome" value="reject" variant="secondary" pendingLabel="Saving…">
          Reject the dispute{restores ? ` (link back to ${restores})` : ""}
        </SubmitButton>
      </div>
      <FormMessage ok={state.ok} message={state.fieldErrors ? undefined : state.message} />
    </form>
  );
}
