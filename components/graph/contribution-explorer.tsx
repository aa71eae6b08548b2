// Contribution mode: the focus, the older work it links to (left) and the newer work linking to it
// (right), to depth 2, with each link's type and status; a table of the same nodes and links.
import Link from "next/link";
import type { ContributionGraphNode, ContributionNeighbourhood } from "@/lib/analytics/graph-neighbourhood";
import { GRAPH_BOUNDS } from "@/lib/analytics/graph-neighbourhood";
import type { DashboardFilters } from "@/lib/validation/dashboard";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import { GraphLegend } from "./graph-legend";
import { graphHref } from "./graph-href";
import { formatBetweenness, formatWeight, LINK_STATUS_STYLE, LINK_TYPE_STYLE } from "./graph-style";
import { GraphSvg, type SvgEdge, type SvgNode } from "./graph-svg";
import { layeredLayout } from "./layout";
import { GraphScroller, TableFrame, TruncationNote, th, td } from "./graph-parts";

const RELATION: Record<string, string> = { "-2": "2 links older", "-1": "builds on (older)", "0": "focus", "1": "builds on it (newer)", "2": "2 links newer" };
const COLUMN: Record<string, string> = { "-2": "2 links older", "-1": "The focus builds on", "0": "Focus", "1": "Builds on the focus", "2": "2 links newer" };

const key = (id: number) => `c${id}`;
const authorsText = (n: ContributionGraphNode) => n.authors.map((a) => `@${a.handle}${a.isHub ? " (hub)" : ""}`).join(", ");
const capped = (n: number) => (n >= GRAPH_BOUNDS.degreeCap ? `${GRAPH_BOUNDS.degreeCap.toLocaleString("en-GB")}+` : n.toLocaleString("en-GB"));

