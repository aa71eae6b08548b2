"use client";
// Add a maintainer by handle (a contributor needs the "promote" box ticked: the role change is
// said out loud), or remove one (their role stays).
import { addMaintainerAction, removeMaintainerAction } from "@/lib/projects/actions";
import { Field, Input } from "@/components/ui/form";
import { ActionForm } from "@/components/admin/people/action-form";

export function AddMaintainerForm({ projectId }: { projectId: number }) {
  return (
    <ActionForm
      action={addMaintainerAction}
      hidden={{ projectId }}
      submitLabel="Add maintainer"
      pendingLabel="Adding…"
      testId="add-maintainer-form"
      fields={(state) => (
        <>
          <Field id="maintainer-handle" label="Handle" error={state.fieldErrors?.handle} hint="Maintainers and admins can be added; a contributor must be promoted.">
            <Input id="maintainer-handle" name="handle" placeholder="@handle" autoComplete="off"
              defaultValue={String(state.ok ? "" : (state.values?.handle ?? ""))} key={`h-${state.message ?? ""}`} error={state.fieldErrors?.handle} />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="promote" defaultChecked={!state.ok && state.values?.promote === "on"} key={`p-${state.message ?? ""}`} />
            Promote to maintainer if they are a contributor (ends their sessions)
          </label>
        </>
      )}
    />
  );
}

export function RemoveMaintainerButton({ projectId, userId, handle }: { projectId: number; userId: number; handle: string }) {
  return (
    <ActionForm
      action={removeMaintainerAction}
      hidden={{ projectId, userId }}
      submitLabel="Remove"
      pendingLabel="Removing…"
      variant="secondary"
      confirm={`Remove @${handle} as maintainer?`}
      testId={`remove-maintainer-${handle}`}
    />
  );
}
