"use client";
// Every parameter grouped by the METRICS.md section that defines it: what it controls, its
// default, the value in force, and an input. Values that differ from the default are marked.
import { useActionState } from "react";
import Link from "next/link";
import { saveMetricParamsAction } from "@/lib/params/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { PARAM_SECTIONS } from "@/lib/params/catalogue";
import { getAtPath } from "@/lib/params/paths";
import { definitionHref } from "@/components/charts/definition-anchors";
import { FormMessage } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";

/** Exact, for inputs: a value saved back unchanged must keep the set's hash. */
const exact = (v: unknown) => (typeof v === "number" ? String(v) : "");
/** Readable, for the columns: 1/3 shows as 0.333333. */
const show = (v: unknown) => (typeof v === "number" ? String(Number(v.toPrecision(6))) : "—");

export function ParamsForm(props: { scope: string; current: Record<string, unknown>; defaults: Record<string, unknown> }) {
  const [state, action] = useActionState(saveMetricParamsAction, INITIAL_RESULT);
  const err = (k: string) => state.fieldErrors?.[k];
  const value = (path: string) => (state.values ? String(state.values[path] ?? "") : exact(getAtPath(props.current, path)));
  return (
    <form action={action} className="space-y-6" noValidate data-testid="params-form">
      <input type="hidden" name="scope" value={props.scope} />
      <FormMessage ok={state.ok} message={state.message} />
      {PARAM_SECTIONS.map((section) => (
        <fieldset key={section.id} className="rounded-lg border border-stone-200 bg-white">
          <legend className="ml-3 px-1 text-sm font-semibold">
            {section.title} <Link href={definitionHref(section.anchor)} className="ml-1 text-xs font-normal text-moss-700 underline">definition</Link>
          </legend>
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-stone-600">
              <tr className="border-b border-stone-100">
                <th scope="col" className="px-3 py-2">Parameter</th>
                <th scope="col" className="px-3 py-2 text-right">Default</th>
                <th scope="col" className="px-3 py-2 text-right">In force</th>
                <th scope="col" className="w-40 px-3 py-2">New value</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(section.params).map(([path, doc]) => {
                const current = getAtPath(props.current, path);
                const changed = current !== getAtPath(props.defaults, path);
                const id = `p-${path}`;
                return (
                  <tr key={path} className={`border-b border-stone-100 last:border-0 ${changed ? "bg-amber-50" : ""}`} data-testid={`param-${path}`}>
                    <td className="px-3 py-2">
                      <label htmlFor={id} className="font-medium text-stone-900">{doc.label}</label>
                      <p className="text-xs text-stone-600">{doc.help} <code className="text-stone-500">{path}</code></p>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums text-stone-600">{show(getAtPath(props.defaults, path))}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {show(current)}
                      {changed && <span className="ml-1 rounded bg-amber-200 px-1 text-xs text-amber-900">changed</span>}
                    </td>
                    <td className="px-3 py-2">
                      <input
                        id={id} name={path} inputMode="decimal" defaultValue={value(path)} key={`${path}${value(path)}`}
                        aria-invalid={err(path) ? true : undefined} aria-describedby={err(path) ? `${id}-error` : undefined}
                        className="w-full rounded-md border border-stone-300 px-2 py-1 text-right text-sm tabular-nums aria-[invalid=true]:border-red-600"
                      />
                      {err(path) && <p id={`${id}-error`} className="mt-1 text-xs text-red-700" data-testid={`error-${path}`}>{err(path)}</p>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      ))}
      <div className="flex items-center gap-3">
        <SubmitButton>Save parameters</SubmitButton>
        <span className="text-xs text-stone-600">Saving records the change in the audit log and queues a recompute of every metric.</span>
      </div>
    </form>
  );
}
