// Top contributors with their credit and position, one row each; handles link to their profiles.
import Link from "next/link";
import type { ContributorSummaryView } from "@/lib/analytics/results";
import { formatValue } from "@/components/charts/format";

export type ContributorColumn = "contributions" | "attribution" | "attributionShare" | "contributionShare" | "premium" | "visibility" | "visibilityShare" | "betweenness" | "passThrough" | "pagerank";

const COLUMNS: Record<ContributorColumn, { label: string; format: "integer" | "number" | "percent" | "points" }> = {
  contributions: { label: "Contributions", format: "integer" },
  attribution: { label: "Attribution (minted units)", format: "number" },
  attributionShare: { label: "Attribution share", format: "percent" },
  contributionShare: { label: "Contribution share", format: "percent" },
  premium: { label: "Structural premium", format: "points" },
  visibility: { label: "Visibility now", format: "number" },
  visibilityShare: { label: "Visibility share", format: "percent" },
  betweenness: { label: "Betweenness", format: "number" },
  passThrough: { label: "Pass-through", format: "percent" },
  pagerank: { label: "PageRank credit", format: "number" },
};

export function ContributorTable({ rows, columns, caption, testId }: { rows: ContributorSummaryView[]; columns: ContributorColumn[]; caption: string; testId?: string }) {
  if (rows.length === 0) return <p className="text-sm text-stone-600">No contributors in this scope yet.</p>;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-50 text-left text-xs text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2">#</th>
            <th scope="col" className="px-3 py-2">Contributor</th>
            {columns.map((c) => <th key={c} scope="col" className="px-3 py-2 text-right">{COLUMNS[c].label}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((r, i) => (
            <tr key={r.userId}>
              <td className="px-3 py-1.5 text-stone-500">{i + 1}</td>
              <td className="px-3 py-1.5"><Link href={`/people/${r.handle}`} className="text-moss-700 hover:underline">@{r.handle}</Link>{r.isHub && <span className="ml-2 rounded bg-sky-100 px-1 text-xs text-sky-900">hub</span>}</td>
              {columns.map((c) => (
                <td key={c} className="px-3 py-1.5 text-right font-mono tabular-nums">
                  {c === "betweenness" ? (r.betweenness === 0 ? "0" : r.betweenness.toPrecision(3)) : formatValue(r[c] as number, COLUMNS[c].format, { isSigned: c === "premium" })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
