// What each dataset holds, column by column: the same descriptions the files carry in their metadata.
import type { ColumnDef } from "@/lib/export/types";

export interface DatasetReferenceItem {
  id: string;
  title: string;
  description: string;
  source: string;
  columns: ColumnDef[];
}

export function DatasetReference({ datasets }: { datasets: DatasetReferenceItem[] }) {
  return (
    <div className="space-y-4">
      {datasets.map((d) => (
        <details key={d.id} className="rounded-lg border border-stone-200 bg-white p-3" data-testid={`dataset-${d.id}`}>
          <summary className="cursor-pointer text-sm font-semibold text-stone-900">
            {d.title} <span className="font-normal text-stone-500">({d.id}, from {d.source})</span>
          </summary>
          <p className="mt-2 text-sm text-stone-700">{d.description}</p>
          <table className="mt-2 w-full text-left text-sm">
            <thead className="text-xs uppercase text-stone-500">
              <tr><th className="py-1 pr-3 font-medium">Column</th><th className="py-1 pr-3 font-medium">Type</th><th className="py-1 font-medium">Meaning</th></tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {d.columns.map((c) => (
                <tr key={c.name}>
                  <td className="py-1 pr-3 font-mono text-xs">{c.name}</td>
                  <td className="py-1 pr-3 text-stone-600">{c.type}</td>
                  <td className="py-1 text-stone-700">{c.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </div>
  );
}
