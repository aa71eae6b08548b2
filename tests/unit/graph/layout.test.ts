import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { BOX_WIDTH, edgePath, layeredLayout, MAX_ROWS, NODE_RADIUS, radialLayout, SPACING, wrapLabel, type GraphLayout, type LayeredNode, type PlacedNode, type RadialNode } from "@/components/graph/layout";

/** Every node (its box, when it has one) inside the viewBox; dots at least `minDistance` apart, boxes not overlapping. */
function expectInsideAndApart(layout: GraphLayout, minDistance: number) {
  const placed = Object.values(layout.nodes);
  const half = (n: PlacedNode) => (n.box ? [n.box.width / 2, n.box.height / 2] : [NODE_RADIUS, NODE_RADIUS]);
  for (const n of placed) {
    const [hw, hh] = half(n);
    expect(n.x - hw).toBeGreaterThanOrEqual(0);
    expect(n.y - hh).toBeGreaterThanOrEqual(0);
    expect(n.x + hw).toBeLessThanOrEqual(layout.width);
    expect(n.y + hh).toBeLessThanOrEqual(layout.height);
  }
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const [a, b] = [placed[i], placed[j]];
      if (a.box && b.box) {
        const apartX = Math.abs(a.x - b.x) >= (a.box.width + b.box.width) / 2;
        const apartY = Math.abs(a.y - b.y) >= (a.box.height + b.box.height) / 2;
        expect(apartX || apartY).toBe(true);
      } else {
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(minDistance);
      }
    }
  }
}

// A contribution neighbourhood in miniature: focus f; it builds on a1, a2 (older), a1 builds on b1;
// n1, n2 build on f (newer), m1 builds on n2, m0 on n1.
const SMALL: LayeredNode[] = [
  { key: "f", layer: 0, rank: 0 },
  { key: "a1", layer: -1, rank: 1 },
  { key: "a2", layer: -1, rank: 3 },
  { key: "n1", layer: 1, rank: 2 },
  { key: "n2", layer: 1, rank: 4 },
  { key: "b1", layer: -2, rank: 5 },
  { key: "m1", layer: 2, rank: 6 },
  { key: "m0", layer: 2, rank: 7 },
];
const SMALL_EDGES = [
  { from: "f", to: "a1" }, { from: "f", to: "a2" }, { from: "a1", to: "b1" },
  { from: "n1", to: "f" }, { from: "n2", to: "f" }, { from: "m1", to: "n2" }, { from: "m0", to: "n1" },
];

const layeredArb = fc
  .array(fc.record({ layer: fc.integer({ min: -2, max: 2 }), rank: fc.integer({ min: 1, max: 500 }) }), { maxLength: 149 })
  .map((xs) => [{ key: "focus", layer: 0, rank: 0 }, ...xs.map((x, i) => ({ key: `c${i}`, layer: x.layer === 0 ? 1 : x.layer, rank: x.rank }))]);
const edgesFor = (keys: string[]) => fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 200 }).map((pairs) =>
  pairs.map(([a, b]) => ({ from: keys[a % keys.length], to: keys[b % keys.length] })));

