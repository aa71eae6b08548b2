import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import { canEditMetricParams } from "@/lib/permissions";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { getParamsView, listParamScopes } from "@/lib/params/queries";
import { paramScopeSchema } from "@/lib/params/scope";
import { ParamsForm } from "@/components/admin/parameters/params-form";
import { ResetParamsButton } from "@/components/admin/parameters/reset-params-button";
import { ApplyStatusPanel } from "@/components/admin/parameters/apply-status-panel";
import { ScopePicker } from "@/components/admin/parameters/scope-picker";

export const metadata: Metadata = { title: "Metric parameters" };

const SAVED: Record<string, string> = {
  updated: "Parameters saved and recorded in the audit log. A recompute is queued.",
  reset: "Parameters reset and recorded in the audit log. A recompute is queued.",
};

export default async function ParametersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole("admin");
  if (!canEditMetricParams(actor)) notFound();
  const raw = await searchParams;
  const scope = paramScopeSchema.safeParse(raw.scope);
  if (!scope.success) notFound();
  const [view, projects] = await Promise.all([getParamsView(scope.data), listParamScopes()]);
  if (!view) notFound();
  const scopeValue = view.projectId === null ? "ecosystem" : String(view.projectId);
  const saved = typeof raw.saved === "string" ? SAVED[raw.saved] : undefined;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Metric parameters · {view.projectName ?? "Ecosystem default"}</h1>
          <p className="max-w-3xl text-sm text-stone-600">
            The tunables of the <Link href="/definitions" className="text-moss-700 underline">metric definitions</Link> (version 1).
            {view.projectId === null
              ? " The ecosystem set applies to the whole ecosystem and to every project without a set of its own."
              : " A project's own set is stored whole: later changes to the ecosystem set do not reach it until it is reset."}
          </p>
        </div>
        <ScopePicker scope={scopeValue} projects={projects} />
      </div>
      {saved && <p role="status" data-testid="saved-message" className="rounded-md bg-moss-50 px-3 py-2 text-sm text-moss-900">{saved}</p>}
      {view.savedInvalid && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          The stored set for this scope no longer passes validation (the recompute will refuse it). Save valid values below to replace it.
        </p>
      )}
      <ApplyStatusPanel view={view} />
      {view.projectId !== null && view.source !== "own" && (
        <p className="text-sm text-stone-700">This project follows the {view.source === "ecosystem" ? "ecosystem's parameters" : "METRICS.md defaults"}. Saving below gives it a set of its own.</p>
      )}
      {/* keyed by the hash in force, so a saved change remounts the form with the new values */}
      <ParamsForm key={`${scopeValue}-${view.effectiveHash}`} scope={scopeValue} current={view.effective} defaults={DEFAULT_PARAMS} />
      {(view.projectId === null || view.source === "own") && <ResetParamsButton scope={scopeValue} isProject={view.projectId !== null} />}
    </div>
  );
}
