import Link from "next/link";
import type { ProjectListRow } from "@/lib/projects/queries";
import { Badge } from "@/components/ui/badge";

export function ProjectTable({ rows }: { rows: ProjectListRow[] }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Projects</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2">Project</th>
            <th scope="col" className="px-3 py-2">Slug</th>
            <th scope="col" className="px-3 py-2">Kind</th>
            <th scope="col" className="px-3 py-2 text-right">Contributions</th>
            <th scope="col" className="px-3 py-2">Maintainers</th>
            <th scope="col" className="px-3 py-2">State</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} className="border-b border-stone-100 last:border-0" data-testid={`project-row-${p.slug}`}>
              <td className="px-3 py-2"><Link href={`/admin/projects/${p.id}`} className="font-medium text-moss-700 underline-offset-2 hover:underline">{p.name}</Link></td>
              <td className="px-3 py-2 font-mono text-xs text-stone-700">{p.slug}</td>
              <td className="px-3 py-2">{p.kind}</td>
              <td className="px-3 py-2 text-right tabular-nums">{p.contributions.toLocaleString("en-GB")}</td>
              <td className="px-3 py-2 text-stone-700">
                {p.maintainers.length === 0 ? <span className="text-stone-500">none</span> : p.maintainers.slice(0, 4).map((m) => `@${m.handle}`).join(", ")}
                {p.maintainers.length > 4 && <span className="text-stone-500"> and {p.maintainers.length - 4} more</span>}
              </td>
              <td className="px-3 py-2">{p.archivedAt ? <Badge value="archived" label="archived" /> : <Badge value="accepted" label="active" />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
