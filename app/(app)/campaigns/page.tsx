import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/actor";
import { listCampaignProjects, listCampaigns } from "@/lib/campaigns/queries";
import { campaignListQuerySchema } from "@/lib/validation/campaigns";
import { CampaignTable } from "@/components/campaigns/campaign-table";
import { CampaignFilters } from "@/components/campaigns/campaign-filters";

export const metadata: Metadata = { title: "Campaigns" };

const SAVED: Record<string, string> = {
  created: "Campaign created. A metrics recompute is queued.",
  updated: "Campaign saved. A metrics recompute is queued.",
  deleted: "Campaign deleted. A metrics recompute is queued.",
};

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole("maintainer");
  const raw = await searchParams;
  const query = campaignListQuerySchema.parse(raw);
  const [rows, projects] = await Promise.all([listCampaigns(actor, query), listCampaignProjects(actor)]);
  const saved = typeof raw.saved === "string" ? SAVED[raw.saved] : undefined;
  const filtered = query.state !== undefined || query.project !== undefined;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">Incentive campaigns</h1>
          <p className="text-sm text-stone-600">
            Bounties, airdrops and other programmes. Newcomers who arrive inside a campaign&apos;s window form its acquisition segment on the{" "}
            <Link href="/dashboards/retention" className="text-moss-700 underline">retention dashboards</Link>.
          </p>
        </div>
        {(projects.length > 0 || hasRole(actor, "admin")) && (
          <Link href="/campaigns/new" className="rounded-md bg-moss-700 px-3 py-2 text-sm font-medium text-white hover:bg-moss-900">New campaign</Link>
        )}
      </div>
      {saved && <p role="status" data-testid="saved-message" className="rounded-md bg-moss-50 px-3 py-2 text-sm text-moss-900">{saved}</p>}
      <CampaignFilters query={query} projects={projects} />
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-sm text-stone-600">
          {filtered ? "No campaign matches these filters." : "No campaigns yet. Create one to compare its newcomers with organic ones."}
        </div>
      ) : (
        <CampaignTable rows={rows} />
      )}
    </div>
  );
}
