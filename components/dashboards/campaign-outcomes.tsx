// Per incentive campaign: recruits, the mercenary index MI(N) = 1 − R_campaign(N)/R_organic(N),
// and the post-campaign half-life of the recruits' weekly activity.
import { ChartFrame } from "@/components/charts/chart-frame";
import { definitionHref } from "@/components/charts/definition-anchors";
import { formatValue } from "@/components/charts/format";

export interface CampaignsDoc {
  campaigns: {
    campaignId: number;
    name: string;
    recruits: number;
    mercenaryIndex: (number | null)[];
    weeklyActiveAtEnd: number | null;
    halfLifeWeeks: number | null;
  }[];
}

const OFFSETS = [1, 4, 8, 12];

export function CampaignOutcomes({ doc }: { doc: CampaignsDoc }) {
  return (
    <ChartFrame id="campaigns" title="Campaign outcomes" definitionHref={definitionHref("transactional")} isEmpty={doc.campaigns.length === 0}
      emptyMessage="No incentive campaign in this scope."
      caption="Mercenary index MI(N): how much worse the campaign's recruits are retained N periods on than organic newcomers (0: as well, 1: none left). Half-life: weeks after the campaign until its recruits' weekly activity halves.">
      <div className="relative overflow-x-auto">
        <table className="min-w-full text-sm" data-testid="campaign-table">
          <thead className="text-left text-xs text-stone-600">
            <tr>
              <th scope="col" className="py-2 pr-3">Campaign</th>
              <th scope="col" className="py-2 pr-3 text-right">Recruits</th>
              {OFFSETS.map((n) => <th key={n} scope="col" className="py-2 pr-3 text-right">MI({n})</th>)}
              <th scope="col" className="py-2 pr-3 text-right">Active in last week</th>
              <th scope="col" className="py-2 pr-3 text-right">Half-life</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {doc.campaigns.map((c) => (
              <tr key={c.campaignId}>
                <td className="py-1.5 pr-3">{c.name}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{c.recruits.toLocaleString("en-GB")}</td>
                {OFFSETS.map((n) => <td key={n} className="py-1.5 pr-3 text-right tabular-nums">{formatValue(c.mercenaryIndex[n] ?? null, "percent")}</td>)}
                <td className="py-1.5 pr-3 text-right tabular-nums">{c.weeklyActiveAtEnd ?? "—"}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{c.halfLifeWeeks === null ? "not yet" : `${c.halfLifeWeeks} ${c.halfLifeWeeks === 1 ? "week" : "weeks"}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
}
