"use client";
// Search earlier work by title words or #id, pick one, say how this work relates to it.
// Only work that is earlier in time is offered, so a forward link cannot even be chosen.
import { useActionState, useEffect, useState, useTransition } from "react";
import { searchLinkTargetsAction, type LinkTargetOption } from "@/lib/contributions/actions";
import { createLinkAction } from "@/lib/links/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { Field, FormMessage, Input, Select } from "@/components/ui/form";
import { Button, SubmitButton } from "@/components/ui/button";
import { formatDate } from "@/components/ui/format";
import { LINK_TYPE_OPTIONS } from "@/components/contributions/options";

export function LinkPicker({ fromId }: { fromId: number }) {
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<LinkTargetOption[]>([]);
  const [chosen, setChosen] = useState<LinkTargetOption | null>(null);
  const [searching, startSearch] = useTransition();
  const [state, action] = useActionState(createLinkAction, INITIAL_RESULT);

  useEffect(() => {
    if (chosen) return;
    const timer = setTimeout(() => startSearch(async () => setOptions(await searchLinkTargetsAction(fromId, q))), 200);
    return () => clearTimeout(timer);
  }, [q, fromId, chosen]);

  useEffect(() => {
    if (state.ok) {
      setChosen(null);
      setQ("");
    }
  }, [state]);

  return (
    <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid="link-picker">
      <h3 className="text-sm font-semibold">Link to earlier work</h3>
      <FormMessage ok={state.ok} message={state.message} />
      {!chosen ? (
        <div className="space-y-2">
          <Field id="link-search" label="Find the work this builds on" hint="Title words, or #id. Only work from before this contribution is listed.">
            <Input id="link-search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. reef survey" autoComplete="off" aria-controls="link-options" />
          </Field>
          <ul id="link-options" className="max-h-72 divide-y divide-stone-100 overflow-y-auto rounded-md border border-stone-200" aria-busy={searching} aria-label="Matching earlier work">
            {options.length === 0 && <li className="p-3 text-sm text-stone-500">{searching ? "Searching…" : "No earlier work matches."}</li>}
            {options.map((o) => (
              <li key={o.id}>
                <button type="button" onClick={() => setChosen(o)} className="w-full p-2 text-left text-sm hover:bg-moss-50 focus:bg-moss-50" data-testid={`pick-${o.id}`}>
                  <span className="font-medium">{o.title}</span>
                  <span className="block text-xs text-stone-500">#{o.id} · {o.kind} · {o.project} · {formatDate(o.occurredAt)} · {o.authors.map((a) => `@${a}`).join(", ")}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <form action={action} className="space-y-3" noValidate>
          <input type="hidden" name="fromId" value={fromId} />
          <input type="hidden" name="toId" value={chosen.id} />
          <p className="text-sm">
            Linking to <strong>{chosen.title}</strong> <span className="text-stone-500">#{chosen.id} by {chosen.authors.map((a) => `@${a}`).join(", ")}</span>{" "}
            <button type="button" className="text-moss-700 underline" onClick={() => setChosen(null)}>choose another</button>
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="link-type" label="This contribution…" error={state.fieldErrors?.type}>
              <Select id="link-type" name="type" defaultValue="builds_on" error={state.fieldErrors?.type}>
                {LINK_TYPE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}: {o.hint}</option>)}
              </Select>
            </Field>
            <Field id="link-note" label="Note (optional)" error={state.fieldErrors?.note}>
              <Input id="link-note" name="note" maxLength={500} error={state.fieldErrors?.note} />
            </Field>
          </div>
          <div className="flex gap-2">
            <SubmitButton pendingLabel="Linking…">Add link</SubmitButton>
            <Button variant="secondary" onClick={() => setChosen(null)}>Cancel</Button>
          </div>
        </form>
      )}
    </div>
  );
}
