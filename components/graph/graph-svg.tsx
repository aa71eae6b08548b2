// The explorer's picture, rendered on the server: a plain SVG whose nodes are links that re-focus the
// explorer. Domain-free: the caller maps its nodes and edges to labels, colours and hrefs. The
// tables beside it carry the same content for screen readers; here every node still has a name.
import { edgePath, type GraphLayout } from "./layout";
import { FOCUS_FILL, HUB_FILL, NODE_STROKE } from "./graph-style";

export interface SvgNode {
  key: string;
  href: string;
  label: string;
  /** hover text: the full label and its details */
  tooltip: string;
  /** what a screen reader announces for the link */
  ariaLabel: string;
  isFocus: boolean;
  isHub: boolean;
}

export interface SvgEdge {
  key: string;
  from: string;
  to: string;
  color: string;
  dash?: string;
  width: number;
  tooltip: string;
}

const RADIUS = 7;
const FOCUS_RADIUS = 10;
const HUB_HALO = 5;
// DejaVu Sans at 11 px averages about 6.6 px a character
const CHAR_WIDTH = 6.6;

export function shortenLabel(text: string, room: number): string {
  const max = Math.max(4, Math.floor(room / CHAR_WIDTH));
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function GraphSvg(props: {
  id: string;
  layout: GraphLayout;
  nodes: SvgNode[];
  edges: SvgEdge[];
  title: string;
  description: string;
  columnLabel?: (layer: number) => string;
}) {
  const { layout } = props;
  const colors = [...new Set(props.edges.map((e) => e.color))];
  const markerId = (color: string) => `${props.id}-arrow-${colors.indexOf(color)}`;
  const radiusOf = (n: SvgNode | undefined) => (n?.isFocus ? FOCUS_RADIUS : RADIUS) + (n?.isHub ? HUB_HALO : 0);
  const byKey = new Map(props.nodes.map((n) => [n.key, n]));
  return (
    <svg
      viewBox={`0 0 ${Math.round(layout.width)} ${Math.round(layout.height)}`}
      width="100%"
      style={{ maxWidth: Math.round(layout.width), minWidth: Math.min(640, Math.round(layout.width)) }}
      className="h-auto"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      data-testid="graph-svg"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      <defs>
        {colors.map((c) => (
          <marker key={c} id={markerId(c)} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 z" fill={c} />
          </marker>
        ))}
      </defs>
      {layout.rings.map((r) => <circle key={r.r} cx={r.cx} cy={r.cy} r={r.r} fill="none" stroke="#e7e5e4" strokeDasharray="3 5" />)}
      {props.columnLabel && layout.columns.map((c) => (
        <text key={c.layer} x={c.x + 4} y={22} fontSize={12} fontWeight={600} fill="#57534e">{props.columnLabel!(c.layer)}</text>
      ))}
      <g fill="none" aria-hidden="true">
        {props.edges.map((e) => (
          <path key={e.key} d={edgePath(layout, e.from, e.to, radiusOf(byKey.get(e.to)) + 1)} stroke={e.color} strokeWidth={e.width}
            strokeDasharray={e.dash} strokeOpacity={0.75} markerEnd={`url(#${markerId(e.color)})`}>
            <title>{e.tooltip}</title>
          </path>
        ))}
      </g>
      {props.nodes.map((n) => {
        const p = layout.nodes[n.key];
        if (!p) return null;
        const r = n.isFocus ? FOCUS_RADIUS : RADIUS;
        return (
          <a key={n.key} href={n.href} aria-label={n.ariaLabel} data-testid={`graph-node-${n.key}`} className="group">
            <title>{n.tooltip}</title>
            {n.isHub && <circle cx={p.x} cy={p.y} r={r + HUB_HALO} fill={HUB_FILL} stroke={NODE_STROKE} strokeWidth={1} />}
            <circle cx={p.x} cy={p.y} r={r} fill={n.isFocus ? FOCUS_FILL : "#ffffff"} stroke={NODE_STROKE} strokeWidth={n.isFocus ? 2 : 1.5}
              className="group-hover:stroke-[3px] group-focus-visible:stroke-[3px]" />
            <text x={p.label.x + (n.isHub ? HUB_HALO : 0) * (p.label.anchor === "end" ? -1 : p.label.anchor === "start" ? 1 : 0)} y={p.label.y}
              textAnchor={p.label.anchor} transform={p.label.rotate ? `rotate(${p.label.rotate} ${p.label.x} ${p.label.y})` : undefined}
              fontSize={n.isFocus ? 12 : 11} fontWeight={n.isFocus || n.isHub ? 700 : 400} fill="#1c1917"
              stroke="#ffffff" strokeWidth={3} strokeLinejoin="round" paintOrder="stroke" className="group-hover:underline">
              {shortenLabel(n.label, p.label.room)}
            </text>
          </a>
        );
      })}
    </svg>
  );
}
