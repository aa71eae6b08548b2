import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { runCascade } from "@/lib/metrics/attribution";
import { computeAttributionFlow } from "@/lib/metrics/attribution-flow";
import type { ContributionRow, Graph, LinkRow } from "@/lib/metrics/graph";
import { DEFAULT_PARAMS, type MetricParams } from "@/lib/metrics/params";
import { periodOf } from "@/lib/metrics/periods";
import { graphOf, inWeek } from "./fixtures";

// Random DAGs with many equal times (two instants per week over 13 weeks, so flows span more than
// one sweep batch and have empty weeks) and links in both index directions between equal-time
// contributions. A hidden rank orders each instant's contributions so the links stay acyclic; the
// engine must not rely on index order.
const dagArb = fc
  .record({
    nodes: fc.array(
      fc.record({
        slot: fc.integer({ min: 0, max: 25 }),
        rank: fc.integer({ min: 0, max: 1_000_000 }),
        a1: fc.integer({ min: 1, max: 6 }),
        a2: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
        share: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        status: fc.constantFrom(1, 1, 1, 0, 2, 3),
        kind: fc.integer({ min: 0, max: 8 }),
        project: fc.integer({ min: 1, max: 2 }),
      }),
      { minLength: 2, maxLength: 60 },
    ),
    edges: fc.array(
      fc.record({ a: fc.nat({ max: 59 }), b: fc.nat({ max: 59 }), type: fc.integer({ min: 0, max: 3 }), status: fc.integer({ min: 0, max: 3 }) }),
      { minLength: 1, maxLength: 180 },
    ),
    rho: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ nodes, edges, rho }) => {
    const contributions: ContributionRow[] = nodes.map((n, i) => ({
      id: i + 1,
      occurredAt: inWeek(Math.floor(n.slot / 2), (n.slot % 2) * 2),
      projectId: n.project, kind: n.kind, status: n.status,
      authors: n.a2 !== null && n.a2 !== n.a1
        ? [{ contributorId: n.a1, share: n.share }, { contributorId: n.a2, share: 1 - n.share }]
        : [{ contributorId: n.a1, share: 1 }],
    }));
    const key = (i: number) => [contributions[i].occurredAt, nodes[i].rank, i];
    const newer = (i: number, j: number) => {
      const [ti, ri, ii] = key(i), [tj, rj, ij] = key(j);
      return ti > tj || (ti === tj && (ri > rj || (ri === rj && ii > ij)));
    };
    const links: LinkRow[] = [];
    edges.forEach((e, k) => {
      const i = e.a % nodes.length, j = e.b % nodes.length;
      if (i === j) return;
      const [from, to] = newer(i, j) ? [i, j] : [j, i];
      links.push({ id: k + 1, from: from + 1, to: to + 1, type: e.type, status: e.status });
    });
    return { contributions, links, rho };
  });

/** The cascade written the slow, obvious way: a full topological sort, then the rule verbatim. */
function referenceKept(g: Graph, params: MetricParams, minted: Float64Array): Float64Array {
  const w = (e: number) => params.typeWeights[(["builds_on", "fixes", "reviews", "cites"] as const)[g.outType[e]]] *
    [params.statusFactors.unconfirmed, params.statusFactors.confirmed, params.statusFactors.disputed, 0][g.outStatus[e]];
  const indeg = new Array(g.nC).fill(0);
  for (let e = 0; e < g.nE; e++) indeg[g.outTo[e]]++;
  const queue = [...Array(g.nC).keys()].filter((i) => indeg[i] === 0);
  const held = new Array(g.nC).fill(0);
  const kept = new Float64Array(g.nC);
  while (queue.length > 0) {
    const i = queue.shift()!;
    const c = minted[i] + held[i];
    let tot = 0;
    for (let e = g.outStart[i]; e < g.outStart[i + 1]; e++) tot += w(e);
    kept[i] = tot > 0 ? (1 - params.passThrough) * c : c;
    for (let e = g.outStart[i]; e < g.outStart[i + 1]; e++) {
      if (tot > 0) held[g.outTo[e]] += (params.passThrough * c * w(e)) / tot;
      if (--indeg[g.outTo[e]] === 0) queue.push(g.outTo[e]);
    }
  }
  return kept;
}

describe("cascade properties", () => {
  test("conserves credit and matches a plain topological-order cascade on random DAGs", () => {
    fc.assert(
      fc.property(dagArb, ({ contributions, links, rho }) => {
        const g = graphOf(contributions, links);
        const params = { ...DEFAULT_PARAMS, passThrough: rho };
        const r = runCascade(g, params);
        expect(Math.abs(r.totalAttribution - r.totalMinted)).toBeLessThan(1e-9);
        const ref = referenceKept(g, params, r.minted);
        for (let i = 0; i < g.nC; i++) expect(Math.abs(r.kept[i] - ref[i])).toBeLessThan(1e-9);
      }),
      { numRuns: 300, seed: 20241122 },
    );
  });

  test("conserves credit inside each project", () => {
    fc.assert(
      fc.property(dagArb, ({ contributions, links }) => {
        const g = graphOf(contributions, links);
        for (let p = 0; p < g.projectIds.length; p++) {
          const r = runCascade(g, DEFAULT_PARAMS, p);
          expect(Math.abs(r.totalAttribution - r.totalMinted)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  test("splits the flow exactly into periods, own credit and links", () => {
    fc.assert(
      fc.property(dagArb, ({ contributions, links, rho }) => {
        const g = graphOf(contributions, links);
        const params = { ...DEFAULT_PARAMS, passThrough: rho };
        const r = runCascade(g, params);
        const f = computeAttributionFlow(g, r, { unit: "week", topK: 1000 });
        const s = f.sources!;
        const perU = new Float64Array(g.nU);
        const mintedIn = new Float64Array(f.nPeriods);
        for (let i = 0; i < g.nC; i++) mintedIn[periodOf(g.time[i], "week") - f.firstPeriod] += r.minted[i];
        for (let p = 0; p < f.nPeriods; p++) {
          let sum = 0;
          for (let row = f.periodStart[p]; row < f.periodStart[p + 1]; row++) {
            perU[f.contributor[row]] += f.value[row];
            sum += f.value[row];
            let links = 0, sources = 0;
            for (let k = s.linkStart[row]; k < s.linkStart[row + 1]; k++) links += s.linkValue[k];
            for (let k = s.sourceStart[row]; k < s.sourceStart[row + 1]; k++) sources += s.sourceValue[k];
            expect(Math.abs(f.own[row] + links - f.value[row])).toBeLessThan(1e-9);
            expect(Math.abs(sources - links)).toBeLessThan(1e-9);
          }
          expect(Math.abs(sum - mintedIn[p])).toBeLessThan(1e-9);
        }
        for (let u = 0; u < g.nU; u++) expect(Math.abs(perU[u] - r.attribution[u])).toBeLessThan(1e-9);
      }),
      { numRuns: 200, seed: 99 },
    );
  });
});
