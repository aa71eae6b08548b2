"use client";
import { undoMergeAction } from "@/lib/users/admin-actions";
import { ActionForm } from "./action-form";

export function UndoMergeButton({ mergeId, source, target }: { mergeId: number; source: string; target: string }) {
  return (
    <ActionForm
      action={undoMergeAction}
      hidden={{ mergeId }}
      submitLabel="Undo"
      pendingLabel="Undoing…"
      variant="secondary"
      confirm={`Give @${source} back their authorships from @${target} and reactivate @${source} as before?`}
      testId={`undo-merge-${mergeId}`}
    />
  );
}
