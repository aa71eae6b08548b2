// Downloads of personal data are recorded: who exported which dataset, filters and format, from
// which run, and whether identities were pseudonymized (audit log: action "export.download").
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import type { ExportMetadata } from "./metadata";

export async function auditExportDownload(actor: Actor, filename: string, m: ExportMetadata): Promise<void> {
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.id, action: "export.download", entityType: "metric_run", entityId: m.run_id,
      after: { filename, dataset: m.dataset, format: m.format, filters: m.filters, pseudonymized: m.pseudonymized },
    }),
  );
}
