import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import { canViewAuditLog } from "@/lib/permissions";
import { listAuditEvents, type AuditPage } from "@/lib/audit/queries";
import { parseAuditQuery } from "@/lib/validation/audit";
import { AuditFilters } from "@/components/admin/audit/audit-filters";
import { AuditEventList } from "@/components/admin/audit/audit-event-list";
import { AuditPager } from "@/components/admin/audit/audit-pager";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole("admin");
  if (!canViewAuditLog(actor)) notFound();
  const parsed = parseAuditQuery(await searchParams);
  const invalid = Object.keys(parsed.fieldErrors).length > 0;
  // A refused filter is not silently dropped: nothing is listed until it is fixed.
  const page: AuditPage | null = invalid ? null : await listAuditEvents(parsed.filter);
  const query = new URLSearchParams(Object.entries(parsed.values).filter(([k]) => k !== "before" && k !== "after") as [string, string][]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Audit log</h1>
        <p className="text-sm text-stone-600">Every write, newest first, with the record before and after it.</p>
      </div>
      <AuditFilters values={parsed.values} errors={parsed.fieldErrors} />
      {invalid ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="filter-error">Please correct the highlighted filters.</p>
      ) : page!.unknownActor ? (
        <p className="rounded-md border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-600">Nobody has the handle @{parsed.filter.actor}.</p>
      ) : page!.events.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-600">No events match these filters.</p>
      ) : (
        <>
          <AuditEventList events={page!.events} />
          <AuditPager query={query} newerCursor={page!.newerCursor} olderCursor={page!.olderCursor} />
        </>
      )}
    </div>
  );
}
