import Link from "next/link";
import type { PersonForAdmin } from "@/lib/users/admin-person";
import { formatDateTime } from "@/components/ui/format";
import { UndoMergeButton } from "./undo-merge-button";

export function MergeHistory({ merges }: { merges: PersonForAdmin["merges"] }) {
  if (merges.length === 0) return <p className="text-sm text-stone-600">No merges involve this identity.</p>;
  return (
    <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="merge-history">
      {merges.map((m) => (
        <li key={m.id} className="flex flex-wrap items-start justify-between gap-3 p-3 text-sm">
          <div className="space-y-0.5">
            <p>
              <Link href={`/admin/people/${m.sourceId}`} className="font-medium text-moss-700 underline">@{m.source}</Link>
              {" merged into "}
              <Link href={`/admin/people/${m.targetId}`} className="font-medium text-moss-700 underline">@{m.target}</Link>
            </p>
            <p className="text-xs text-stone-600">
              {formatDateTime(m.createdAt)}{m.by ? ` by @${m.by}` : ""} · {m.moved} authorship{m.moved === 1 ? "" : "s"} moved
              {m.coAuthored ? `, ${m.coAuthored} co-authored (shares added)` : ""}
            </p>
            {m.revertedAt && <p className="text-xs text-stone-600">Undone {formatDateTime(m.revertedAt)}{m.revertedBy ? ` by @${m.revertedBy}` : ""}</p>}
          </div>
          {!m.revertedAt && <UndoMergeButton mergeId={m.id} source={m.source} target={m.target} />}
        </li>
      ))}
    </ul>
  );
}
