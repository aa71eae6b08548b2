// Deterministic layouts for the graph explorer, pure (no DOM, no randomness): the same nodes and
// edges give the same picture whatever order they arrive in. Two shapes:
// - layered: one column per signed depth (older work left, newer right), each node a labelled box
//   so edges run between box sides and never under a label; a column wraps into sub-columns past
//   MAX_ROWS; nodes ordered by the barycentre of their neighbours in the column nearer the focus
//   (fewer crossings), ties by rank then key;
// - radial: the focus at the centre, one ring per distance; the first ring grouped into sectors
//   (e.g. sources left, builders right), outer rings ordered by the mean angle of their inner
//   neighbours. Ring radii grow with their node count so neighbours never crowd closer than SPACING.
// Coordinates are SVG user units, y down.

export interface LayoutEdge { from: string; to: string }

export interface LayeredNode {
  key: string;
  /** signed column: negative left of the focus column 0 */
  layer: number;
  /** relevance, lower first */
  rank: number;
}

export interface RadialNode {
  key: string;
  /** 0 the focus, 1.. the rings */
  ring: number;
  rank: number;
  /** sector of the first ring, drawn in this order starting left (0) round through the top */
  group?: number;
}

export interface LabelPlacement {
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  /** degrees, about (x, y) */
  rotate: number;
  /** room for the text in user units; the renderer shortens longer labels */
  room: number;
}

export interface PlacedNode {
  key: string;
  /** the node's centre (layered: the centre of its box) */
  x: number;
  y: number;
  label: LabelPlacement;
  /** layered: the box the node and its label fill */
  box?: { width: number; height: number };
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: Record<string, PlacedNode>;
  /** layered: one band per column, for headers */
  columns: { layer: number; x: number; width: number }[];
  /** radial: the centre and ring radii, for guides */
  rings: { cx: number; cy: number; r: number }[];
  kind: "layered" | "radial";
}

export const NODE_RADIUS = 12; // the largest drawn (the focus with its halo)
const MARGIN = 24;
const HEADER = 40;
const COL_WIDTH = 236;
export const BOX_WIDTH = 196;
export const BOX_HEIGHT = 46;
const ROW = 56;
export const MAX_ROWS = 28;
const BOX_PADDING = 8;

