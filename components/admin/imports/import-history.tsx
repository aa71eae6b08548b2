// Past imports, newest first, each linking to its report.
import Link from "next/link";
import type { ImportBatchListItem } from "@/lib/import/queries";
import { formatDateTime } from "@/components/ui/format";
import { ImportStatusBadge } from "./import-status-badge";

const n = (v: number) => v.toLocaleString("en-US");
const KIND_LABEL: Record<string, string> = { contributions: "Contributions", links: "Links", git: "Git history" };

export function ImportHistory({ batches }: { batches: ImportBatchListItem[] }) {
  return (
    <section aria-labelledby="history-heading" className="space-y-2">
      <h2 id="history-heading" className="text-base font-semibold">History</h2>
      {batches.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-600">No imports yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="import-history">
            <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2">Import</th>
                <th scope="col" className="px-3 py-2">File</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2 text-right">Rows</th>
                <th scope="col" className="px-3 py-2 text-right">Loaded</th>
                <th scope="col" className="px-3 py-2 text-right">Already present</th>
                <th scope="col" className="px-3 py-2 text-right">Refused</th>
                <th scope="col" className="px-3 py-2">Started</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} className="border-b border-stone-100 last:border-0">
                  <td className="px-3 py-2">
                    <Link href={`/admin/imports/${b.id}`} className="text-moss-700 underline">#{b.id} {KIND_LABEL[b.kind] ?? b.kind}</Link>
                  </td>
                  <td className="max-w-56 truncate px-3 py-2" title={b.filename}>{b.filename} <span className="text-stone-500">({b.format === "jsonl" ? "JSON Lines" : b.format.toUpperCase()})</span></td>
                  <td className="px-3 py-2"><ImportStatusBadge status={b.status} /></td>
                  <td className="px-3 py-2 text-right tabular-nums">{n(b.totalRows)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{n(b.insertedRows)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{n(b.skippedRows)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{n(b.errorRows)}</td>
                  <td className="px-3 py-2 text-stone-600">{formatDateTime(b.createdAt)}{b.createdBy ? ` by @${b.createdBy}` : " (command line)"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
