import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import { canManageCampaign } from "@/lib/permissions";
import { getManageableCampaign, listCampaignProjects } from "@/lib/campaigns/queries";
import { idSchema } from "@/lib/validation/common";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { DeleteCampaignButton } from "@/components/campaigns/delete-campaign-button";
import { toUtcInputValue } from "@/components/campaigns/labels";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageRole("maintainer");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [campaign, projects] = await Promise.all([getManageableCampaign(actor, id.data), listCampaignProjects(actor)]);
  if (!campaign) notFound();
  // A campaign on a project archived since stays editable where it is.
  const own = campaign.project && campaign.projectId !== null && !projects.some((p) => p.id === campaign.projectId)
    ? [{ id: campaign.projectId, name: `${campaign.project.name} (archived)` }]
    : [];
  const options = [...projects, ...own];
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm"><Link href="/campaigns" className="text-moss-700 underline">← Campaigns</Link></p>
      <h1 className="text-xl font-semibold">Edit “{campaign.name}”</h1>
      <div className="rounded-lg border border-stone-200 bg-white p-5">
        <CampaignForm
          projects={options}
          canUseEcosystem={canManageCampaign(actor, null)}
          initial={{
            id: campaign.id, name: campaign.name, kind: campaign.kind, projectId: campaign.projectId === null ? "ecosystem" : String(campaign.projectId),
            startAt: toUtcInputValue(campaign.startAt), endAt: toUtcInputValue(campaign.endAt),
          }}
        />
      </div>
      <DeleteCampaignButton id={campaign.id} name={campaign.name} />
    </div>
  );
}
