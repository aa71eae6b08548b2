"use client";
// Create or edit a campaign. Times are UTC (periods are computed in UTC); the window is
// [start, end): a contributor born exactly at the end is organic.
import { useActionState } from "react";
import { createCampaignAction, updateCampaignAction } from "@/lib/campaigns/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { Field, FormMessage, Input, Select } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";
import { CAMPAIGN_KIND_LABEL } from "./labels";

export interface CampaignFormValues {
  id?: number;
  name: string;
  kind: string;
  /** "ecosystem" or a project id */
  projectId: string;
  /** datetime-local values in UTC, "YYYY-MM-DDTHH:mm" */
  startAt: string;
  endAt: string;
}

export function CampaignForm(props: { initial: CampaignFormValues; projects: { id: number; name: string }[]; canUseEcosystem: boolean }) {
  const isEdit = props.initial.id !== undefined;
  const [state, action] = useActionState(isEdit ? updateCampaignAction : createCampaignAction, INITIAL_RESULT);
  const value = (k: keyof CampaignFormValues) => String((state.values ?? props.initial)[k] ?? "");
  const err = (k: string) => state.fieldErrors?.[k];
  return (
    <form action={action} className="space-y-5" noValidate>
      {isEdit && <input type="hidden" name="id" value={props.initial.id} />}
      <FormMessage ok={state.ok} message={state.message} />
      <Field id="name" label="Name" error={err("name")} hint="3–120 characters, e.g. “Spring labelling bounty”">
        <Input id="name" name="name" defaultValue={value("name")} key={`n${value("name")}`} maxLength={120} error={err("name")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="kind" label="Kind" error={err("kind")}>
          <Select id="kind" name="kind" defaultValue={value("kind")} key={`k${value("kind")}`} error={err("kind")}>
            <option value="">Choose…</option>
            {Object.entries(CAMPAIGN_KIND_LABEL).map(([v, label]) => <option key={v} value={v}>{label}</option>)}
          </Select>
        </Field>
        <Field id="projectId" label="Runs in" error={err("projectId")} hint={props.canUseEcosystem ? undefined : "Maintainers run campaigns in their own projects; ecosystem-wide ones are set by admins."}>
          <Select id="projectId" name="projectId" defaultValue={value("projectId")} key={`p${value("projectId")}`} error={err("projectId")}>
            <option value="">Choose…</option>
            {props.canUseEcosystem && <option value="ecosystem">The whole ecosystem</option>}
            {props.projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
        </Field>
        <Field id="startAt" label="Starts (UTC)" error={err("startAt")}>
          <Input id="startAt" name="startAt" type="datetime-local" defaultValue={value("startAt")} key={`s${value("startAt")}`} error={err("startAt")} />
        </Field>
        <Field id="endAt" label="Ends (UTC, exclusive)" error={err("endAt")} hint="Work at or after this instant is outside the campaign.">
          <Input id="endAt" name="endAt" type="datetime-local" defaultValue={value("endAt")} key={`e${value("endAt")}`} error={err("endAt")} />
        </Field>
      </div>
      <p className="text-xs text-stone-600">
        Saving queues a metrics recompute: newcomers who arrive inside the window count in this campaign&apos;s acquisition segment.
      </p>
      <SubmitButton>{isEdit ? "Save changes" : "Create campaign"}</SubmitButton>
    </form>
  );
}
