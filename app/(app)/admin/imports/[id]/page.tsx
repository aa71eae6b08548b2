import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { canImport } from "@/lib/permissions";
import { getImportBatch } from "@/lib/import/queries";
import { idSchema } from "@/lib/validation/common";
import { ImportStatusPanel } from "@/components/admin/imports/import-status-panel";
import { ImportErrorReport } from "@/components/admin/imports/import-error-report";
import { AutoRefresh } from "@/components/admin/imports/auto-refresh";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  if (!canImport(actor)) notFound();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const batch = await getImportBatch(id.data);
  if (!batch) notFound();
  const isActive = batch.status === "queued" || batch.status === "running";
  return (
    <div className="space-y-5">
      <p className="text-sm">
        <Link href="/admin/imports" className="text-moss-700 underline">All imports</Link>
      </p>
      <ImportStatusPanel batch={batch} />
      {isActive && <AutoRefresh intervalMs={1000} />}
      {!isActive && <ImportErrorReport errors={batch.errors} errorRows={batch.errorRows} />}
    </div>
  );
}
