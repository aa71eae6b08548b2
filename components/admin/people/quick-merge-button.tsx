"use client";
// Beside a likely duplicate: one click (and a confirmation) folds one identity into the other,
// both ids already known. An imported, credential-less identity is claimed by the account.
import { claimIdentityAction, mergeIdentitiesAction } from "@/lib/users/admin-actions";
import { ActionForm } from "./action-form";

interface Side {
  id: number;
  handle: string;
}

export function QuickMergeButton({ source, target, isClaim }: { source: Side; target: Side; isClaim: boolean }) {
  return (
    <ActionForm
      action={isClaim ? claimIdentityAction : mergeIdentitiesAction}
      hidden={isClaim ? { imported: source.id, account: target.id } : { source: source.id, target: target.id }}
      submitLabel={isClaim ? `Attach @${source.handle} to @${target.handle}` : `Merge @${source.handle} into @${target.handle}`}
      pendingLabel="Merging…"
      variant="secondary"
      confirm={`Move @${source.handle}'s authorships to @${target.handle} and deactivate @${source.handle}?`}
      testId={`quick-merge-${source.handle}`}
    />
  );
}
