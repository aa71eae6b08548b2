import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { listPeople } from "@/lib/users/admin-list";
import { peopleQuerySchema } from "@/lib/validation/people";
import { PeopleFilters } from "@/components/admin/people/people-filters";
import { PeopleTable } from "@/components/admin/people/people-table";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "People · Admin" };

export default async function AdminPeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole("admin");
  const query = peopleQuerySchema.parse(await searchParams);
  const result = await listPeople(query);
  const params = new URLSearchParams(
    Object.entries({ q: query.q, role: query.role, state: query.state }).filter(([, v]) => v).map(([k, v]) => [k, String(v)]),
  );
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">People</h1>
      <PeopleFilters query={query} />
      <p className="text-sm text-stone-600" data-testid="result-count">{result.total === 1 ? "1 person" : `${result.total.toLocaleString("en-GB")} people`}</p>
      {result.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-sm text-stone-600">
          {params.toString() ? "No one matches this search." : "No one has signed up or been imported yet."}
        </div>
      ) : (
        <PeopleTable rows={result.rows} />
      )}
      <Pagination page={query.page} pageCount={result.pageCount} basePath="/admin/people" params={params} />
    </div>
  );
}
