"use client";
import { deactivateUserAction, reactivateUserAction } from "@/lib/users/admin-actions";
import { ActionForm } from "./action-form";

export function ActivationForm({ userId, handle, isActive }: { userId: number; handle: string; isActive: boolean }) {
  return isActive ? (
    <ActionForm
      action={deactivateUserAction}
      hidden={{ userId }}
      submitLabel="Deactivate"
      pendingLabel="Deactivating…"
      variant="danger"
      confirm={`Sign @${handle} out and stop them signing in? Their contributions stay.`}
      testId="deactivate-form"
    />
  ) : (
    <ActionForm action={reactivateUserAction} hidden={{ userId }} submitLabel="Reactivate" pendingLabel="Reactivating…" variant="secondary" testId="reactivate-form" />
  );
}
