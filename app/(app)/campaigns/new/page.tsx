import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import { canManageCampaign } from "@/lib/permissions";
import { listCampaignProjects } from "@/lib/campaigns/queries";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { toUtcInputValue } from "@/components/campaigns/labels";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  const actor = await requirePageRole("maintainer");
  const projects = await listCampaignProjects(actor);
  const canUseEcosystem = canManageCampaign(actor, null);
  if (!canUseEcosystem && projects.length === 0) notFound();
  // A sensible start: today at 00:00 UTC, for four weeks.
  const start = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
  const end = new Date(start.getTime() + 28 * 86_400_000);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm"><Link href="/campaigns" className="text-moss-700 underline">← Campaigns</Link></p>
      <h1 className="text-xl font-semibold">New campaign</h1>
      <div className="rounded-lg border border-stone-200 bg-white p-5">
        <CampaignForm
          projects={projects}
          canUseEcosystem={canUseEcosystem}
          initial={{ name: "", kind: "", projectId: projects.length === 1 && !canUseEcosystem ? String(projects[0].id) : "", startAt: toUtcInputValue(start), endAt: toUtcInputValue(end) }}
        />
      </div>
    </div>
  );
}