const byRankKey = <T extends { rank: number; key: string }>(a: T, b: T) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function neighbours(edges: LayoutEdge[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (a: string, b: string) => out.set(a, [...(out.get(a) ?? []), b]);
  for (const e of edges) {
    if (e.from === e.to) continue;
    add(e.from, e.to);
    add(e.to, e.from);
  }
  return out;
}

export function layeredLayout(input: LayeredNode[], edges: LayoutEdge[]): GraphLayout {
  const adj = neighbours(edges);
  const layers = new Map<number, LayeredNode[]>();
  for (const n of input) layers.set(n.layer, [...(layers.get(n.layer) ?? []), n]);
  const order = [...layers.keys()].sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
  // position (0..1) of each node within its column, filled from the focus outwards
  const pos = new Map<string, number>();
  for (const layer of order) {
    const inner = layer === 0 ? null : layer - Math.sign(layer);
    const bary = (n: LayeredNode) => {
      const ps = (adj.get(n.key) ?? []).filter((k) => inner !== null && layers.get(inner)?.some((m) => m.key === k)).map((k) => pos.get(k)!);
      return ps.length ? ps.reduce((s, p) => s + p, 0) / ps.length : Number.POSITIVE_INFINITY;
    };
    const nodes = layers.get(layer)!.map((n) => ({ n, b: bary(n) }));
    nodes.sort((a, b) => (a.b === b.b ? 0 : a.b < b.b ? -1 : 1) || byRankKey(a.n, b.n));
    layers.set(layer, nodes.map((x) => x.n));
    nodes.forEach((x, i) => pos.set(x.n.key, nodes.length === 1 ? 0.5 : i / (nodes.length - 1)));
  }
  const sorted = [...layers.keys()].sort((a, b) => a - b);
  const shape = sorted.map((layer) => {
    const n = layers.get(layer)!.length;
    const subCols = Math.ceil(n / MAX_ROWS);
    return { layer, n, subCols, rows: Math.ceil(n / subCols) };
  });
  const maxRows = Math.max(1, ...shape.map((s) => s.rows));
  const height = HEADER + maxRows * ROW + MARGIN;
  const nodes: Record<string, PlacedNode> = {};
  const columns: GraphLayout["columns"] = [];
  let x0 = MARGIN;
  for (const s of shape) {
    columns.push({ layer: s.layer, x: x0, width: s.subCols * COL_WIDTH });
    layers.get(s.layer)!.forEach((n, i) => {
      const col = Math.floor(i / s.rows);
      const row = i % s.rows;
      const inCol = Math.min(s.rows, s.n - col * s.rows);
      const x = x0 + col * COL_WIDTH + BOX_WIDTH / 2;
      const y = HEADER + ((maxRows - inCol) * ROW) / 2 + row * ROW + ROW / 2;
      const label = { x: x - BOX_WIDTH / 2 + BOX_PADDING, y, anchor: "start" as const, rotate: 0, room: BOX_WIDTH - 2 * BOX_PADDING };
      nodes[n.key] = { key: n.key, x, y, label, box: { width: BOX_WIDTH, height: BOX_HEIGHT } };
    });
    x0 += s.subCols * COL_WIDTH;
  }
  return { kind: "layered", width: x0 - (COL_WIDTH - BOX_WIDTH) + MARGIN, height, nodes, columns, rings: [] };
}

/** Neighbours along a ring sit at least this far apart: a hub's dot with its halo is 22 across. */
export const SPACING = 24;
const FIRST_RING = 150;
const RING_GAP = 190;
const OUTER_LABEL = 150;
/** up to this many nodes, a ring's labels are horizontal; beyond, they follow the radius */
const HORIZONTAL_LABELS = 10;

const TAU = 2 * Math.PI;
const norm = (a: number) => ((a % TAU) + TAU) % TAU;

export function radialLayout(input: RadialNode[], edges: LayoutEdge[]): GraphLayout {
  const adj = neighbours(edges);
  const rings = new Map<number, RadialNode[]>();
  for (const n of input) rings.set(n.ring, [...(rings.get(n.ring) ?? []), n]);
  const ringIds = [...rings.keys()].filter((r) => r > 0).sort((a, b) => a - b);
  const radii = new Map<number, number>();
  let r = 0;
  for (const id of ringIds) {
    const need = (rings.get(id)!.length * SPACING) / TAU;
    r = Math.max(r === 0 ? FIRST_RING : r + RING_GAP, need);
    radii.set(id, r);
  }
  const rOuter = r;
  const half = rOuter + (ringIds.length ? OUTER_LABEL : 80) + MARGIN;
  const cx = half;
  const cy = half;
  const angle = new Map<string, number>();
  const nodes: Record<string, PlacedNode> = {};
  for (const n of rings.get(0) ?? []) {
    nodes[n.key] = { key: n.key, x: cx, y: cy, label: { x: cx, y: cy + NODE_RADIUS + 16, anchor: "middle", rotate: 0, room: 2 * FIRST_RING - 40 } };
  }
  ringIds.forEach((id, ringIndex) => {
    const list = [...rings.get(id)!];
    let start: number;
    if (ringIndex === 0) {
      list.sort((a, b) => (a.group ?? 0) - (b.group ?? 0) || byRankKey(a, b));
      // centre the first group on the left (angle π)
      const first = list.filter((n) => (n.group ?? 0) === (list[0]?.group ?? 0)).length;
      start = Math.PI - (Math.PI * first) / list.length;
    } else {
      const mean = (n: RadialNode) => {
        const as = (adj.get(n.key) ?? []).map((k) => angle.get(k)).filter((a): a is number => a !== undefined);
        if (!as.length) return Number.POSITIVE_INFINITY;
        const sx = as.reduce((s, a) => s + Math.cos(a), 0);
        const sy = as.reduce((s, a) => s + Math.sin(a), 0);
        return norm(Math.atan2(sy, sx) - Math.PI / 2);
      };
      const keyed = list.map((n) => ({ n, m: mean(n) }));
      keyed.sort((a, b) => (a.m === b.m ? 0 : a.m < b.m ? -1 : 1) || byRankKey(a.n, b.n));
      list.splice(0, list.length, ...keyed.map((k) => k.n));
      start = Math.PI / 2;
    }
    const radius = radii.get(id)!;
    const next = radii.get(ringIds[ringIndex + 1]);
    const room = (next ? next - radius : OUTER_LABEL) - NODE_RADIUS - 12;
    const rotated = list.length > HORIZONTAL_LABELS;
    list.forEach((n, i) => {
      const a = norm(start + (TAU * (i + 0.5)) / list.length);
      angle.set(n.key, a);
      const x = cx + radius * Math.cos(a);
      const y = cy + radius * Math.sin(a);
      nodes[n.key] = { key: n.key, x, y, label: radialLabel(x, y, a, rotated, rotated ? room : Math.max(room, 120)) };
    });
  });
  const size = 2 * half;
  return { kind: "radial", width: size, height: size, nodes, columns: [], rings: ringIds.map((id) => ({ cx, cy, r: radii.get(id)! })) };
}

function radialLabel(x: number, y: number, a: number, rotated: boolean, room: number): LabelPlacement {
  const d = NODE_RADIUS + 2;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  if (rotated) {
    const isLeft = cos < 0;
    const deg = (a * 180) / Math.PI + (isLeft ? 180 : 0);
    return { x: x + d * cos, y: y + d * sin, anchor: isLeft ? "end" : "start", rotate: Math.round(deg * 100) / 100, room };
  }
  const anchor = cos > 0.3 ? "start" : cos < -0.3 ? "end" : "middle";
  const dy = anchor === "middle" ? (sin > 0 ? 18 : -10) : 4;
  return { x: x + d * cos, y: y + d * sin + dy, anchor, rotate: 0, room };
}

/**
 * The SVG path of an edge between two placed nodes, ending `inset` short of the target so an
 * arrowhead sits on its rim. Layered: a horizontal S-curve between box sides (an arc outside the
 * column when both ends share it); radial: a curve bowed towards the centre and to the left of its
 * direction, so the two directions of a mutual tie do not overlap.
 */
export function edgePath(layout: GraphLayout, fromKey: string, toKey: string, inset: number): string {
  const a = layout.nodes[fromKey];
  const b = layout.nodes[toKey];
  if (!a || !b) return "";
  const f = (v: number) => Math.round(v * 10) / 10;
  let c1: [number, number];
  let c2: [number, number];
  if (layout.kind === "layered") {
    // between box sides: leave a on the side facing b, arrive on b's side facing a (the left
    // sides, bowing out, when both share a column)
    const half = (n: PlacedNode) => (n.box?.width ?? 0) / 2;
    const dx = b.x - a.x;
    const dir = Math.abs(dx) < 1 ? 0 : Math.sign(dx);
    const sx = dir === 0 ? a.x - half(a) : a.x + dir * half(a);
    const tx = dir === 0 ? b.x - half(b) - inset : b.x - dir * (half(b) + inset);
    const bow = dir === 0 ? 30 + Math.abs(b.y - a.y) * 0.25 : Math.abs(tx - sx) / 2;
    const c1x = dir === 0 ? sx - bow : sx + dir * bow;
    const c2x = dir === 0 ? tx - bow : tx - dir * bow;
    return `M${f(sx)} ${f(a.y)} C${f(c1x)} ${f(a.y)} ${f(c2x)} ${f(b.y)} ${f(tx)} ${f(b.y)}`;
  } else {
    const { cx, cy } = layout.rings[0] ?? { cx: layout.width / 2, cy: layout.height / 2 };
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const pull = 0.35;
    // bow a little to the left of the direction of travel, so a→b and b→a stay two lines
    const bow = 0.12;
    c1 = c2 = [mx + (cx - mx) * pull + (b.y - a.y) * bow, my + (cy - my) * pull - (b.x - a.x) * bow];
  }
  const vx = b.x - c2[0];
  const vy = b.y - c2[1];
  const len = Math.hypot(vx, vy) || 1;
  const ex = b.x - (vx / len) * inset;
  const ey = b.y - (vy / len) * inset;
  return `M${f(a.x)} ${f(a.y)} C${f(c1[0])} ${f(c1[1])} ${f(c2[0])} ${f(c2[1])} ${f(ex)} ${f(ey)}`;
}

/**
 * Splits a label into at most `lines` lines of at most `maxChars` characters, at spaces where it
 * can; the last line ends in an ellipsis when the text does not fit.
 */
export function wrapLabel(text: string, maxChars: number, lines: number): string[] {
  const out: string[] = [];
  let rest = text.trim().replace(/\s+/g, " ");
  while (rest && out.length < lines) {
    const isLast = out.length === lines - 1;
    if (rest.length <= maxChars) {
      out.push(rest);
      rest = "";
      break;
    }
    if (isLast) {
      out.push(`${rest.slice(0, maxChars - 1).trimEnd()}…`);
      rest = "";
      break;
    }
    const cut = rest.lastIndexOf(" ", maxChars);
    const at = cut > maxChars / 3 ? cut : maxChars;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  return out;
}
