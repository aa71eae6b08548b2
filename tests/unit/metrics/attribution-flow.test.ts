import { describe, expect, test } from "vitest";
import { runCascade } from "@/lib/metrics/attribution";
import { type AttributionFlow, computeAttributionFlow, sumFlow } from "@/lib/metrics/attribution-flow";
import { DEFAULT_PARAMS, decayFor } from "@/lib/metrics/params";
import { periodOf } from "@/lib/metrics/periods";
import {
  contributorVisibility, forEachVisibility, visibilityAt, visibilityShare, visibilityTotals,
} from "@/lib/metrics/visibility";
import { cascadeLinks, cascadeRows } from "./attribution-data";
import { W0, contributionOf, contributorIndex, graphOf, inWeek, link } from "./fixtures";

// Dataset: attribution-data.ts (A, B in week 0; C, D in week 1, C at Monday 00:00; E, F in week 2).
// Per origin period, by hand (contributor order Ana, Bo, Cy, Di):
//   week 0: A and B have no out-links: Ana 1, Bo 1, all own.
//   week 1: C holds 0.5, passes 0.15 to A, keeps 0.35 (Cy ½, Ana ½); D holds 0 (rejected, no row).
//           Ana 0.15 + 0.175 = 0.325 (own 0.175), Cy 0.175 (own 0.175).
//   week 2: E keeps 0.7 (Bo); F holds 38/35, keeps 0.76 (Di), passes 57/175 to B (Bo);
//           C holds 6/35, keeps 0.12 (Cy 0.06, Ana 0.06), passes 9/175 to A; A keeps 3/70 + 9/175.
//           Ana 54/350, Bo 0.7 + 57/175, Cy 0.06, Di 0.76 (own 0.7).
const g = graphOf(cascadeRows, cascadeLinks);
const cascade = runCascade(g, DEFAULT_PARAMS);
const w0 = periodOf(W0, "week");
const [ana, bo, cy, di] = [1, 2, 3, 4].map((id) => contributorIndex(g, id));

function rowsOf(f: AttributionFlow, p: number) {
  const out: { u: number; value: number; own: number; r: number }[] = [];
  for (let r = f.periodStart[p]; r < f.periodStart[p + 1]; r++) out.push({ u: f.contributor[r], value: f.value[r], own: f.own[r], r });
  return out;
}

