// A plain GET form: the filters live in the URL, so a filtered list can be shared and reloaded.
import type { CampaignListQuery } from "@/lib/validation/campaigns";
import { CAMPAIGN_STATE_LABEL } from "./labels";

const control = "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";

export function CampaignFilters({ query, projects }: { query: CampaignListQuery; projects: { id: number; name: string }[] }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter campaigns">
      <label className="text-sm">
        <span className="block text-xs text-stone-600">State</span>
        <select name="state" defaultValue={query.state ?? ""} className={control}>
          <option value="">Any</option>
          {Object.entries(CAMPAIGN_STATE_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-stone-600">Runs in</span>
        <select name="project" defaultValue={query.project === undefined ? "" : String(query.project)} className={control}>
          <option value="">Anywhere</option>
          <option value="ecosystem">The whole ecosystem</option>
          {projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100">Apply</button>
    </form>
  );
}
