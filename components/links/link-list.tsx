import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDate, LINK_TYPE_LABEL } from "@/components/ui/format";
import { LinkControls } from "./link-controls";

interface LinkItem {
  id: number;
  type: string;
  status: string;
  note: string;
  createdAt: Date;
  createdBy: { handle: string } | null;
  disputes: { reason: string; raisedBy: { handle: string } }[];
  other: { id: number; title: string; occurredAt: Date; authors: { user: { handle: string } }[] };
  otherVisible: boolean;
  canConfirm?: boolean;
  canDispute?: boolean;
  canRemove?: boolean;
}

export function LinkList({ direction, links }: { direction: "in" | "out"; links: LinkItem[] }) {
  if (links.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-600">
        {direction === "out" ? "No links yet." : "Nobody has linked to this work yet."}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid={`links-${direction}`}>
      {links.map((l) => (
        <li key={l.id} className="space-y-1 p-3" data-testid={`link-${l.id}`}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-stone-500">{direction === "out" ? LINK_TYPE_LABEL[l.type] : `${LINK_TYPE_LABEL[l.type]} this:`}</span>
            {l.otherVisible ? (
              <Link href={`/contributions/${l.other.id}`} className="font-medium text-moss-700 hover:underline">{l.other.title}</Link>
            ) : (
              <span className="italic text-stone-500">a withdrawn contribution</span>
            )}
            <span className="text-stone-500">by {l.other.authors.map((a) => `@${a.user.handle}`).join(", ")} · {formatDate(l.other.occurredAt)}</span>
            <Badge value={l.status} />
          </div>
          {l.note && <p className="text-sm text-stone-700">“{l.note}”</p>}
          {l.disputes[0] && (
            <p className="text-sm text-orange-900">Disputed by @{l.disputes[0].raisedBy.handle}: {l.disputes[0].reason}</p>
          )}
          <LinkControls linkId={l.id} canConfirm={!!l.canConfirm} canDispute={!!l.canDispute} canRemove={!!l.canRemove} />
        </li>
      ))}
    </ul>
  );
}
