// Small pieces both explorer modes share: the table frame, the truncation note, the depth switch.
import Link from "next/link";
import type { ReactNode } from "react";
import { GRAPH_BOUNDS } from "@/lib/analytics/graph-neighbourhood";

export const th = "px-3 py-2 font-medium";
export const td = "px-3 py-1.5 align-top";

export function TableFrame({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const id = `${testId}-title`;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-base font-semibold">{title}</h2>
      <div className="max-h-[32rem] overflow-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-labelledby={id}>
        <table className="min-w-full text-sm" data-testid={testId}>
          <caption className="sr-only">{title}</caption>
          {children}
        </table>
      </div>
    </section>
  );
}

export function TruncationNote({ shown, rule }: { shown: number; rule: string }) {
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="graph-truncated">
      <strong>Truncated:</strong> this neighbourhood is larger than the explorer draws. Showing {shown} of at most {GRAPH_BOUNDS.maxNodes} nodes, {rule}.
      Re-focus on a node, use depth 1, or narrow the date window to see the rest.
    </p>
  );
}

export function DepthSwitch({ depth, hrefFor }: { depth: 1 | 2; hrefFor: (d: 1 | 2) => string }) {
  return (
    <nav aria-label="Depth" className="flex items-center gap-1 text-sm">
      <span className="mr-1 text-stone-600">Depth</span>
      {([1, 2] as const).map((d) => (
        <Link key={d} href={hrefFor(d)} aria-current={d === depth ? "true" : undefined}
          className={`rounded-md px-2.5 py-1 ${d === depth ? "bg-moss-700 text-white" : "border border-stone-300 bg-white text-stone-700 hover:bg-stone-100"}`}>
          {d === 1 ? "1 step" : "2 steps"}
        </Link>
      ))}
    </nav>
  );
}

/** The picture's frame: it scrolls sideways on narrow screens rather than shrinking its labels. */
export function GraphScroller({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <p className="text-xs text-stone-500 sm:hidden">Scroll the picture sideways; the tables below list the same nodes and links.</p>
      <div className="overflow-x-auto" role="region" aria-label={label} tabIndex={0}>{children}</div>
    </>
  );
}
