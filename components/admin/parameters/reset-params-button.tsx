"use client";
import { useActionState, useState } from "react";
import { resetMetricParamsAction } from "@/lib/params/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { Button, SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";

export function ResetParamsButton({ scope, isProject }: { scope: string; isProject: boolean }) {
  const [state, action] = useActionState(resetMetricParamsAction, INITIAL_RESULT);
  const [asking, setAsking] = useState(false);
  const what = isProject ? "Remove this project's own parameters so it follows the ecosystem's" : "Put every ecosystem parameter back to the METRICS.md default";
  return (
    <div className="space-y-2">
      {!asking ? (
        <Button variant="danger" onClick={() => setAsking(true)}>{isProject ? "Follow the ecosystem again…" : "Reset to defaults…"}</Button>
      ) : (
        <form action={action} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="scope" value={scope} />
          <span className="text-sm">{what}? A recompute is queued.</span>
          <SubmitButton variant="danger" pendingLabel="Resetting…">Yes, reset</SubmitButton>
          <Button variant="secondary" onClick={() => setAsking(false)}>Cancel</Button>
        </form>
      )}
      <FormMessage ok={state.ok} message={state.message} />
    </div>
  );
}
