"use client";
import { useActionState, useState } from "react";
import { revokeTokenAction } from "@/lib/tokens/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { Button, SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const [state, action] = useActionState(revokeTokenAction, INITIAL_RESULT);
  const [asking, setAsking] = useState(false);
  if (!asking) return <Button variant="danger" className="py-1" onClick={() => setAsking(true)} aria-label={`Revoke ${name}`}>Revoke…</Button>;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="tokenId" value={id} />
      <span className="text-sm">Requests with it will be refused. Revoke?</span>
      <SubmitButton variant="danger" className="py-1" pendingLabel="Revoking…">Yes, revoke</SubmitButton>
      <Button variant="secondary" className="py-1" onClick={() => setAsking(false)}>Cancel</Button>
      {!state.ok && <FormMessage ok={false} message={state.message} />}
    </form>
  );
}
