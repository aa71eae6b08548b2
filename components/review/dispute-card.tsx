// One dispute: what is disputed (the link and both contributions, or the contribution whose
// authorship is), the reason and who raised it, and the resolution form or the decision taken.
import Link from "next/link";
import type { DisputeQueueRow } from "@/lib/review/dispute-queue";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatDateTime, LINK_TYPE_LABEL } from "@/components/ui/format";
import { DisputeResolveForm } from "./dispute-resolve-form";

type End = NonNullable<DisputeQueueRow["contribution"]>;

function Work({ end, label }: { end: End; label: string }) {
  return (
    <div className="min-w-0 flex-1 rounded-md border border-stone-200 p-2">
      <p className="text-xs uppercase text-stone-500">{label}</p>
      <Link href={`/contributions/${end.id}`} className="font-medium text-moss-700 hover:underline">{end.title}</Link>
      <p className="text-xs text-stone-500">
        {end.authors.map((a) => `@${a.user.handle}`).join(", ")} · {end.kind} · {end.project.name} · {formatDate(end.occurredAt)} · <Badge value={end.status} />
      </p>
    </div>
  );
}

export function DisputeCard({ d }: { d: DisputeQueueRow }) {
  return (
    <article className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid={`dispute-${d.id}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-medium">
          {d.subject === "link" ? "Link dispute" : "Authorship dispute"} <span className="text-stone-500">#{d.id}</span>
        </h2>
        <span className="text-xs text-stone-500">raised by @{d.raisedBy.handle} ({d.raisedBy.name}) on {formatDateTime(d.createdAt)}</span>
      </header>
      {d.link ? (
        <div className="space-y-1">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <Work end={d.link.from} label="newer work" />
            <span className="text-center text-sm text-stone-600">{LINK_TYPE_LABEL[d.link.type] ?? d.link.type} → <Badge value={d.link.status} /></span>
            <Work end={d.link.to} label="the work it points to" />
          </div>
          {d.link.note && <p className="text-xs text-stone-600">Link note: “{d.link.note}”</p>}
        </div>
      ) : d.contribution ? (
        <Work end={d.contribution} label="contribution" />
      ) : null}
      <blockquote className="rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-950">“{d.reason}”</blockquote>
      {d.resolution !== "open" ? (
        <p className="text-sm text-stone-700">
          <Badge value={d.resolution === "upheld" ? "disputed" : "confirmed"} label={d.resolution} /> by @{d.resolvedBy?.handle ?? "—"}
          {d.resolvedAt && ` on ${formatDateTime(d.resolvedAt)}`}: “{d.resolutionNote}”
        </p>
      ) : d.canResolve ? (
        <DisputeResolveForm disputeId={d.id} isLink={d.link !== null} linkType={d.link?.type} restores={d.restores} />
      ) : (
        <p className="text-sm text-stone-600">{d.isRaiser ? "You raised this dispute: another maintainer or an admin resolves it." : "You cannot resolve this dispute."}</p>
      )}
    </article>
  );
}
