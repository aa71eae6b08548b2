"use client";
// Log or edit a contribution. Co-authors are rows of handle + share; the author's own share is
// what remains of 100 %, shown live so nobody has to do the arithmetic.
import { useActionState, useState } from "react";
import { createContributionAction, updateContributionAction } from "@/lib/contributions/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { Field, FormMessage, Input, Select, Textarea } from "@/components/ui/form";
import { Button, SubmitButton } from "@/components/ui/button";
import { CONTRIBUTION_KIND_OPTIONS } from "./options";

export interface ContributionFormValues {
  id?: number;
  version?: number;
  title: string;
  kind: string;
  projectId: string;
  occurredAt: string;
  url: string;
  description: string;
  coAuthors: { handle: string; sharePercent: string }[];
}

const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

export function ContributionForm({ projects, initial, myHandle }: { projects: { id: number; name: string }[]; initial: ContributionFormValues; myHandle: string }) {
  const isEdit = initial.id !== undefined;
  const [state, action] = useActionState(isEdit ? updateContributionAction : createContributionAction, INITIAL_RESULT);
  const sent = state.values;
  const value = (k: keyof ContributionFormValues) => (sent ? String(sent[k] ?? "") : String(initial[k] ?? ""));
  const err = (k: string) => state.fieldErrors?.[k];
  const [rows, setRows] = useState(() => initial.coAuthors);
  // After a refused submit, show the rows as they were sent.
  const [lastSent, setLastSent] = useState<unknown>(null);
  if (sent && sent !== lastSent) {
    setLastSent(sent);
    const handles = asList(sent.coAuthorHandle);
    const shares = asList(sent.coAuthorShare);
    setRows(handles.map((handle, i) => ({ handle, sharePercent: shares[i] ?? "" })));
  }
  const coTotal = rows.reduce((s, r) => s + (Number(r.sharePercent) || 0), 0);
  const mine = Math.round((100 - coTotal) * 100) / 100;

  return (
    <form action={action} className="space-y-5" noValidate>
      {isEdit && <input type="hidden" name="id" value={initial.id} />}
      {isEdit && <input type="hidden" name="version" value={initial.version} />}
      <FormMessage ok={state.ok} message={state.message} />
      <Field id="title" label="Title" error={err("title")}>
        <Input id="title" name="title" defaultValue={value("title")} key={`t${value("title")}`} maxLength={200} error={err("title")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="kind" label="Kind" error={err("kind")}>
          <Select id="kind" name="kind" defaultValue={value("kind")} key={`k${value("kind")}`} error={err("kind")}>
            <option value="">Choose…</option>
            {CONTRIBUTION_KIND_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </Select>
        </Field>
        <Field id="projectId" label="Project" error={err("projectId")}>
          <Select id="projectId" name="projectId" defaultValue={value("projectId")} key={`p${value("projectId")}`} error={err("projectId")}>
            <option value="">Choose…</option>
            {projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
        </Field>
        <Field id="occurredAt" label="When it happened (UTC)" error={err("occurredAt")}>
          <Input id="occurredAt" name="occurredAt" type="date" defaultValue={value("occurredAt")} key={`o${value("occurredAt")}`} error={err("occurredAt")} />
        </Field>
      </div>
      <Field id="url" label="Link to the work (optional)" error={err("url")}>
        <Input id="url" name="url" type="url" placeholder="https://" defaultValue={value("url")} key={`u${value("url")}`} error={err("url")} />
      </Field>
      <Field id="description" label="Description (optional)" error={err("description")}>
        <Textarea id="description" name="description" rows={4} defaultValue={value("description")} key={`d${value("description")}`} error={err("description")} />
      </Field>

      <fieldset className="space-y-2 rounded-lg border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium">Co-authors</legend>
        <p className="text-xs text-stone-600">
          Credit is split by share. Yours is what remains: <strong data-testid="my-share">@{myHandle} {mine} %</strong>
        </p>
        {err("coAuthors") && <p className="text-sm text-red-700" data-testid="error-coAuthors">{err("coAuthors")}</p>}
        {rows.map((row, i) => (
          <div key={i} className="flex flex-wrap items-start gap-2">
            <div className="min-w-40 flex-1">
              <label htmlFor={`coAuthors.${i}.handle`} className="sr-only">Co-author {i + 1} handle</label>
              <Input id={`coAuthors.${i}.handle`} name="coAuthorHandle" placeholder="handle" value={row.handle}
                onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, handle: e.target.value } : r)))} error={err(`coAuthors.${i}.handle`)} />
              {err(`coAuthors.${i}.handle`) && <p id={`coAuthors.${i}.handle-error`} className="text-sm text-red-700">{err(`coAuthors.${i}.handle`)}</p>}
            </div>
            <div className="w-28">
              <label htmlFor={`coAuthors.${i}.sharePercent`} className="sr-only">Co-author {i + 1} share in percent</label>
              <Input id={`coAuthors.${i}.sharePercent`} name="coAuthorShare" inputMode="decimal" placeholder="share %" value={row.sharePercent}
                onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, sharePercent: e.target.value } : r)))} error={err(`coAuthors.${i}.sharePercent`)} />
              {err(`coAuthors.${i}.sharePercent`) && <p id={`coAuthors.${i}.sharePercent-error`} className="text-sm text-red-700">{err(`coAuthors.${i}.sharePercent`)}</p>}
            </div>
            <Button type="button" variant="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={`Remove co-author ${i + 1}`}>Remove</Button>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => setRows([...rows, { handle: "", sharePercent: "" }])}>Add a co-author</Button>
      </fieldset>
      <SubmitButton>{isEdit ? "Save changes" : "Log contribution"}</SubmitButton>
    </form>
  );
}
