// The active signals, each with the numbers that fired it and a link to the chart that shows them.
import Link from "next/link";
import type { SignalView } from "@/lib/analytics/results";

const CHART_PATH: Record<string, string> = {
  participation: "/dashboards/participation",
  attribution: "/dashboards/attribution",
  coherence: "/dashboards/coherence",
  recognition: "/dashboards/recognition",
  hubs: "/dashboards/hubs",
};

function evidenceText(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(3);
  if (Array.isArray(value)) return value.join(", ");
  return String(value ?? "—");
}

export function SignalList({ signals, query }: { signals: SignalView[]; query: string }) {
  if (signals.length === 0) {
    return <p className="rounded-md border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-600" data-testid="no-signals">No signal fired in the last complete period.</p>;
  }
  return (
    <ul className="space-y-2" data-testid="signals">
      {signals.map((s) => {
        const { chart, ...evidence } = s.evidence;
        return (
          <li key={s.id} className={`rounded-lg border bg-white p-3 ${s.severity === "critical" ? "border-orange-400" : "border-stone-200"}`} data-testid={`signal-${s.code}`}>
            <p className="flex flex-wrap items-baseline gap-2 text-sm">
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${s.severity === "critical" ? "bg-orange-100 text-orange-900" : "bg-stone-100 text-stone-800"}`}>{s.severity}</span>
              <span className="font-medium">{s.message}</span>
              <span className="text-stone-500">period of {s.period}</span>
              {typeof chart === "string" && CHART_PATH[chart] && (
                <Link href={`${CHART_PATH[chart]}${query}`} className="text-moss-700 hover:underline">See the chart</Link>
              )}
            </p>
            <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-stone-600 sm:grid-cols-4">
              {Object.entries(evidence).map(([k, v]) => (
                <div key={k} className="min-w-0"><dt className="text-stone-500">{k}</dt><dd className="truncate font-mono">{evidenceText(v)}</dd></div>
              ))}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
