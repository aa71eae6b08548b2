// The columns of each kind, beside the upload form; the full schema is docs/import-format.md.
import { COLUMNS } from "@/lib/import/records";

const EXAMPLES = {
  contributions: "external_id,project,title,kind,occurred_at,authors\nPR-17,ocean,Reef survey,data,2026-01-10,ada@example.org\nPR-18,ocean,Tide labels,data,2026-01-12,\"ada@x.org=0.6; bob@x.org=0.4\"",
  links: "from,to,type\nPR-18,PR-17,builds_on",
} as const;

export function FormatSummary() {
  return (
    <section aria-labelledby="format-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 text-sm">
      <h2 id="format-heading" className="text-base font-semibold">File format</h2>
      {(["contributions", "links"] as const).map((kind) => (
        <div key={kind} className="space-y-1">
          <h3 className="font-medium capitalize">{kind}</h3>
          <p className="text-stone-700">
            Required: {COLUMNS[kind].required.map((c) => <code key={c} className="mr-1 rounded bg-stone-100 px-1">{c}</code>)}
            <br />
            Optional: {COLUMNS[kind].optional.map((c) => <code key={c} className="mr-1 rounded bg-stone-100 px-1">{c}</code>)}
          </p>
          <pre className="overflow-x-auto rounded bg-stone-50 p-2 text-xs text-stone-800">{EXAMPLES[kind]}</pre>
        </div>
      ))}
      <p className="text-stone-600">
        Authors are <code>Name &lt;email&gt;=share</code> separated by <code>;</code>, shares summing to 1. They are
        matched by email; someone new becomes an imported person who can claim the account later. JSON Lines
        use the same names as keys, one object per line. The full schema is in <code>docs/import-format.md</code>.
      </p>
    </section>
  );
}
