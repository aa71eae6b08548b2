"use client";
import { useActionState, useState } from "react";
import { withdrawContributionAction } from "@/lib/contributions/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { Button, SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";

export function WithdrawButton({ id }: { id: number }) {
  const [state, action] = useActionState(withdrawContributionAction, INITIAL_RESULT);
  const [asking, setAsking] = useState(false);
  if (!asking) return <Button variant="danger" onClick={() => setAsking(true)}>Withdraw…</Button>;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <span className="text-sm">It stays in the history but stops counting. Withdraw?</span>
      <SubmitButton variant="danger" pendingLabel="Withdrawing…">Yes, withdraw</SubmitButton>
      <Button variant="secondary" onClick={() => setAsking(false)}>Cancel</Button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
