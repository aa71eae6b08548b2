import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { listMyContributions, listOpenProjects } from "@/lib/contributions/queries";
import { myContributionsQuerySchema } from "@/lib/validation/contributions";
import { ContributionFilters } from "@/components/contributions/contribution-filters";
import { ContributionTable } from "@/components/contributions/contribution-table";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "My contributions" };

export default async function MyContributionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const query = myContributionsQuerySchema.parse(await searchParams);
  const [result, projects] = await Promise.all([listMyContributions(actor, query), listOpenProjects()]);
  const params = new URLSearchParams(
    Object.entries({ q: query.q, kind: query.kind, status: query.status, project: query.project, withdrawn: query.withdrawn, sort: query.sort })
      .filter(([, v]) => v !== undefined && v !== "" && v !== "hide" && v !== "newest")
      .map(([k, v]) => [k, String(v)]),
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">My contributions</h1>
        <Link href="/contributions/new" className="rounded-md bg-moss-700 px-3 py-2 text-sm font-medium text-white hover:bg-moss-900">
          Log a contribution
        </Link>
      </div>
      <ContributionFilters query={query} projects={projects} />
      <p className="text-sm text-stone-600" data-testid="result-count">
        {result.total === 1 ? "1 contribution" : `${result.total} contributions`}
      </p>
      {result.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-sm text-stone-600">
          {result.total === 0 && !params.toString()
            ? <>You have not logged any work yet. <Link className="text-moss-700 underline" href="/contributions/new">Log your first contribution</Link> and link it to the work it builds on.</>
            : "Nothing matches these filters."}
        </div>
      ) : (
        <ContributionTable rows={result.rows} />
      )}
      <Pagination page={query.page} pageCount={result.pageCount} basePath="/contributions" params={params} />
    </div>
  );
}
