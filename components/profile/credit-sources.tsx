// Flow decomposition: whose work and which links carried this contributor's credit (the largest
// sources per period, summed over the whole history; see run-contributors.ts).
import Link from "next/link";
import type { SourcesView } from "@/lib/analytics/profile";
import { formatValue } from "@/components/charts/format";

const TYPE: Record<string, string> = { builds_on: "builds on", cites: "cites", reviews: "reviews", fixes: "fixes" };

export function CreditSources({ sources }: { sources: SourcesView }) {
  return (
    <section aria-labelledby="sources" className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <div className="space-y-2">
        <h2 id="sources" className="text-base font-semibold">Whose work carried the credit</h2>
        <p className="text-sm text-stone-600">Credit that reached this work through links (beyond what the work minted itself) came from contributions by these people building on it, directly or through a chain; links between one's own contributions count too.</p>
        {sources.sources.length === 0 ? <p className="text-sm text-stone-600">No sources yet.</p> : (
          <table className="min-w-full rounded-lg border border-stone-200 bg-white text-sm" data-testid="credit-sources">
            <thead className="bg-stone-50 text-left text-xs text-stone-600"><tr><th scope="col" className="px-3 py-2">Source</th><th scope="col" className="px-3 py-2 text-right">Credit</th></tr></thead>
            <tbody className="divide-y divide-stone-100">
              {sources.sources.map((s) => (
                <tr key={s.userId}><td className="px-3 py-1.5"><Link href={`/people/${s.handle}`} className="text-moss-700 hover:underline">@{s.handle}</Link></td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatValue(s.credit, "number")}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="space-y-2">
        <h2 className="text-base font-semibold">Which links carried it</h2>
        <p className="text-sm text-stone-600">The links along which the most credit flowed into this work.</p>
        {sources.links.length === 0 ? <p className="text-sm text-stone-600">No credit came through links yet.</p> : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid="credit-links">
            {sources.links.map((l) => (
              <li key={l.linkId} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2">
                <span className="min-w-0">
                  <Link href={`/contributions/${l.fromId}`} className="text-moss-700 hover:underline">{l.fromTitle}</Link>{" "}
                  <span className="text-stone-500">{TYPE[l.type] ?? l.type}</span>{" "}
                  <Link href={`/contributions/${l.toId}`} className="text-moss-700 hover:underline">{l.toTitle}</Link>
                </span>
                <span className="tabular-nums text-stone-700">{formatValue(l.credit, "number")}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
