// An import's status in words and colour (the word alone tells it apart).
const TONES: Record<string, string> = {
  queued: "bg-stone-200 text-stone-800",
  running: "bg-amber-100 text-amber-900",
  succeeded: "bg-sky-100 text-sky-900",
  failed: "bg-red-100 text-red-900",
};

export function ImportStatusBadge({ status }: { status: string }) {
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${TONES[status] ?? "bg-stone-100 text-stone-700"}`} data-testid="import-status">{status}</span>;
}
