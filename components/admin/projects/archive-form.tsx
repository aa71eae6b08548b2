"use client";
import { setArchivedAction } from "@/lib/projects/actions";
import { ActionForm } from "@/components/admin/people/action-form";

export function ArchiveForm({ projectId, name, isArchived }: { projectId: number; name: string; isArchived: boolean }) {
  return isArchived ? (
    <ActionForm action={setArchivedAction} hidden={{ projectId, archive: 0 }} submitLabel="Unarchive" pendingLabel="Unarchiving…" variant="secondary" testId="unarchive-form" />
  ) : (
    <ActionForm
      action={setArchivedAction}
      hidden={{ projectId, archive: 1 }}
      submitLabel="Archive"
      pendingLabel="Archiving…"
      variant="danger"
      confirm={`Stop ${name} taking new contributions? Its history and metrics stay.`}
      testId="archive-form"
    />
  );
}
