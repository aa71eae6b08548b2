import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { canImport } from "@/lib/permissions";
import { listImportBatches } from "@/lib/import/queries";
import { MAX_UPLOAD_BYTES } from "@/lib/import/upload";
import { ImportUploadForm } from "@/components/admin/imports/import-upload-form";
import { ImportHistory } from "@/components/admin/imports/import-history";
import { FormatSummary } from "@/components/admin/imports/format-summary";

export const metadata: Metadata = { title: "Imports" };

export default async function ImportsPage() {
  const actor = await requirePageActor();
  if (!canImport(actor)) notFound();
  const batches = await listImportBatches(50);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Imports</h1>
        <p className="max-w-3xl text-sm text-stone-600">
          Load contributions or the links between them from a CSV or JSON Lines file. Every row is checked on its own: bad
          rows are reported with their line number and the rest still load. Rows are matched by their source and external
          id, so importing the same file again changes nothing.
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <ImportUploadForm maxBytes={MAX_UPLOAD_BYTES} />
        <FormatSummary />
      </div>
      <ImportHistory batches={batches} />
    </div>
  );
}