describe("attribution flow", () => {
  const flow = computeAttributionFlow(g, cascade, { unit: "week" });

  test("dates credit to the period of the contribution that minted it", () => {
    expect(flow.firstPeriod).toBe(w0);
    expect(flow.nPeriods).toBe(3);
    const p0 = rowsOf(flow, 0), p1 = rowsOf(flow, 1), p2 = rowsOf(flow, 2);
    expect(p0.map((x) => [x.u, x.value, x.own])).toEqual([[ana, 1, 1], [bo, 1, 1]]);
    expect(p1.map((x) => x.u)).toEqual([ana, cy]);
    expect(p1[0].value).toBeCloseTo(0.325, 12);
    expect(p1[0].own).toBeCloseTo(0.175, 12);
    expect(p1[1].value).toBeCloseTo(0.175, 12);
    expect(p2.map((x) => x.u)).toEqual([ana, bo, cy, di]);
    [54 / 350, 0.7 + 57 / 175, 0.06, 0.76].forEach((v, k) => expect(p2[k].value).toBeCloseTo(v, 12));
    [0, 0.7, 0, 0.7].forEach((v, k) => expect(p2[k].own).toBeCloseTo(v, 12));
  });

  test("puts a contribution at Monday 00:00 UTC in the week that starts then", () => {
    expect(rowsOf(flow, 1).find((x) => x.u === cy)?.own).toBeCloseTo(0.175, 12);
  });

  test("sums over periods to the cascade's attribution", () => {
    const total = sumFlow(flow, g.nU, w0, w0 + 2);
    for (let u = 0; u < g.nU; u++) expect(total[u]).toBeCloseTo(cascade.attribution[u], 12);
    expect(sumFlow(flow, g.nU, w0 + 1, w0 + 1)[ana]).toBeCloseTo(0.325, 12);
  });

  test("names the links and the contributors whose work carried the inflow", () => {
    const s = flow.sources!;
    const anaRow = rowsOf(flow, 2)[0].r;
    const links = Array.from(s.linkEdge.subarray(s.linkStart[anaRow], s.linkStart[anaRow + 1])).map((e) => g.linkId[e]);
    expect(links).toEqual([2, 7, 3]);
    const lv = s.linkValue.subarray(s.linkStart[anaRow], s.linkStart[anaRow + 1]);
    [0.06, 9 / 175, 3 / 70].forEach((v, k) => expect(lv[k]).toBeCloseTo(v, 12));
    // Sources: Bo (E: 0.06 + 3/70), then Ana and Cy tied at ½ · 9/175 each, lower index first.
    const src = Array.from(s.sourceContributor.subarray(s.sourceStart[anaRow], s.sourceStart[anaRow + 1]));
    expect(src).toEqual([bo, ana, cy]);
    const sv = s.sourceValue.subarray(s.sourceStart[anaRow], s.sourceStart[anaRow + 1]);
    [0.06 + 3 / 70, 4.5 / 175, 4.5 / 175].forEach((v, k) => expect(sv[k]).toBeCloseTo(v, 12));

    const diRow = rowsOf(flow, 2)[3].r;
    expect(g.linkId[s.linkEdge[s.linkStart[diRow]]]).toBe(5);
    expect(s.sourceContributor[s.sourceStart[diRow]]).toBe(bo);
    expect(s.sourceValue[s.sourceStart[diRow]]).toBeCloseTo(0.06, 12);
  });

  test("keeps only the top k links and sources", () => {
    const f2 = computeAttributionFlow(g, cascade, { unit: "week", topK: 2 });
    const s = f2.sources!;
    const anaRow = rowsOf(f2, 2)[0].r;
    expect(Array.from(s.linkEdge.subarray(s.linkStart[anaRow], s.linkStart[anaRow + 1])).map((e) => g.linkId[e])).toEqual([2, 7]);
    expect(s.sourceStart[anaRow + 1] - s.sourceStart[anaRow]).toBe(2);
  });

  test("explains only the chosen contributors when asked", () => {
    const explain = new Uint8Array(g.nU);
    explain[di] = 1;
    const f = computeAttributionFlow(g, cascade, { unit: "week", explain });
    const s = f.sources!;
    const [anaRow, , , diRow] = rowsOf(f, 2).map((x) => x.r);
    expect(s.linkStart[anaRow + 1] - s.linkStart[anaRow]).toBe(0);
    expect(s.sourceStart[anaRow + 1] - s.sourceStart[anaRow]).toBe(0);
    expect(g.linkId[s.linkEdge[s.linkStart[diRow]]]).toBe(5);
    expect(s.sourceValue[s.sourceStart[diRow]]).toBeCloseTo(0.06, 12);
  });

  test("skips the decomposition when asked", () => {
    expect(computeAttributionFlow(g, cascade, { unit: "week", withSources: false }).sources).toBeNull();
  });

  test("extends the series with empty periods through the requested one", () => {
    const f = computeAttributionFlow(g, cascade, { unit: "week", throughPeriod: w0 + 4 });
    expect(f.nPeriods).toBe(5);
    expect(f.periodStart[3]).toBe(f.periodStart[5]);
  });

  test("dates credit across empty weeks and sweep batches", () => {
    // X (u1, week 0); Y (u2, week 9) builds on X. Weeks 1–8 are empty; week 9 is in the second
    // batch of eight. Week 0: u1 1. Week 9: u1 0.3 (through Y→X, source u2), u2 0.7.
    const g2 = graphOf([contributionOf(1, inWeek(0), [[1, 1]]), contributionOf(2, inWeek(9), [[2, 1]])], [link(1, 2, 1)]);
    const f = computeAttributionFlow(g2, runCascade(g2, DEFAULT_PARAMS), { unit: "week" });
    expect(f.nPeriods).toBe(10);
    expect(rowsOf(f, 0).map((x) => [x.u, x.value])).toEqual([[0, 1]]);
    for (let p = 1; p <= 8; p++) expect(rowsOf(f, p)).toEqual([]);
    const w9 = rowsOf(f, 9);
    expect(w9.map((x) => x.u)).toEqual([0, 1]);
    expect(w9[0].value).toBeCloseTo(0.3, 15);
    expect(w9[0].own).toBe(0);
    expect(w9[1].value).toBeCloseTo(0.7, 15);
    expect(f.sources!.sourceContributor[f.sources!.sourceStart[w9[0].r]]).toBe(1);
  });

  test("is empty on an empty graph", () => {
    const f = computeAttributionFlow(graphOf([]), runCascade(graphOf([]), DEFAULT_PARAMS), { unit: "week" });
    expect(f.contributor.length).toBe(0);
  });
});

