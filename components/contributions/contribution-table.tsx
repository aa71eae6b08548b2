import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatShare } from "@/components/ui/format";

interface Row {
  id: number;
  title: string;
  kind: string;
  status: string;
  occurredAt: Date;
  deletedAt: Date | null;
  project: { name: string };
  authors: { share: { toString(): string }; user: { handle: string } }[];
  _count: { linksIn: number; linksOut: number };
}

export function ContributionTable({ rows }: { rows: Row[] }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">My contributions</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2">Title</th>
            <th scope="col" className="px-3 py-2">When</th>
            <th scope="col" className="px-3 py-2">Project</th>
            <th scope="col" className="px-3 py-2">Kind</th>
            <th scope="col" className="px-3 py-2">Authors</th>
            <th scope="col" className="px-3 py-2 text-right" title="links to this work / links from it">Built on by · builds on</th>
            <th scope="col" className="px-3 py-2">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-stone-100 last:border-0">
              <td className="px-3 py-2">
                <Link href={`/contributions/${r.id}`} className="font-medium text-moss-700 hover:underline">{r.title}</Link>
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-stone-600">{formatDate(r.occurredAt)}</td>
              <td className="px-3 py-2">{r.project.name}</td>
              <td className="px-3 py-2">{r.kind}</td>
              <td className="px-3 py-2 text-stone-600">
                {r.authors.map((a) => `@${a.user.handle}${r.authors.length > 1 ? ` ${formatShare(a.share)}` : ""}`).join(", ")}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{r._count.linksIn} · {r._count.linksOut}</td>
              <td className="px-3 py-2">{r.deletedAt ? <Badge value="withdrawn" /> : <Badge value={r.status} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
