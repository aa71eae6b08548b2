// Contributor mode: the contributor projection around a person (METRICS.md §5: u→w weighted by
// the links from u's work to w's), the people they build on to the left, those building on them to
// the right, a second ring at depth 2; their top sources and builders; tables of the same.
import Link from "next/link";
import type { ContributorGraphNode, ContributorNeighbourhood } from "@/lib/analytics/graph-neighbourhood";
import type { DashboardFilters } from "@/lib/validation/dashboard";
import { GraphLegend } from "./graph-legend";
import { graphHref } from "./graph-href";
import { formatBetweenness, formatWeight, TIE_STYLE } from "./graph-style";
import { GraphSvg, type SvgEdge, type SvgNode } from "./graph-svg";
import { radialLayout } from "./layout";
import { GraphScroller, TableFrame, TruncationNote, th, td } from "./graph-parts";

const key = (id: number) => `u${id}`;
const TOP = 5;

function relation(n: ContributorGraphNode): string {
  if (n.depth === 0) return "focus";
  if (n.depth === 2) return "2 steps away";
  if (n.sourceWeight > 0 && n.builderWeight > 0) return "both ways";
  return n.sourceWeight > 0 ? "source (the focus builds on them)" : "builder (builds on the focus)";
}
const group = (n: ContributorGraphNode) => (n.builderWeight === 0 ? 0 : n.sourceWeight === 0 ? 2 : 1);

