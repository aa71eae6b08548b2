import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { listLinksAwaitingMe, listMyOpenDisputes } from "@/lib/links/queries";
import { formatDate, LINK_TYPE_LABEL } from "@/components/ui/format";
import { LinkControls } from "@/components/links/link-controls";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const actor = await requirePageActor();
  const [awaiting, disputes] = await Promise.all([listLinksAwaitingMe(actor), listMyOpenDisputes(actor)]);
  const handles = (c: { authors: { user: { handle: string } }[] }) => c.authors.map((a) => `@${a.user.handle}`).join(", ");
  return (
    <div className="space-y-8">
      <section aria-labelledby="awaiting" className="space-y-3">
        <h1 id="awaiting" className="text-xl font-semibold">Links awaiting your word</h1>
        <p className="text-sm text-stone-600">
          Others say their work builds on yours. Confirm what is true: a confirmed link carries full credit, an unconfirmed one half.
          Dispute what is not: no credit flows along it until a maintainer resolves it.
        </p>
        {awaiting.length === 0 ? (
          <p className="rounded-md border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-600">Nothing is waiting for you.</p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="awaiting-list">
            {awaiting.map((l) => (
              <li key={l.id} className="space-y-1 p-3" data-testid={`awaiting-${l.id}`}>
                <p className="text-sm">
                  <Link href={`/contributions/${l.from.id}`} className="font-medium text-moss-700 hover:underline">{l.from.title}</Link>{" "}
                  <span className="text-stone-500">by {handles(l.from)}</span> {LINK_TYPE_LABEL[l.type]}{" "}
                  <Link href={`/contributions/${l.to.id}`} className="font-medium text-moss-700 hover:underline">{l.to.title}</Link>
                  <span className="text-stone-500"> · {formatDate(l.createdAt)}</span>
                </p>
                {l.note && <p className="text-sm text-stone-700">“{l.note}”</p>}
                <LinkControls linkId={l.id} canConfirm canDispute canRemove={false} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="disputes" className="space-y-3">
        <h2 id="disputes" className="text-lg font-semibold">Open disputes you are part of</h2>
        {disputes.length === 0 ? (
          <p className="rounded-md border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-600">No open disputes.</p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {disputes.map((d) => (
              <li key={d.id} className="p-3 text-sm">
                {d.link && (
                  <p>
                    <Link href={`/contributions/${d.link.from.id}`} className="text-moss-700 hover:underline">{d.link.from.title}</Link>{" "}
                    {LINK_TYPE_LABEL[d.link.type]}{" "}
                    <Link href={`/contributions/${d.link.to.id}`} className="text-moss-700 hover:underline">{d.link.to.title}</Link>
                  </p>
                )}
                <p className="text-orange-900">
                  {d.raisedById === actor.id ? "You disputed it" : `@${d.raisedBy.handle} disputed your link`} on {formatDate(d.createdAt)}: {d.reason}
                </p>
                <p className="text-xs text-stone-500">Waiting for a maintainer of the project.</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
