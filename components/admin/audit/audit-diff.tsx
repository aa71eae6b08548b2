// One event's before/after: changed, added and removed fields first and highlighted, unchanged
// ones folded away, long values collapsed.
import { diffRecords, showValue, type DiffKind, type DiffRow } from "./diff";

const LONG = 80;
const ROW_TONE: Record<DiffKind, string> = {
  changed: "bg-amber-50",
  added: "bg-moss-50",
  removed: "bg-red-50",
  same: "",
};
const KIND_LABEL: Record<DiffKind, string> = { changed: "changed", added: "added", removed: "removed", same: "" };

function Value({ value }: { value: unknown }) {
  const text = showValue(value);
  if (text === "") return <span className="text-stone-400">—</span>;
  if (text.length <= LONG && !text.includes("\n")) return <code className="break-all text-xs">{text}</code>;
  return (
    <details>
      <summary className="cursor-pointer text-xs text-moss-700">{text.slice(0, 40).replace(/\s+/g, " ")}… ({text.length} characters)</summary>
      <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-stone-50 p-2 text-xs">{text}</pre>
    </details>
  );
}

function Rows({ rows }: { rows: DiffRow[] }) {
  return (
    <>
      {rows.map((r) => (
        <tr key={r.path} className={`border-t border-stone-100 align-top ${ROW_TONE[r.kind]}`} data-kind={r.kind}>
          <th scope="row" className="break-all px-2 py-1 text-left font-mono text-xs font-normal text-stone-700">
            {r.path}
            {r.kind !== "same" && <span className="ml-1 text-[10px] uppercase text-stone-500">{KIND_LABEL[r.kind]}</span>}
          </th>
          <td className="px-2 py-1"><Value value={r.before} /></td>
          <td className="px-2 py-1"><Value value={r.after} /></td>
        </tr>
      ))}
    </>
  );
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const rows = diffRecords(before, after);
  if (rows.length === 0) return <p className="text-xs text-stone-500">No record before or after.</p>;
  const changed = rows.filter((r) => r.kind !== "same");
  const unchanged = rows.filter((r) => r.kind === "same");
  return (
    <div className="space-y-1">
      <table className="w-full table-fixed text-sm" data-testid="audit-diff">
        <colgroup><col className="w-1/4" /><col className="w-[37.5%]" /><col className="w-[37.5%]" /></colgroup>
        <thead className="text-xs uppercase text-stone-500">
          <tr><th scope="col" className="px-2 py-1 text-left">Field</th><th scope="col" className="px-2 py-1 text-left">Before</th><th scope="col" className="px-2 py-1 text-left">After</th></tr>
        </thead>
        <tbody>
          {changed.length > 0 ? <Rows rows={changed} /> : (
            <tr><td colSpan={3} className="px-2 py-1 text-xs text-stone-500">No field changed.</td></tr>
          )}
        </tbody>
      </table>
      {unchanged.length > 0 && (
        <details>
          <summary className="cursor-pointer text-xs text-stone-600">{unchanged.length === 1 ? "1 unchanged field" : `${unchanged.length} unchanged fields`}</summary>
          <table className="w-full table-fixed text-sm">
            <colgroup><col className="w-1/4" /><col className="w-[37.5%]" /><col className="w-[37.5%]" /></colgroup>
            <tbody><Rows rows={unchanged} /></tbody>
          </table>
        </details>
      )}
    </div>
  );
}
