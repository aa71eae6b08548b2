"use client";
import { mergeIdentitiesAction } from "@/lib/users/admin-actions";
import { ActionForm } from "./action-form";

/** "Merge @dup into @this" beside a likely duplicate, with both ids already known. */
export function QuickMergeButton({ sourceId, source, targetId, target }: { sourceId: number; source: string; targetId: number; target: string }) {
  return (
    <ActionForm
      action={mergeIdentitiesAction}
      hidden={{ source: sourceId, target: targetId }}
      submitLabel={`Merge into @${target}`}
      pendingLabel="Merging…"
      variant="secondary"
      confirm={`Move @${source}'s authorships to @${target} and deactivate @${source}?`}
      testId={`quick-merge-${source}`}
    />
  );
}