describe("visibility", () => {
  // d = 0.1 weekly. Ana: V = 1, 0.9 + 0.325 = 1.225, 1.1025 + 54/350. Totals: 2, 1.8 + 0.5 = 2.3,
  // 2.07 + 2 = 4.07. Two empty weeks later everything has decayed by 0.81.
  const flow = computeAttributionFlow(g, cascade, { unit: "week", throughPeriod: w0 + 4 });
  const d = decayFor("week", DEFAULT_PARAMS);

  test("decays the stock by d per week and adds the period's flow", () => {
    const v = contributorVisibility(flow, ana, d);
    [1, 1.225, 1.1025 + 54 / 350, 0.9 * (1.1025 + 54 / 350), 0.81 * (1.1025 + 54 / 350)].forEach((x, p) =>
      expect(v[p]).toBeCloseTo(x, 12));
    const t = visibilityTotals(flow, d);
    [2, 2.3, 4.07, 3.663, 3.2967].forEach((x, p) => expect(t[p]).toBeCloseTo(x, 12));
  });

  test("streams every period with the same numbers", () => {
    const seen: number[][] = [];
    forEachVisibility(flow, g.nU, d, (period, stock, total) => seen.push([period, stock[ana], total]));
    expect(seen.map((x) => x[0])).toEqual([w0, w0 + 1, w0 + 2, w0 + 3, w0 + 4]);
    expect(seen[2][1]).toBeCloseTo(1.1025 + 54 / 350, 12);
    expect(seen[4][2]).toBeCloseTo(3.2967, 12);
  });

  test("gives a share of the total stock", () => {
    const share = visibilityShare(visibilityAt(flow, g.nU, d, w0 + 2));
    expect(share[ana]).toBeCloseTo((1.1025 + 54 / 350) / 4.07, 12);
    expect(visibilityAt(flow, g.nU, d, w0 - 1)[ana]).toBe(0);
    expect(visibilityAt(flow, g.nU, d, w0 + 6)[ana]).toBeCloseTo(0.9 ** 4 * (1.1025 + 54 / 350), 12);
  });

  test("uses the weekly half-life for months", () => {
    // All six contributions fall in January 2024: one month, A = the cascade's attribution.
    const monthly = computeAttributionFlow(g, cascade, { unit: "month" });
    const dm = decayFor("month", DEFAULT_PARAMS);
    expect(dm).toBeCloseTo(1 - 0.9 ** (52 / 12), 15);
    expect(monthly.nPeriods).toBe(1);
    const jan = monthly.firstPeriod;
    expect(visibilityAt(monthly, g.nU, dm, jan + 2)[bo]).toBeCloseTo(cascade.attribution[bo] * (1 - dm) ** 2, 12);
  });
});
