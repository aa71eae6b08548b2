import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import type { AuditEventRow } from "@/lib/audit/queries";
import { AuditDiff } from "./audit-diff";

export function AuditEventList({ events }: { events: AuditEventRow[] }) {
  return (
    <ol className="space-y-3" data-testid="audit-events">
      {events.map((e) => (
        <li key={e.id} className="rounded-lg border border-stone-200 bg-white p-3" data-testid={`audit-event-${e.id}`}>
          <div className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
            <time dateTime={e.createdAt.toISOString()} className="text-stone-600">{formatDateTime(e.createdAt)}</time>
            <span>
              {e.actor ? (
                <Link href={`/people/${e.actor.handle}`} className="font-medium text-moss-700 underline">@{e.actor.handle}</Link>
              ) : (
                <span className="italic text-stone-600">system</span>
              )}
            </span>
            <code className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-800" data-testid="audit-action">{e.action}</code>
            <span className="text-stone-700">
              {e.entityHref ? (
                <Link href={e.entityHref} className="text-moss-700 underline">{e.entityType} {e.entityId}</Link>
              ) : (
                <>{e.entityType} {e.entityId}</>
              )}
            </span>
            <Link href={`/admin/audit?entityType=${encodeURIComponent(e.entityType)}&entityId=${encodeURIComponent(e.entityId)}`} className="ml-auto text-xs text-stone-600 underline">
              history of this {e.entityType.replace(/_/g, " ")}
            </Link>
          </div>
          <AuditDiff before={e.before} after={e.after} />
        </li>
      ))}
    </ol>
  );
}
