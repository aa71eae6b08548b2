import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { listProjectsForAdmin } from "@/lib/projects/queries";
import { projectsQuerySchema } from "@/lib/validation/projects";
import { ProjectFilters } from "@/components/admin/projects/project-filters";
import { ProjectTable } from "@/components/admin/projects/project-table";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Projects · Admin" };

export default async function AdminProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole("admin");
  const query = projectsQuerySchema.parse(await searchParams);
  const result = await listProjectsForAdmin(query);
  const params = new URLSearchParams(
    Object.entries({ q: query.q, state: query.state === "active" ? "" : query.state }).filter(([, v]) => v).map(([k, v]) => [k, String(v)]),
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Projects</h1>
        <Link href="/admin/projects/new" className="rounded-md bg-moss-700 px-3 py-2 text-sm font-medium text-white hover:bg-moss-900">New project</Link>
      </div>
      <ProjectFilters query={query} />
      <p className="text-sm text-stone-600" data-testid="result-count">{result.total === 1 ? "1 project" : `${result.total} projects`}</p>
      {result.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-sm text-stone-600">
          {query.q || query.state !== "active" ? "No project matches." : <>No projects yet. <Link className="text-moss-700 underline" href="/admin/projects/new">Create the first one</Link>.</>}
        </div>
      ) : (
        <ProjectTable rows={result.rows} />
      )}
      <Pagination page={query.page} pageCount={result.pageCount} basePath="/admin/projects" params={params} />
    </div>
  );
}
