"use client";
// A small form around one server action: hidden ids, optional fields, an optional "are you sure"
// step, and the action's answer shown beside it. The admin tools are many such forms.
import { useActionState, useState, type ReactNode } from "react";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import type { ActionResult } from "@/lib/actions/result";
import { Button, SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";

type Action = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

export function ActionForm(props: {
  action: Action;
  hidden: Record<string, string | number>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  /** when set, the first click asks this question and a second click submits */
  confirm?: string;
  /** the form's fields; given the last answer so they can show its field errors */
  fields?: (state: ActionResult) => ReactNode;
  testId?: string;
}) {
  const [state, action] = useActionState(props.action, INITIAL_RESULT);
  const [asking, setAsking] = useState(false);
  const submit = (
    <SubmitButton variant={props.variant ?? "primary"} pendingLabel={props.pendingLabel ?? "Working…"}>
      {props.submitLabel}
    </SubmitButton>
  );
  return (
    <form action={action} className="space-y-2" noValidate data-testid={props.testId} onSubmit={() => setAsking(false)}>
      {Object.entries(props.hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {props.fields?.(state)}
      <div className="flex flex-wrap items-center gap-2">
        {props.confirm && !asking ? (
          <Button type="button" variant={props.variant ?? "primary"} onClick={() => setAsking(true)}>{props.submitLabel}…</Button>
        ) : props.confirm ? (
          <>
            <span className="text-sm text-stone-800">{props.confirm}</span>
            {submit}
            <Button type="button" variant="secondary" onClick={() => setAsking(false)}>Cancel</Button>
          </>
        ) : (
          submit
        )}
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