export function ContributionExplorer({ data, filters, depth, showProject }: { data: ContributionNeighbourhood; filters: DashboardFilters; depth: 1 | 2; showProject: boolean }) {
  const focus = data.nodes[0];
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const href = (id: number) => graphHref(filters, { contribution: id }, depth);
  const layout = layeredLayout(data.nodes.map((n) => ({ key: key(n.id), layer: n.depth, rank: n.rank })), data.edges.map((e) => ({ from: key(e.fromId), to: key(e.toId) })));
  const nodes: SvgNode[] = data.nodes.map((n) => ({
    key: key(n.id),
    href: href(n.id),
    label: n.title,
    sublabel: n.authors.map((a, i) => ({ text: `${i > 0 ? ", " : ""}${a.isHub ? "★ " : ""}@${a.handle}`, isBold: a.isHub })),
    isFocus: n.depth === 0,
    isHub: n.isHub,
    tooltip: `${n.title}\n${formatDate(n.occurredAt)} · ${n.kind} · ${n.status}\nby ${authorsText(n)}`,
    ariaLabel: `${n.depth === 0 ? "Focus: " : "Re-focus on "}${n.title}, ${formatDate(n.occurredAt)}, ${RELATION[n.depth]}${n.isHub ? ", by a hub" : ""}`,
  }));
  const edges: SvgEdge[] = data.edges.map((e) => ({
    key: `l${e.id}`,
    from: key(e.fromId),
    to: key(e.toId),
    color: LINK_TYPE_STYLE[e.type].color,
    dash: e.status === "removed" ? undefined : LINK_STATUS_STYLE[e.status].dash,
    width: 1.5 + e.weight,
  }));
  const isAlone = data.nodes.length === 1;
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-700" data-testid="graph-summary">
        <Link href={`/contributions/${focus.id}`} className="font-medium text-moss-700 hover:underline">{focus.title}</Link>
        {" "}· {formatDate(focus.occurredAt)} · by {authorsText(focus)}. It links to {capped(data.degree.older)} older {data.degree.older === 1 ? "work" : "works"};{" "}
        {capped(data.degree.newer)} newer {data.degree.newer === 1 ? "work links" : "works link"} to it{filters.from || filters.to ? " (inside the date window)" : ""}.
      </p>
      {data.isTruncated && <TruncationNote shown={data.nodes.length} rule="nearest first; within a step, the strongest links (type × status weight), then the newest" />}
      {isAlone ? (
        <p className="rounded-md border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600" data-testid="graph-empty">
          Nothing in this scope links to or from this contribution yet{filters.from || filters.to ? " inside the date window" : ""}.
        </p>
      ) : (
        <figure className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <GraphLegend nodeNoun="a contribution" shape="box"
            lines={Object.values(LINK_TYPE_STYLE).map((s) => ({ label: s.label, color: s.color }))}
            patterns={Object.values(LINK_STATUS_STYLE).map((s) => ({ label: s.label, color: "#57534e", dash: s.dash }))} />
          <GraphScroller label="Graph of the links around the focus">
            <GraphSvg id="contribution-graph" layout={layout} nodes={nodes} edges={edges} columnLabel={(l) => COLUMN[l] ?? ""}
              title={`Links around “${focus.title}”`}
              description={`${data.nodes.length - 1} contributions around the focus, older work on the left, newer on the right; arrows point from the newer work to the work it builds on. The tables below list every node and link.`} />
          </GraphScroller>
          <figcaption className="text-xs text-stone-500">
            Arrows point from newer work to the older work it {LINK_TYPE_STYLE.builds_on.label}; thicker lines weigh more in the credit cascade (type weight × status: confirmed 1, unconfirmed ½, disputed 0). Select a node to re-focus on it.
          </figcaption>
        </figure>
      )}
      <TableFrame title="Contributions in the picture" testId="graph-node-table">
        <thead className="bg-stone-50 text-left text-xs text-stone-600">
          <tr>
            <th scope="col" className={th}>Contribution</th><th scope="col" className={th}>Relation</th><th scope="col" className={th}>When</th>
            <th scope="col" className={th}>Kind · status</th>{showProject && <th scope="col" className={th}>Project</th>}
            <th scope="col" className={th}>Authors (hub betweenness)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {data.nodes.map((n) => (
            <tr key={n.id}>
              <th scope="row" className={`${td} text-left font-normal`}>
                {n.depth === 0 ? <span className="font-semibold">{n.title}</span> : <Link href={href(n.id)} className="text-moss-700 hover:underline">{n.title}</Link>}
                <span className="ml-1 text-stone-500">#{n.id}</span>
              </th>
              <td className={td}>{RELATION[n.depth]}</td>
              <td className={`${td} whitespace-nowrap`}>{formatDate(n.occurredAt)}</td>
              <td className={td}>{n.kind} · <Badge value={n.status} /></td>
              {showProject && <td className={td}>{n.projectName}</td>}
              <td className={td}>
                {n.authors.map((a, i) => (
                  <span key={a.userId}>{i > 0 && ", "}
                    <Link href={graphHref(filters, { contributor: a.handle })} className="text-moss-700 hover:underline">@{a.handle}</Link>
                    {a.isHub && <span className="ml-1 rounded bg-yellow-100 px-1 text-xs text-stone-900">hub {formatBetweenness(a.betweenness)}</span>}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </TableFrame>
      {data.edges.length > 0 && (
        <TableFrame title="Links in the picture" testId="graph-edge-table">
          <thead className="bg-stone-50 text-left text-xs text-stone-600">
            <tr><th scope="col" className={th}>Newer work</th><th scope="col" className={th}>Link</th><th scope="col" className={th}>Older work</th><th scope="col" className={th}>Status</th><th scope="col" className={`${th} text-right`}>Weight</th></tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {data.edges.map((e) => (
              <tr key={e.id}>
                <th scope="row" className={`${td} text-left font-normal`}>{byId.get(e.fromId)?.title}</th>
                <td className={td}>{LINK_TYPE_STYLE[e.type].label}</td>
                <td className={td}>{byId.get(e.toId)?.title}</td>
                <td className={td}><Badge value={e.status} /></td>
                <td className={`${td} text-right font-mono tabular-nums`}>{formatWeight(e.weight)}</td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
    </div>
  );
}
