// One link ring: who is in it, how closed it is (the measures detection checks), their stored
// credit, its contributions with their review decisions, and the decision form.
import Link from "next/link";
import type { RingView } from "@/lib/review/ring-queue";
import { Badge } from "@/components/ui/badge";
import { RingDecisionForm } from "./ring-decision-form";

const STATE_LABEL = { pending: "undecided: quarantined by detection", cleared: "cleared", confirmed: "confirmed as gaming", mixed: "partly cleared, partly confirmed" } as const;
const pct = (x: number) => `${Math.round(x * 100)} %`;
const credit = (x: number | null) => (x === null ? "—" : x.toFixed(3));

export function RingCard({ ring }: { ring: RingView }) {
  return (
    <article className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid={`ring-${ring.key}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-medium">Ring of {ring.members.length}: {ring.memberViews.map((m) => `@${m.handle}`).join(", ")}</h2>
        <Badge value={ring.state === "pending" ? "quarantined" : ring.state === "cleared" ? "confirmed" : "disputed"} label={STATE_LABEL[ring.state]} />
      </header>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div><dt className="text-xs text-stone-500">internal share</dt><dd className="tabular-nums">{pct(ring.internalShare)}</dd></div>
        <div><dt className="text-xs text-stone-500">reciprocity</dt><dd className="tabular-nums">{pct(ring.reciprocity)} ({ring.reciprocalPairs}/{ring.directedPairs} pairs)</dd></div>
        <div><dt className="text-xs text-stone-500">internal links</dt><dd className="tabular-nums">{ring.internalLinks}</dd></div>
        <div><dt className="text-xs text-stone-500">contributions</dt><dd className="tabular-nums">{ring.contributionIds.length}</dd></div>
      </dl>
      <table className="w-full text-left text-sm">
        <caption className="text-left text-xs text-stone-500">Members&apos; stored attribution ({ring.attributionScope === "all" ? "whole ecosystem" : "this project"}, newest run)</caption>
        <thead className="text-xs text-stone-500"><tr><th scope="col" className="py-1">member</th><th scope="col" className="py-1 text-right">attribution</th></tr></thead>
        <tbody>
          {ring.memberViews.map((m) => (
            <tr key={m.id} className="border-t border-stone-100">
              <td className="py-1"><Link href={`/people/${m.handle}`} className="text-moss-700 hover:underline">@{m.handle}</Link> <span className="text-stone-500">{m.name}</span></td>
              <td className="py-1 text-right tabular-nums" data-testid={`ring-attribution-${m.handle}`}>{credit(m.attribution)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary className="cursor-pointer text-sm text-moss-700">Its {ring.contributions.length} contributions</summary>
        <ul className="mt-2 space-y-1 text-sm">
          {ring.contributions.map((c) => (
            <li key={c.id} className="flex flex-wrap items-baseline gap-2">
              <Link href={`/contributions/${c.id}`} className="text-moss-700 hover:underline">{c.title}</Link>
              <span className="text-xs text-stone-500">{c.project}</span>
              <Badge value={c.withdrawn ? "withdrawn" : c.status} />
              {c.decision && <Badge value={c.decision === "cleared" ? "confirmed" : "disputed"} label={c.decision} />}
              {!c.decidable && !c.withdrawn && <span className="text-xs text-stone-500">not yours to decide</span>}
            </li>
          ))}
        </ul>
      </details>
      {ring.isMember ? (
        <p className="text-sm text-stone-600">You are a member of this ring: another maintainer or an admin decides it.</p>
      ) : ring.canDecide ? (
        <RingDecisionForm ringKey={ring.key} state={ring.state} />
      ) : (
        <p className="text-sm text-stone-600">None of these contributions is in a project you maintain.</p>
      )}
    </article>
  );
}
