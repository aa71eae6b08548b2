import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { getContributionDetail, listOpenProjects } from "@/lib/contributions/queries";
import { idSchema } from "@/lib/validation/common";
import { ContributionForm } from "@/components/contributions/contribution-form";

export const metadata: Metadata = { title: "Edit contribution" };

export default async function EditContributionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [c, projects] = await Promise.all([getContributionDetail(actor, id.data), listOpenProjects()]);
  if (!c || !c.canEdit) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold">Edit “{c.title}”</h1>
      <div className="rounded-lg border border-stone-200 bg-white p-5">
        <ContributionForm
          projects={projects}
          myHandle={actor.handle}
          initial={{
            id: c.id,
            version: c.version,
            title: c.title,
            kind: c.kind,
            projectId: String(c.projectId),
            occurredAt: c.occurredAt.toISOString().slice(0, 10),
            url: c.url ?? "",
            description: c.description,
            coAuthors: c.authors
              .filter((a) => a.userId !== actor.id)
              .map((a) => ({ handle: a.user.handle, sharePercent: String(Math.round(Number(a.share.toString()) * 10000) / 100) })),
          }}
        />
      </div>
    </div>
  );
}
