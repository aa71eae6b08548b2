import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listOpenProjects } from "@/lib/contributions/queries";
import { ContributionForm } from "@/components/contributions/contribution-form";

export const metadata: Metadata = { title: "Log a contribution" };

export default async function NewContributionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const [{ welcome }, projects] = await Promise.all([searchParams, listOpenProjects()]);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      {welcome && (
        <p className="rounded-md bg-moss-50 px-3 py-2 text-sm text-moss-900">Welcome, {actor.name}. Log something you did, then link it to the work it builds on.</p>
      )}
      <h1 className="text-xl font-semibold">Log a contribution</h1>
      <div className="rounded-lg border border-stone-200 bg-white p-5">
        <ContributionForm
          projects={projects}
          myHandle={actor.handle}
          initial={{ title: "", kind: "", projectId: "", occurredAt: new Date().toISOString().slice(0, 10), url: "", description: "", coAuthors: [] }}
        />
      </div>
    </div>
  );
}
