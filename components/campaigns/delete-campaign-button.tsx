"use client";
import { useActionState, useState } from "react";
import { deleteCampaignAction } from "@/lib/campaigns/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { Button, SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";

export function DeleteCampaignButton({ id, name }: { id: number; name: string }) {
  const [state, action] = useActionState(deleteCampaignAction, INITIAL_RESULT);
  const [asking, setAsking] = useState(false);
  if (!asking) return <Button variant="danger" onClick={() => setAsking(true)}>Delete campaign…</Button>;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <span className="text-sm">Delete “{name}”? Its newcomers become organic after the recompute.</span>
      <SubmitButton variant="danger" pendingLabel="Deleting…">Yes, delete</SubmitButton>
      <Button variant="secondary" onClick={() => setAsking(false)}>Cancel</Button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
