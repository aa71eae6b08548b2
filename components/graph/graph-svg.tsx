// The explorer's picture, rendered on the server: a plain SVG whose nodes are links that re-focus the
// explorer. Domain-free: the caller maps its nodes and edges to labels, colours and hrefs, and
// orders the edges (later ones are drawn on top). The tables beside it carry the same content, with
// each link's details, for screen readers and exact numbers; here every node still has a name.
import { edgePath, wrapLabel, type GraphLayout, type PlacedNode } from "./layout";
import { FOCUS_FILL, HUB_FILL, NODE_STROKE } from "./graph-style";

export interface SvgNode {
  key: string;
  href: string;
  label: string;
  /** a last, smaller line (boxes only), e.g. the authors; bold segments stand out */
  sublabel?: { text: string; isBold: boolean }[];
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
  /** default 0.8 */
  opacity?: number;
}

const RADIUS = 7;
const FOCUS_RADIUS = 10;
const HUB_HALO = 4;
const STRIPE = 10;
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
  const byKey = new Map(props.nodes.map((n) => [n.key, n]));
  // how far short of the target's centre (dots) or side (boxes) an edge stops, so its arrowhead shows
  const insetOf = (key: string) => {
    const n = byKey.get(key);
    if (layout.nodes[key]?.box) return 1;
    return (n?.isFocus ? FOCUS_RADIUS : RADIUS) + (n?.isHub ? HUB_HALO : 0) + 1;
  };
  return (
    <svg
      viewBox={`0 0 ${Math.round(layout.width)} ${Math.round(layout.height)}`}
      width="100%"
      // never drawn larger than life, and never shrunk below 85 % (labels stay ≥ 9 px): narrow
      // screens scroll the picture sideways instead
      style={{ maxWidth: Math.round(layout.width), minWidth: Math.round(layout.width * 0.85) }}
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
          <path key={e.key} d={edgePath(layout, e.from, e.to, insetOf(e.to))} stroke={e.color} strokeWidth={e.width}
            strokeDasharray={e.dash} strokeOpacity={e.opacity ?? 0.8} markerEnd={`url(#${markerId(e.color)})`} />
        ))}
      </g>
      {props.nodes.map((n) => {
        const p = layout.nodes[n.key];
        if (!p) return null;
        return (
          <a key={n.key} href={n.href} aria-label={n.ariaLabel} data-testid={`graph-node-${n.key}`} className="group">
            <title>{n.tooltip}</title>
            {p.box ? <BoxNode n={n} p={p} /> : <DotNode n={n} p={p} />}
          </a>
        );
      })}
    </svg>
  );
}

const textProps = { stroke: "#ffffff", strokeWidth: 3, strokeLinejoin: "round" as const, paintOrder: "stroke" };

/** A dot with its label beside it (radial layouts). Hubs wear a yellow halo. */
function DotNode({ n, p }: { n: SvgNode; p: PlacedNode }) {
  const r = n.isFocus ? FOCUS_RADIUS : RADIUS;
  const shift = (n.isHub ? HUB_HALO : 0) * (p.label.anchor === "end" ? -1 : p.label.anchor === "start" ? 1 : 0);
  return (
    <>
      {n.isHub && <circle cx={p.x} cy={p.y} r={r + HUB_HALO} fill={HUB_FILL} stroke={NODE_STROKE} strokeWidth={1} />}
      <circle cx={p.x} cy={p.y} r={r} fill={n.isFocus ? FOCUS_FILL : "#ffffff"} stroke={NODE_STROKE} strokeWidth={n.isFocus ? 2 : 1.5}
        className="group-hover:stroke-[3px] group-focus-visible:stroke-[3px]" />
      <text x={p.label.x + shift} y={p.label.y} textAnchor={p.label.anchor} dominantBaseline={p.label.rotate ? "central" : undefined}
        transform={p.label.rotate ? `rotate(${p.label.rotate} ${p.label.x} ${p.label.y})` : undefined}
        fontSize={n.isFocus ? 12 : 11} fontWeight={n.isFocus || n.isHub ? 700 : 400} fill="#1c1917" {...textProps} className="group-hover:underline">
        {shortenLabel(n.label, p.label.room)}
      </text>
    </>
  );
}

/** A labelled box (layered layouts): white, moss for the focus; a hub's work wears a yellow stripe. */
function BoxNode({ n, p }: { n: SvgNode; p: PlacedNode }) {
  const { width, height } = p.box!;
  const x = p.x - width / 2;
  const y = p.y - height / 2;
  const indent = n.isHub ? STRIPE : 0;
  const room = p.label.room - indent;
  const lines = wrapLabel(n.label, Math.floor(room / CHAR_WIDTH), 2);
  const ink = n.isFocus ? "#ffffff" : "#1c1917";
  const tx = p.label.x + indent;
  const total = lines.length + (n.sublabel ? 1 : 0);
  const top = p.y - ((total - 1) * LINE) / 2 + 4;
  return (
    <>
      <rect x={x} y={y} width={width} height={height} rx={5} fill={n.isFocus ? FOCUS_FILL : "#ffffff"} stroke={NODE_STROKE} strokeWidth={n.isFocus ? 2 : 1}
        className="group-hover:stroke-[2.5px] group-focus-visible:stroke-[3px]" />
      {n.isHub && <path d={`M${x + 5} ${y} h${STRIPE - 5} v${height} h${-(STRIPE - 5)} a5 5 0 0 1 -5 -5 v${-(height - 10)} a5 5 0 0 1 5 -5 z`} fill={HUB_FILL} stroke={NODE_STROKE} strokeWidth={1} />}
      <text x={tx} y={top} fontSize={11} fontWeight={n.isFocus ? 700 : 400} fill={ink} className="group-hover:underline">
        {lines.map((line, i) => <tspan key={i} x={tx} dy={i === 0 ? 0 : LINE}>{line}</tspan>)}
      </text>
      {n.sublabel && (
        <text x={tx} y={top + lines.length * LINE} fontSize={10} fill={ink} opacity={n.isFocus ? 0.95 : 0.85}>
          {fitSegments(n.sublabel, room).map((seg, i) => <tspan key={i} fontWeight={seg.isBold ? 700 : 400}>{seg.text}</tspan>)}
        </text>
      )}
    </>
  );
}

const LINE = 13;

/** Segments cut to fit `room` (10 px text), the last one ending in an ellipsis when cut. */
function fitSegments(segments: { text: string; isBold: boolean }[], room: number) {
  let left = Math.floor(room / 6.8); // bold 10 px DejaVu Sans
  const out: { text: string; isBold: boolean }[] = [];
  for (const seg of segments) {
    if (left <= 1) break;
    const text = seg.text.length <= left ? seg.text : `${seg.text.slice(0, left - 1)}…`;
    out.push({ text, isBold: seg.isBold });
    left -= text.length;
  }
  return out;
}
