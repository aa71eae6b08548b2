"use client";
// Create or edit a project. The slug is what URLs and `--project <slug>` use.
import { useActionState } from "react";
import { createProjectAction, updateProjectAction } from "@/lib/projects/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import { Field, FormMessage, Input, Select, Textarea } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";

export const PROJECT_KIND_OPTIONS = [
  { value: "datanet", label: "Datanet" },
  { value: "model", label: "Model" },
  { value: "agent", label: "Agent" },
  { value: "code", label: "Code" },
  { value: "community", label: "Community" },
];

export interface ProjectFormValues {
  id?: number;
  slug: string;
  name: string;
  kind: string;
  description: string;
}

export function ProjectForm({ initial }: { initial: ProjectFormValues }) {
  const isEdit = initial.id !== undefined;
  const [state, action] = useActionState(isEdit ? updateProjectAction : createProjectAction, INITIAL_RESULT);
  // a refused form keeps what was typed; a saved one shows what was saved
  const value = (k: keyof ProjectFormValues) => String((!state.ok && state.values ? state.values[k] : undefined) ?? initial[k] ?? "");
  const err = (k: string) => state.fieldErrors?.[k];
  const key = state.message ?? "";
  return (
    <form action={action} className="space-y-4" noValidate data-testid="project-form">
      {isEdit && <input type="hidden" name="id" value={initial.id} />}
      <FormMessage ok={state.ok} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label="Name" error={err("name")}>
          <Input id="name" name="name" defaultValue={value("name")} key={`n${key}`} maxLength={120} error={err("name")} />
        </Field>
        <Field id="slug" label="Slug" error={err("slug")} hint="Lower-case letters, digits and -, e.g. ocean-datanet. Used in URLs and imports.">
          <Input id="slug" name="slug" defaultValue={value("slug")} key={`s${key}`} maxLength={63} error={err("slug")} />
        </Field>
      </div>
      <Field id="kind" label="Kind" error={err("kind")}>
        <Select id="kind" name="kind" defaultValue={value("kind")} key={`k${key}`} error={err("kind")}>
          <option value="">Choose…</option>
          {PROJECT_KIND_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </Select>
      </Field>
      <Field id="description" label="Description (optional)" error={err("description")}>
        <Textarea id="description" name="description" rows={3} defaultValue={value("description")} key={`d${key}`} error={err("description")} />
      </Field>
      <SubmitButton>{isEdit ? "Save project" : "Create project"}</SubmitButton>
    </form>
  );
}
