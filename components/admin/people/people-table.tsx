import Link from "next/link";
import type { PeopleListRow } from "@/lib/users/admin-list";
import { formatDate } from "@/components/ui/format";
import { PersonBadges } from "./person-state";

export function PeopleTable({ rows }: { rows: PeopleListRow[] }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">People</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2">Person</th>
            <th scope="col" className="px-3 py-2">Email</th>
            <th scope="col" className="px-3 py-2">Role and state</th>
            <th scope="col" className="px-3 py-2 text-right">Contributions</th>
            <th scope="col" className="px-3 py-2 text-right">Maintains</th>
            <th scope="col" className="px-3 py-2">Since</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-stone-100 last:border-0" data-testid={`person-row-${r.handle}`}>
              <td className="px-3 py-2">
                <Link href={`/admin/people/${r.id}`} className="font-medium text-moss-700 underline-offset-2 hover:underline">{r.name}</Link>
                <span className="ml-1 text-stone-500">@{r.handle}</span>
              </td>
              <td className="px-3 py-2 text-stone-600">{r.email ?? <span className="text-stone-500">none</span>}</td>
              <td className="px-3 py-2"><PersonBadges {...r} /></td>
              <td className="px-3 py-2 text-right tabular-nums">{r.contributions.toLocaleString("en-GB")}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.maintains ? `${r.maintains} project${r.maintains === 1 ? "" : "s"}` : "—"}</td>
              <td className="whitespace-nowrap px-3 py-2 text-stone-600">{formatDate(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
