// Each contributor's class beside every rule's inputs (METRICS.md §8: the first rule that matches).
import Link from "next/link";
import type { ClassView } from "@/lib/analytics/results";
import { formatValue } from "@/components/charts/format";

interface Evidence {
  new?: { matched: boolean };
  transactional?: { lift: number | null; liftMin: number; linkingRatio: number | null; linkingRatioBelow: number; recruitingCampaignId: number | null; postCampaignStay: boolean | null; matched: boolean };
  persistent?: { activePeriods: number; activePeriodsMin: number; tenurePeriods: number; tenurePeriodsMin: number; matched: boolean };
  whole?: { contributions: number; campaignShare: number | null };
  birthLabel?: string;
}

const mark = (matched: boolean | undefined) => (matched ? "✓" : "·");

export function ClassTable({ rows }: { rows: ClassView[] }) {
  if (rows.length === 0) return <p className="text-sm text-stone-600">No contributors in this class.</p>;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-sm" data-testid="class-table">
        <caption className="sr-only">Contributors, their class and the evidence for each rule</caption>
        <thead className="bg-stone-50 text-left text-xs text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2">Contributor</th>
            <th scope="col" className="px-3 py-2">Class</th>
            <th scope="col" className="px-3 py-2">First active</th>
            <th scope="col" className="px-3 py-2 text-right">Contributions</th>
            <th scope="col" className="px-3 py-2 text-right">Campaign share</th>
            <th scope="col" className="px-3 py-2 text-right">Lift (≥ min)</th>
            <th scope="col" className="px-3 py-2 text-right">Linking ratio</th>
            <th scope="col" className="px-3 py-2 text-right">Stayed after campaign</th>
            <th scope="col" className="px-3 py-2 text-right">Active / tenure periods</th>
            <th scope="col" className="px-3 py-2">Rules matched (new · transactional · persistent)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((r) => {
            const e = r.evidence as Evidence;
            const t = e.transactional;
            const p = e.persistent;
            return (
              <tr key={r.userId}>
                <td className="px-3 py-1.5"><Link href={`/people/${r.handle}`} className="text-moss-700 hover:underline">@{r.handle}</Link></td>
                <td className="px-3 py-1.5 font-medium">{r.class}</td>
                <td className="whitespace-nowrap px-3 py-1.5 text-stone-600">{e.birthLabel ?? "—"}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{e.whole?.contributions ?? "—"}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatValue(e.whole?.campaignShare ?? null, "percent")}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatValue(t?.lift ?? null, "number")} <span className="text-stone-500">({t?.liftMin ?? "—"})</span></td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatValue(t?.linkingRatio ?? null, "percent")}</td>
                <td className="px-3 py-1.5 text-right">{t?.postCampaignStay === null || t?.postCampaignStay === undefined ? "—" : t.postCampaignStay ? "yes" : "no"}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{p ? `${p.activePeriods} / ${p.tenurePeriods}` : "—"} <span className="text-stone-500">({p?.activePeriodsMin} / {p?.tenurePeriodsMin})</span></td>
                <td className="px-3 py-1.5 font-mono text-stone-600" aria-label={`new ${e.new?.matched ? "matched" : "not matched"}, transactional ${t?.matched ? "matched" : "not matched"}, persistent ${p?.matched ? "matched" : "not matched"}`}>
                  {mark(e.new?.matched)} {mark(t?.matched)} {mark(p?.matched)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
