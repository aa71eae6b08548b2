"use client";
// The contributions queue: one form for single and bulk decisions. A row's buttons send
// "accept:<id>:<version>"; the bulk buttons send the ticked rows. Either way the server refuses
// a row whose version moved on since this page was read.
import Link from "next/link";
import { useActionState, useRef } from "react";
import { decideContributionsAction } from "@/lib/review/actions";
import { INITIAL_RESULT } from "@/lib/actions/initial";
import type { ContributionQueueRow } from "@/lib/review/contribution-queue";
import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { formatDate, formatShare, LINK_TYPE_LABEL } from "@/components/ui/format";

type LinkEnd = { id: number; title: string; authors: { user: { handle: string } }[] };

function LinkLine({ end, type, status, arrow }: { end: LinkEnd; type: string; status: string; arrow: string }) {
  return (
    <li className="truncate">
      <span className="text-stone-500">{arrow} {LINK_TYPE_LABEL[type] ?? type}</span>{" "}
      <Link href={`/contributions/${end.id}`} className="text-moss-700 hover:underline">{end.title}</Link>{" "}
      <span className="text-stone-500">{end.authors.map((a) => `@${a.user.handle}`).join(", ")}</span>{" "}
      {status !== "confirmed" && <Badge value={status} />}
    </li>
  );
}

export function ContributionQueue({ rows }: { rows: ContributionQueueRow[] }) {
  const [state, action] = useActionState(decideContributionsAction, INITIAL_RESULT);
  const form = useRef<HTMLFormElement>(null);
  const decidable = rows.filter((r) => r.canDecide);
  const toggleAll = (checked: boolean) => form.current?.querySelectorAll<HTMLInputElement>('input[name="item"]').forEach((box) => (box.checked = checked));
  return (
    <form ref={form} action={action} className="space-y-3">
      <FormMessage ok={state.ok} message={state.message} />
      {decidable.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-stone-600">Ticked:</span>
          <SubmitButton name="decision" value="accept" variant="secondary" pendingLabel="Saving…">Accept ticked</SubmitButton>
          <SubmitButton name="decision" value="reject" variant="danger" pendingLabel="Saving…">Reject ticked</SubmitButton>
        </div>
      )}
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Contributions to review</caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase text-stone-600">
            <tr>
              <th scope="col" className="w-8 px-3 py-2">
                {decidable.length > 0 && <input type="checkbox" aria-label="Tick every contribution on this page" onChange={(e) => toggleAll(e.target.checked)} />}
              </th>
              <th scope="col" className="px-3 py-2">Contribution</th>
              <th scope="col" className="px-3 py-2">Authors</th>
              <th scope="col" className="px-3 py-2">Links</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2 text-right">Decision</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-stone-100 align-top last:border-0" data-testid={`queue-row-${r.id}`}>
                <td className="px-3 py-2">
                  {r.canDecide && <input type="checkbox" name="item" value={`${r.id}:${r.version}`} aria-label={`Tick “${r.title}”`} />}
                </td>
                <td className="px-3 py-2">
                  <Link href={`/contributions/${r.id}`} className="font-medium text-moss-700 hover:underline">{r.title}</Link>
                  <div className="text-xs text-stone-500">
                    {r.kind} · {r.project.name} · happened {formatDate(r.occurredAt)} · logged {formatDate(r.createdAt)}
                    {r.url && <> · <a href={r.url} className="underline" rel="noreferrer nofollow">source</a></>}
                  </div>
                </td>
                <td className="px-3 py-2 text-stone-700">
                  {r.authors.map((a) => `@${a.user.handle}${r.authors.length > 1 ? ` ${formatShare(a.share)}` : ""}`).join(", ")}
                </td>
                <td className="max-w-xs px-3 py-2 text-xs">
                  <p className="text-stone-600">built on by {r._count.linksIn} · builds on {r._count.linksOut}</p>
                  <ul className="space-y-0.5">
                    {r.linksOut.map((l) => <LinkLine key={l.id} end={l.to} type={l.type} status={l.status} arrow="→" />)}
                    {r.linksIn.map((l) => <LinkLine key={l.id} end={l.from} type={l.type} status={l.status} arrow="←" />)}
                  </ul>
                </td>
                <td className="space-y-1 px-3 py-2">
                  <Badge value={r.status} />
                  {r.inRing && (
                    <Link href="/review/rings" className="block text-xs text-orange-900 underline" title="It mints nothing until the ring is cleared, whatever you decide here">in a link ring</Link>
                  )}
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-right">
                  {r.canDecide ? (
                    <div className="flex justify-end gap-1">
                      {r.status !== "accepted" && <SubmitButton name="row" value={`accept:${r.id}:${r.version}`} variant="secondary" aria-label={`Accept “${r.title}”`} pendingLabel="…">Accept</SubmitButton>}
                      {r.status !== "rejected" && <SubmitButton name="row" value={`reject:${r.id}:${r.version}`} variant="danger" aria-label={`Reject “${r.title}”`} pendingLabel="…">Reject</SubmitButton>}
                    </div>
                  ) : (
                    <span className="text-xs text-stone-500">{r.blockedReason ?? "—"}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </form>
  );
}
