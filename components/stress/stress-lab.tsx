"use client";
// The stress lab's form: choose a scenario, set its inputs, run it through the server action, and
// read the report. While a run is in flight a status line says what is running on how many
// contributions and for how long; the previous report stays, dimmed, until the new one arrives.
import { useActionState, useEffect, useState } from "react";
import { runStressAction } from "@/lib/stress/actions";
import { SCENARIOS, scenarioSpecOf, SYBIL_STATUSES, type NumberFieldSpec, type ScenarioKind } from "@/lib/stress/fields";
import type { StressActionResult, StressBaseParams } from "@/lib/stress/types";
import { Field, FormMessage, Input, Select } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";
import { formatInteger, SCENARIO_NOUN } from "./metric-notes";
import { StressReport } from "./stress-report";

const INITIAL: StressActionResult = { ok: false };

export interface StressLabProps {
  scope: { slug: string; name: string };
  /** live contributions of the scope at the run's as-of instant */
  contributions: number;
  isCached: boolean;
  base: StressBaseParams;
}

function currentValue(base: StressBaseParams, name: string): number | undefined {
  if (name === "rho") return base.rho;
  if (name === "d") return base.d;
  const [head, tail] = name.split(".");
  return head === "typeWeights" ? base.typeWeights[tail as keyof StressBaseParams["typeWeights"]] : undefined;
}

function useElapsedSeconds(isRunning: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!isRunning) return;
    setSeconds(0);
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [isRunning]);
  return seconds;
}

export function StressLab(props: StressLabProps) {
  const [state, action, isPending] = useActionState(runStressAction, INITIAL);
  const sent = state.values;
  const [kind, setKind] = useState<ScenarioKind>("sybil_ring");
  const spec = scenarioSpecOf(kind)!;
  const elapsed = useElapsedSeconds(isPending);
  const hasLoaded = props.isCached || state.run !== undefined;
  const err = (name: string) => state.fieldErrors?.[name];
  // React resets a form's fields after its action; remounting them on each result puts back the
  // chosen scenario and the values sent instead of the first render's defaults.
  const [seen, setSeen] = useState(state);
  const [round, setRound] = useState(0);
  if (state !== seen) {
    setSeen(state);
    setRound(round + 1);
  }
  const valueOf = (name: string, fallback: string) => (sent && sent.kind === kind && name in sent ? String(sent[name]) : fallback);

  return (
    <div className="space-y-5">
      <form action={action} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" noValidate aria-label="Stress scenario">
        <input type="hidden" name="project" value={props.scope.slug} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-stone-800">Scenario</legend>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
            {SCENARIOS.map((s) => (
              <label key={`${s.kind}-${round}`}
                className={`flex cursor-pointer gap-2 rounded-md border p-3 text-sm ${s.kind === kind ? "border-moss-600 bg-moss-50" : "border-stone-200 hover:bg-stone-50"}`}>
                <input type="radio" name="kind" value={s.kind} checked={s.kind === kind} onChange={() => setKind(s.kind)} className="mt-0.5 accent-moss-700" />
                <span className="space-y-0.5">
                  <span className="block font-medium text-stone-900">{s.label}</span>
                  <span className="block text-xs text-stone-600">{s.summary}</span>
                </span>
              </label>
            ))}
          </div>
          {err("kind") && <p className="text-sm text-red-700" data-testid="error-kind">{err("kind")}</p>}
        </fieldset>

        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {spec.fields.map((f) => (
            <NumberField key={`${kind}-${f.name}-${round}`} field={f} error={err(f.name)} current={currentValue(props.base, f.name)}
              value={valueOf(f.name, f.defaultValue === undefined ? "" : String(f.defaultValue))} />
          ))}
          {kind === "sybil_ring" && (
            <Field id="stress-status" label="Review status of the sybils' work" error={err("status")} hint="What a maintainer's review made of it: it sets what each contribution mints.">
              <Select id="stress-status" name="status" key={`status-${round}`} defaultValue={valueOf("status", "accepted")} error={err("status")}>
                {SYBIL_STATUSES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
              </Select>
            </Field>
          )}
        </div>

        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingLabel="Running…">Run scenario</SubmitButton>
          <p className="text-xs text-stone-500">Runs on an in-memory copy of {props.scope.name}. Stored contributions, links and metrics are never changed.</p>
        </div>
        {isPending ? (
          <p role="status" className="rounded-md bg-moss-50 px-3 py-2 text-sm text-moss-900" data-testid="stress-running">
            Running {SCENARIO_NOUN[kind]} on {formatInteger(props.contributions)} contributions…
            {!hasLoaded && " Loading the graph first, which takes a few seconds on a large community."}
            <span className="ml-1 tabular-nums text-moss-700">{elapsed} s</span>
          </p>
        ) : (
          !state.ok && <FormMessage ok={false} message={state.message} />
        )}
      </form>
      {state.run && (
        <div aria-busy={isPending} className={isPending ? "opacity-50 transition-opacity" : undefined}>
          <StressReport view={state.run} />
        </div>
      )}
    </div>
  );
}

function NumberField({ field: f, value, error, current }: { field: NumberFieldSpec; value: string; error?: string; current?: number }) {
  const id = `stress-${f.name.replace(".", "-")}`;
  const hint = f.isOptional && current !== undefined ? `${f.hint} Now ${current}; blank keeps it.` : f.hint;
  return (
    <Field id={id} label={f.label} error={error} hint={hint}>
      <Input id={id} name={f.name} type="number" inputMode="decimal" min={f.min} max={f.max} step={f.step} defaultValue={value}
        placeholder={current !== undefined ? String(current) : undefined} error={error} />
    </Field>
  );
}
