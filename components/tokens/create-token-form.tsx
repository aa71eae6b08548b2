"use client";
// Create a token: a name and its scopes. The token comes back once, in the action's response, and
// is shown until the page is left; only its hash is stored.
import { useActionState, useState } from "react";
import { createTokenAction, type CreateTokenResult } from "@/lib/tokens/actions";
import { Field, FormMessage, Input } from "@/components/ui/form";
import { Button, SubmitButton } from "@/components/ui/button";

export interface ScopeOption {
  scope: string;
  description: string;
  /** why the owner's role cannot grant it, when it cannot */
  unavailable?: string;
}

const INITIAL: CreateTokenResult = { ok: false };

export function CreateTokenForm({ scopes }: { scopes: ScopeOption[] }) {
  const [state, action] = useActionState(createTokenAction, INITIAL);
  const [copied, setCopied] = useState(false);
  const sent = state.values;
  const sentScopes = sent ? (Array.isArray(sent.scopes) ? sent.scopes.map(String) : sent.scopes ? [String(sent.scopes)] : []) : ["read"];
  return (
    <div className="space-y-4">
      {state.ok && state.token && (
        <div className="space-y-2 rounded-lg border border-moss-600 bg-moss-50 p-4" data-testid="new-token">
          <p className="text-sm font-medium text-moss-900">Copy your new token now: it is shown only this once.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 font-mono text-sm text-stone-900" data-testid="new-token-value">{state.token}</code>
            <Button
              type="button"
              variant="secondary"
              onClick={() => navigator.clipboard?.writeText(state.token!).then(() => setCopied(true), () => setCopied(false))}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="text-xs text-stone-600">Send it as <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/v1</code>.</p>
        </div>
      )}
      <form action={action} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" key={state.ok ? state.token : "form"}>
        <h2 className="text-base font-semibold">New token</h2>
        <Field id="token-name" label="Name" error={state.fieldErrors?.name} hint="What uses it, e.g. “CI importer”">
          <Input id="token-name" name="name" maxLength={80} required defaultValue={state.ok ? "" : String(sent?.name ?? "")} error={state.fieldErrors?.name} />
        </Field>
        <fieldset className="space-y-2" aria-describedby={state.fieldErrors?.scopes ? "token-scopes-error" : undefined}>
          <legend className="text-sm font-medium text-stone-800">Scopes</legend>
          {scopes.map((s) => (
            <label key={s.scope} className={`flex items-start gap-2 text-sm ${s.unavailable ? "text-stone-400" : ""}`}>
              <input
                type="checkbox" name="scopes" value={s.scope} className="mt-1"
                defaultChecked={!s.unavailable && sentScopes.includes(s.scope)} disabled={Boolean(s.unavailable)}
              />
              <span>
                <code className="font-mono">{s.scope}</code>: {s.description}
                {s.unavailable && <span className="block text-xs">{s.unavailable}</span>}
              </span>
            </label>
          ))}
          {state.fieldErrors?.scopes && <p id="token-scopes-error" className="text-sm text-red-700" data-testid="error-token-scopes">{state.fieldErrors.scopes}</p>}
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
          {!state.ok && <FormMessage ok={false} message={state.fieldErrors ? undefined : state.message} />}
        </div>
      </form>
    </div>
  );
}
