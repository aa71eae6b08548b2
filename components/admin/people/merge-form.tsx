"use client";
// Merge this identity into another (this one is the duplicate), or another into this one (this
// one stays). The typed side is a handle; the page's own person travels as an id.
import { mergeIdentitiesAction } from "@/lib/users/admin-actions";
import { Field, Input } from "@/components/ui/form";
import { ActionForm } from "./action-form";

export function MergeForm({ userId, handle, direction }: { userId: number; handle: string; direction: "into-other" | "other-into-this" }) {
  const typed = direction === "into-other" ? "target" : "source";
  const hidden: Record<string, number> = direction === "into-other" ? { source: userId } : { target: userId };
  const label = direction === "into-other"
    ? `Merge @${handle} into another identity: the handle of the one that stays`
    : `Merge another identity into @${handle}: the handle of the duplicate`;
  return (
    <ActionForm
      action={mergeIdentitiesAction}
      hidden={hidden}
      submitLabel="Merge"
      pendingLabel="Merging…"
      confirm={direction === "into-other"
        ? `Move all of @${handle}'s authorships and deactivate @${handle}? You can undo it below.`
        : `Move the other identity's authorships to @${handle} and deactivate it? You can undo it below.`}
      testId={`merge-form-${direction}`}
      fields={(state) => (
        <Field id={`merge-${typed}`} label={label} error={state.fieldErrors?.[typed]}>
          <Input id={`merge-${typed}`} name={typed} placeholder="@handle" autoComplete="off"
            defaultValue={String(state.ok ? "" : (state.values?.[typed] ?? ""))} key={`${typed}-${state.message ?? ""}`} error={state.fieldErrors?.[typed]} />
        </Field>
      )}
    />
  );
}
