import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import type { CampaignRow } from "@/lib/campaigns/queries";
import { CAMPAIGN_KIND_LABEL, CAMPAIGN_STATE_LABEL } from "./labels";

const STATE_TONE: Record<CampaignRow["state"], string> = {
  upcoming: "bg-sky-100 text-sky-900",
  running: "bg-moss-100 text-moss-900",
  ended: "bg-stone-200 text-stone-700",
};

export function CampaignTable({ rows }: { rows: CampaignRow[] }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="campaign-table">
        <caption className="sr-only">Incentive campaigns</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2">Name</th>
            <th scope="col" className="px-3 py-2">Kind</th>
            <th scope="col" className="px-3 py-2">Runs in</th>
            <th scope="col" className="px-3 py-2">Starts</th>
            <th scope="col" className="px-3 py-2">Ends</th>
            <th scope="col" className="px-3 py-2">State</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-stone-100 last:border-0" data-testid={`campaign-${r.id}`}>
              <td className="px-3 py-2 font-medium">{r.name}</td>
              <td className="px-3 py-2">{CAMPAIGN_KIND_LABEL[r.kind as keyof typeof CAMPAIGN_KIND_LABEL] ?? r.kind}</td>
              <td className="px-3 py-2">
                {r.projectName ?? <span className="italic text-stone-600">ecosystem</span>}
                {r.projectArchived && <span className="ml-1 text-xs text-stone-500">(archived)</span>}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-stone-700">{formatDateTime(r.startAt)}</td>
              <td className="whitespace-nowrap px-3 py-2 text-stone-700">{formatDateTime(r.endAt)}</td>
              <td className="px-3 py-2">
                <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STATE_TONE[r.state]}`}>{CAMPAIGN_STATE_LABEL[r.state]}</span>
              </td>
              <td className="px-3 py-2 text-right">
                {r.canManage ? (
                  <Link href={`/campaigns/${r.id}/edit`} className="text-moss-700 underline hover:text-moss-900" aria-label={`Edit ${r.name}`}>Edit</Link>
                ) : (
                  <span className="text-xs text-stone-500">admins manage</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