function TopList({ title, rows, weight, href, testId }: { title: string; rows: ContributorGraphNode[]; weight: (n: ContributorGraphNode) => number; href: (handle: string) => string; testId: string }) {
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-3" aria-label={title}>
      <h2 className="text-sm font-semibold">{title}</h2>
      {rows.length === 0 ? <p className="mt-1 text-sm text-stone-600">None in this scope.</p> : (
        <ol className="mt-1 space-y-0.5 text-sm" data-testid={testId}>
          {rows.map((n) => (
            <li key={n.userId} className="flex justify-between gap-3">
              <span><Link href={href(n.handle)} className="text-moss-700 hover:underline">@{n.handle}</Link>{n.isHub && <span className="ml-1 rounded bg-yellow-100 px-1 text-xs">hub</span>}</span>
              <span className="font-mono tabular-nums text-stone-700">{formatWeight(weight(n))}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ContributorExplorer({ data, filters, depth }: { data: ContributorNeighbourhood; filters: DashboardFilters; depth: 1 | 2 }) {
  const focus = data.nodes[0];
  const byId = new Map(data.nodes.map((n) => [n.userId, n]));
  const href = (handle: string) => graphHref(filters, { contributor: handle }, depth);
  const layout = radialLayout(
    data.nodes.map((n) => ({ key: key(n.userId), ring: n.depth, rank: n.rank, group: group(n) })),
    data.edges.map((e) => ({ from: key(e.fromUserId), to: key(e.toUserId) })),
  );
  const maxWeight = Math.max(1e-9, ...data.edges.map((e) => e.weight));
  const nodes: SvgNode[] = data.nodes.map((n) => ({
    key: key(n.userId),
    href: href(n.handle),
    label: `@${n.handle}`,
    isFocus: n.depth === 0,
    isHub: n.isHub,
    tooltip: `@${n.handle} (${n.name}) · ${relation(n)}${n.isHub ? ` · hub, betweenness ${formatBetweenness(n.betweenness)}` : ""}`,
    ariaLabel: `${n.depth === 0 ? "Focus: " : "Re-focus on "}@${n.handle}, ${relation(n)}${n.isHub ? `, hub with betweenness ${formatBetweenness(n.betweenness)}` : ""}`,
  }));
  const tie = (from: number, to: number) => (from === focus.userId ? TIE_STYLE.source : to === focus.userId ? TIE_STYLE.builder : TIE_STYLE.other);
  const touchesFocus = (e: (typeof data.edges)[number]) => e.fromUserId === focus.userId || e.toUserId === focus.userId;
  // the focus's own ties drawn last, on top of the outer ring's
  const edges: SvgEdge[] = [...data.edges].sort((a, b) => Number(touchesFocus(a)) - Number(touchesFocus(b))).map((e) => ({
    key: `${e.fromUserId}-${e.toUserId}`,
    from: key(e.fromUserId),
    to: key(e.toUserId),
    color: tie(e.fromUserId, e.toUserId).color,
    width: 1 + 4 * Math.sqrt(e.weight / maxWeight),
    opacity: touchesFocus(e) ? 0.85 : 0.6,
  }));
  const inner = data.nodes.filter((n) => n.depth === 1);
  const sources = [...inner].filter((n) => n.sourceWeight > 0).sort((a, b) => b.sourceWeight - a.sourceWeight || a.rank - b.rank).slice(0, TOP);
  const builders = [...inner].filter((n) => n.builderWeight > 0).sort((a, b) => b.builderWeight - a.builderWeight || a.rank - b.rank).slice(0, TOP);
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-700" data-testid="graph-summary">
        <span className="font-medium">@{focus.handle}</span> ({focus.name}){focus.isHub ? <> is a <strong>hub</strong> of this scope (betweenness {formatBetweenness(focus.betweenness)})</> : null}:
        {" "}ties with {inner.length} {inner.length === 1 ? "person" : "people"}{depth === 2 ? `, and ${data.nodes.length - 1 - inner.length} more two steps away` : ""}.
        {" "}Weights follow the hubs metric: each counted link weighs 1, split over author pairs by their shares; disputed links and quarantined work do not count.
      </p>
      {data.isTruncated && <TruncationNote shown={data.nodes.length} rule="the strongest ties first; weights come from each person's most recently logged contributions in scope" />}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TopList title={`Top sources: whose work @${focus.handle} builds on`} rows={sources} weight={(n) => n.sourceWeight} href={href} testId="top-sources" />
        <TopList title={`Top builders: who builds on @${focus.handle}`} rows={builders} weight={(n) => n.builderWeight} href={href} testId="top-builders" />
      </div>
      {data.nodes.length === 1 ? (
        <p className="rounded-md border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600" data-testid="graph-empty">
          No counted links between @{focus.handle}&apos;s work and anyone else&apos;s in this scope yet{filters.from || filters.to ? " inside the date window" : ""}.
        </p>
      ) : (
        <figure className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <GraphLegend nodeNoun="a contributor" shape="dot" lines={Object.values(TIE_STYLE).map((s) => ({ label: s.label, color: s.color }))} />
          <GraphScroller label="Graph of the ties around the focus">
            <GraphSvg id="contributor-graph" layout={layout} nodes={nodes} edges={edges}
              title={`Who builds on whom around @${focus.handle}`}
              description={`${data.nodes.length - 1} contributors around @${focus.handle}: the people they build on on the left, the people building on them on the right${depth === 2 ? ", and a second ring two steps away" : ""}. Arrows point from the builder to the person built on; thicker is heavier. The tables below list every person and tie.`} />
          </GraphScroller>
          <figcaption className="text-xs text-stone-500">
            Arrows point from the person who builds to the person built on; line width grows with the weight. {depth === 2 ? "Ties within the inner ring and within the outer ring are not drawn. " : ""}Select a person to re-focus on them.
          </figcaption>
        </figure>
      )}
      <TableFrame title="People in the picture" testId="graph-node-table">
        <thead className="bg-stone-50 text-left text-xs text-stone-600">
          <tr>
            <th scope="col" className={th}>Contributor</th><th scope="col" className={th}>Relation</th>
            <th scope="col" className={`${th} text-right`}>@{focus.handle} builds on them</th><th scope="col" className={`${th} text-right`}>They build on @{focus.handle}</th>
            <th scope="col" className={th}>Hub</th><th scope="col" className={`${th} text-right`}>Betweenness</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {data.nodes.map((n) => (
            <tr key={n.userId}>
              <th scope="row" className={`${td} text-left font-normal`}>
                {n.depth === 0 ? <span className="font-semibold">@{n.handle}</span> : <Link href={href(n.handle)} className="text-moss-700 hover:underline">@{n.handle}</Link>}
                <span className="ml-1 text-stone-500">{n.name}</span>
              </th>
              <td className={td}>{relation(n)}</td>
              <td className={`${td} text-right font-mono tabular-nums`}>{n.depth === 1 ? formatWeight(n.sourceWeight) : "—"}</td>
              <td className={`${td} text-right font-mono tabular-nums`}>{n.depth === 1 ? formatWeight(n.builderWeight) : "—"}</td>
              <td className={td}>{n.isHub ? <span className="rounded bg-yellow-100 px-1 text-xs font-semibold">hub</span> : ""}</td>
              <td className={`${td} text-right font-mono tabular-nums`}>{formatBetweenness(n.betweenness)}</td>
            </tr>
          ))}
        </tbody>
      </TableFrame>
      {data.edges.length > 0 && (
        <TableFrame title="Ties in the picture" testId="graph-edge-table">
          <thead className="bg-stone-50 text-left text-xs text-stone-600">
            <tr><th scope="col" className={th}>Builder</th><th scope="col" className={th}>Builds on</th><th scope="col" className={`${th} text-right`}>Weight</th><th scope="col" className={`${th} text-right`}>Links</th></tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {data.edges.map((e) => (
              <tr key={`${e.fromUserId}-${e.toUserId}`}>
                <th scope="row" className={`${td} text-left font-normal`}>@{byId.get(e.fromUserId)?.handle}</th>
                <td className={td}>@{byId.get(e.toUserId)?.handle}</td>
                <td className={`${td} text-right font-mono tabular-nums`}>{formatWeight(e.weight)}</td>
                <td className={`${td} text-right font-mono tabular-nums`}>{e.links}</td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
    </div>
  );
}