describe("layeredLayout", () => {
  test("puts older work left of the focus and newer work right, one column per depth", () => {
    const l = layeredLayout(SMALL, SMALL_EDGES);
    const x = (k: string) => l.nodes[k].x;
    expect(x("b1")).toBeLessThan(x("a1"));
    expect(x("a1")).toBe(x("a2"));
    expect(x("a1")).toBeLessThan(x("f"));
    expect(x("f")).toBeLessThan(x("n1"));
    expect(x("n1")).toBeLessThan(x("m1"));
    expect(l.columns.map((c) => c.layer)).toEqual([-2, -1, 0, 1, 2]);
  });

  test("orders a column by relevance, and an outer column by where its neighbours sit", () => {
    const l = layeredLayout(SMALL, SMALL_EDGES);
    expect(l.nodes.a1.y).toBeLessThan(l.nodes.a2.y);
    expect(l.nodes.n1.y).toBeLessThan(l.nodes.n2.y);
    // m1 ranks before m0 but hangs off n2, the lower of the newer pair: neighbours beat rank
    expect(l.nodes.m0.y).toBeLessThan(l.nodes.m1.y);
    expect(l.nodes.b1.y).toBe(l.nodes.f.y);
  });

  test("wraps a column past MAX_ROWS into sub-columns", () => {
    const many: LayeredNode[] = [{ key: "f", layer: 0, rank: 0 }, ...Array.from({ length: 60 }, (_, i) => ({ key: `n${i}`, layer: 1, rank: i + 1 }))];
    const l = layeredLayout(many, []);
    const xs = new Set(many.slice(1).map((n) => l.nodes[n.key].x));
    expect(xs.size).toBe(Math.ceil(60 / MAX_ROWS));
    expectInsideAndApart(l, 0);
  });

  test("is deterministic and ignores the order nodes and edges arrive in", () => {
    fc.assert(
      fc.property(layeredArb.chain((nodes) => fc.tuple(fc.constant(nodes), edgesFor(nodes.map((n) => n.key)), fc.nat())), ([nodes, edges, seed]) => {
        const a = layeredLayout(nodes, edges);
        const shuffled = [...nodes].sort((x, y) => ((x.key.length * 31 + seed) % 7) - ((y.key.length * 31 + seed) % 7) || (x.key < y.key ? 1 : -1));
        const b = layeredLayout(shuffled, [...edges].reverse());
        expect(b).toEqual(a);
        expect(layeredLayout(nodes, edges)).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  test("keeps every node inside the viewBox and no two nodes on the same spot", () => {
    fc.assert(
      fc.property(layeredArb.chain((nodes) => fc.tuple(fc.constant(nodes), edgesFor(nodes.map((n) => n.key)))), ([nodes, edges]) => {
        const l = layeredLayout(nodes, edges);
        expect(Object.keys(l.nodes)).toHaveLength(nodes.length);
        expectInsideAndApart(l, 0);
      }),
      { numRuns: 60 },
    );
  });
});

const radialArb = fc
  .array(fc.record({ ring: fc.integer({ min: 1, max: 2 }), rank: fc.integer({ min: 1, max: 500 }), group: fc.integer({ min: 0, max: 2 }) }), { maxLength: 149 })
  .map((xs): RadialNode[] => [{ key: "focus", ring: 0, rank: 0 }, ...xs.map((x, i) => ({ key: `u${i}`, ...x }))]);

describe("radialLayout", () => {
  test("centres the focus, puts the first group on the left and the last on the right", () => {
    const nodes: RadialNode[] = [
      { key: "me", ring: 0, rank: 0 },
      { key: "src1", ring: 1, rank: 1, group: 0 },
      { key: "src2", ring: 1, rank: 2, group: 0 },
      { key: "both", ring: 1, rank: 3, group: 1 },
      { key: "b1", ring: 1, rank: 4, group: 2 },
      { key: "b2", ring: 1, rank: 5, group: 2 },
      { key: "far", ring: 2, rank: 6 },
    ];
    const l = radialLayout(nodes, [{ from: "b1", to: "me" }, { from: "far", to: "b1" }]);
    const { cx, cy } = l.rings[0];
    expect([l.nodes.me.x, l.nodes.me.y]).toEqual([cx, cy]);
    expect(l.nodes.src1.x).toBeLessThan(cx);
    expect(l.nodes.src2.x).toBeLessThan(cx);
    expect(l.nodes.b1.x).toBeGreaterThan(cx);
    expect(l.nodes.b2.x).toBeGreaterThan(cx);
    expect(l.rings.map((r) => r.r)[1]).toBeGreaterThan(l.rings[0].r);
    expect(Math.hypot(l.nodes.far.x - cx, l.nodes.far.y - cy)).toBeCloseTo(l.rings[1].r, 6);
  });

  test("is deterministic and ignores the order nodes arrive in", () => {
    fc.assert(
      fc.property(radialArb.chain((nodes) => fc.tuple(fc.constant(nodes), edgesFor(nodes.map((n) => n.key)))), ([nodes, edges]) => {
        const a = radialLayout(nodes, edges);
        expect(radialLayout([...nodes].reverse(), [...edges].reverse())).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  test("keeps every node inside the viewBox and neighbours on a ring at least SPACING apart", () => {
    fc.assert(
      fc.property(radialArb.chain((nodes) => fc.tuple(fc.constant(nodes), edgesFor(nodes.map((n) => n.key)))), ([nodes, edges]) => {
        const l = radialLayout(nodes, edges);
        expect(Object.keys(l.nodes)).toHaveLength(nodes.length);
        // neighbours on a ring of n nodes are a chord 2r·sin(π/n) apart; with r ≥ max(150, n·SPACING/2π)
        // that is ≥ 0.99·SPACING for every n, and rings are ≥ 150 apart
        expectInsideAndApart(l, 0.9 * SPACING);
      }),
      { numRuns: 60 },
    );
  });
});

describe("edgePath", () => {
  const end = (d: string) => d.split(" ").slice(-2).map(Number);
  test("layered: runs from the newer box's left side to the older box's right side, `inset` short", () => {
    const l = layeredLayout(SMALL, SMALL_EDGES);
    const d = edgePath(l, "n1", "f", 3);
    expect(d.startsWith(`M${l.nodes.n1.x - BOX_WIDTH / 2} ${l.nodes.n1.y} C`)).toBe(true);
    expect(end(d)).toEqual([l.nodes.f.x + BOX_WIDTH / 2 + 3, l.nodes.f.y]);
    expect(edgePath(l, "n1", "missing", 3)).toBe("");
  });

  test("radial: ends `inset` from the target's centre, so the arrowhead sits on its rim", () => {
    const l = radialLayout([{ key: "me", ring: 0, rank: 0 }, { key: "a", ring: 1, rank: 1 }, { key: "b", ring: 1, rank: 2 }], []);
    const [ex, ey] = end(edgePath(l, "a", "b", 10));
    expect(Math.hypot(ex - l.nodes.b.x, ey - l.nodes.b.y)).toBeCloseTo(10, 0);
  });
});

describe("wrapLabel", () => {
  test("wraps at spaces, keeps short labels whole and ends a cut label with an ellipsis", () => {
    expect(wrapLabel("Tide gauge labels", 27, 2)).toEqual(["Tide gauge labels"]);
    expect(wrapLabel("Review of buoy telemetry batch from Reykjavík", 27, 2)).toEqual(["Review of buoy telemetry", "batch from Reykjavík"]);
    expect(wrapLabel("Review of sea-surface temperature batch from Mombasa harbour", 27, 2)).toEqual(["Review of sea-surface", "temperature batch from Mom…"]);
    expect(wrapLabel("Supercalifragilisticexpialidocious-and-more", 10, 2)).toEqual(["Supercalif", "ragilisti…"]);
  });
});
