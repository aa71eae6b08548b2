// Flow decomposition, METRICS.md §3: for every (contributor, period) row of the attribution flow,
// the links and the contributors whose work carried its inflow (see attribution-flow.ts).
//
// The sweep records, for every contribution that passed credit on, its per-period pass factors
// (ρ · c_v(t) / out-weight) and, for every link it used, the link. After the sweep, the recorded
// links are grouped by the co-authors of their targets (each receiving contributor's links, in
// recording order), and each contributor's group is ranked for every period of the batch in one
// pass: a link's factors for the batch share a cache line, and no per-period bucket is written.
// Every sum adds the same terms in the same order as bucketing each period would.

import type { Graph } from "./graph";
import { Float64Buffer, Int32Buffer, TopK } from "./typed-buffer";

export interface FlowSources {
  k: number;
  /** top links of row r: linkEdge[linkStart[r] .. linkStart[r+1]), largest first (Graph.linkId maps to ids) */
  linkStart: Int32Array;
  linkEdge: Int32Array;
  linkValue: Float64Array;
  /** top source contributors of row r, largest first */
  sourceStart: Int32Array;
  sourceContributor: Int32Array;
  sourceValue: Float64Array;
}

/** Ranked rows of one batch period, waiting to be appended in row order. */
class Staged {
  readonly linkCount = new Int32Buffer();
  readonly linkEdge = new Int32Buffer();
  readonly linkValue = new Float64Buffer();
  readonly sourceCount = new Int32Buffer();
  readonly sourceContributor = new Int32Buffer();
  readonly sourceValue = new Float64Buffer();
  row = 0;
  linkAt = 0;
  sourceAt = 0;
  clear(): void {
    this.linkCount.length = this.linkEdge.length = this.linkValue.length = 0;
    this.sourceCount.length = this.sourceContributor.length = this.sourceValue.length = 0;
    this.row = this.linkAt = this.sourceAt = 0;
  }
}

export class SourcesCollector {
  /** links used in the current sweep and the slot of their source's pass factors */
  readonly recEdge: Int32Array;
  readonly recSlot: Int32Array;
  /** pass factors of slot s for batch period b: factor[s · B + b] */
  readonly factor: Float64Array;
  nRec = 0;
  nSlots = 0;

  /** the sweep's (recorded link, target author slot) pairs grouped by that author's contributor */
  private readonly groupStart: Int32Array;
  private readonly groupFill: Int32Array;
  /** per pair: [link weight, keep of its target, the author's share, the source's first author's
   * share] and [edge, factor slot, source contribution if it has co-authors else −1, the source's
   * first author] */
  private readonly pairNum = new Float64Buffer();
  private readonly pairInt = new Int32Buffer();
  /** per batch period: source accumulators (w · B + b) and the sources seen (b · nU + q) */
  private readonly srcAcc: Float64Array;
  private readonly srcList: Int32Array;
  private readonly srcCount: Int32Array;
  private readonly tops: TopK[];
  private readonly top: TopK;
  private readonly staged: Staged[];
  private readonly out = {
    linkStart: new Int32Buffer(), linkEdge: new Int32Buffer(), linkValue: new Float64Buffer(),
    sourceStart: new Int32Buffer(), sourceContributor: new Int32Buffer(), sourceValue: new Float64Buffer(),
  };

  constructor(
    private readonly g: Graph,
    private readonly linkWeight: Float64Array,
    private readonly keep: Float64Array,
    private readonly B: number,
    private readonly k: number,
    /** contributors to explain (1) or to leave with empty lists (0); null explains everyone */
    private readonly explain: Uint8Array | null,
  ) {
    this.recEdge = new Int32Array(g.nE);
    this.recSlot = new Int32Array(g.nE);
    this.factor = new Float64Array(g.nC * B);
    this.groupStart = new Int32Array(g.nU + 1);
    this.groupFill = new Int32Array(g.nU);
    this.srcAcc = new Float64Array(g.nU * B);
    this.srcList = new Int32Array(g.nU * B);
    this.srcCount = new Int32Array(B);
    this.tops = Array.from({ length: B }, () => new TopK(k));
    this.top = new TopK(k);
    this.staged = Array.from({ length: B }, () => new Staged());
  }

  beginSweep(): void {
    this.nRec = 0;
    this.nSlots = 0;
  }

  /**
   * Ranks the sweep's rows: for each touched contributor u (ascending) and each batch period b with
   * hasRow(u, b), the top links and top sources of u's inflow in b. A link entry is one link's kept
   * contribution to one co-author of its target; a source entry splits it further by the authors of
   * the link's source.
   */
  rankSweep(touched: Int32Array, nb: number, hasRow: (u: number, b: number) => boolean): void {
    const { authorStart, authorIdx, authorShare, outTo, edgeFrom } = this.g;
    const { recEdge, recSlot, factor, linkWeight, keep, B, explain, groupStart, groupFill, srcAcc, srcList, srcCount, tops, top } = this;
    const nU = this.g.nU;
    // Group the (link, target author) pairs by contributor, stable in recording order.
    for (let t = 0; t < touched.length; t++) groupFill[touched[t]] = 0;
    let nPairs = 0;
    for (let r = 0; r < this.nRec; r++) {
      const j = outTo[recEdge[r]];
      if (keep[j] === 0) continue;
      for (let a = authorStart[j]; a < authorStart[j + 1]; a++) {
        if (!(authorShare[a] > 0) || (explain !== null && explain[authorIdx[a]] === 0)) continue;
        groupFill[authorIdx[a]]++;
        nPairs++;
      }
    }
    let at = 0;
    for (let t = 0; t < touched.length; t++) {
      const u = touched[t];
      groupStart[u] = at;
      at += groupFill[u];
      groupFill[u] = groupStart[u];
    }
    // What the ranking reads of each pair is copied into the pair here, where the records are
    // read in order, so the ranking streams through its group instead of chasing edges.
    this.pairNum.resize(4 * nPairs);
    this.pairInt.resize(4 * nPairs);
    const pairNum = this.pairNum.data, pairInt = this.pairInt.data;
    for (let r = 0; r < this.nRec; r++) {
      const e = recEdge[r];
      const j = outTo[e];
      const kj = keep[j];
      if (kj === 0) continue;
      for (let a = authorStart[j]; a < authorStart[j + 1]; a++) {
        if (!(authorShare[a] > 0) || (explain !== null && explain[authorIdx[a]] === 0)) continue;
        const x = 4 * groupFill[authorIdx[a]]++;
        const i = edgeFrom[e];
        pairNum[x] = linkWeight[e];
        pairNum[x + 1] = kj;
        pairNum[x + 2] = authorShare[a];
        pairNum[x + 3] = authorShare[authorStart[i]];
        pairInt[x] = e;
        pairInt[x + 1] = recSlot[r] * B;
        pairInt[x + 2] = authorStart[i + 1] - authorStart[i] > 1 ? i : -1;
        pairInt[x + 3] = authorIdx[authorStart[i]];
      }
    }

    for (let b = 0; b < nb; b++) this.staged[b].clear();
    const rows = new Uint8Array(B);
    const amts = new Float64Array(B);
    const addSource = (src: number, sc: number) => {
      const at = src * B;
      for (let b = 0; b < nb; b++) {
        const v = amts[b] * sc;
        if (!(v > 0)) continue;
        if (srcAcc[at + b] === 0) srcList[b * nU + srcCount[b]++] = src;
        srcAcc[at + b] += v;
      }
    };
    for (let t = 0; t < touched.length; t++) {
      const u = touched[t];
      let any = false;
      for (let b = 0; b < nb; b++) {
        rows[b] = hasRow(u, b) ? 1 : 0;
        any ||= rows[b] === 1;
        tops[b].reset();
        srcCount[b] = 0;
      }
      if (!any) continue;
      for (let x = 4 * groupStart[u]; x < 4 * groupFill[u]; x += 4) {
        const w = pairNum[x], kj = pairNum[x + 1], sh = pairNum[x + 2];
        const e = pairInt[x], base = pairInt[x + 1], i = pairInt[x + 2];
        for (let b = 0; b < nb; b++) {
          amts[b] = 0;
          if (rows[b] === 0) continue;
          const xk = w * factor[base + b] * kj;
          if (xk === 0) continue;
          amts[b] = xk * sh;
          tops[b].offer(e, amts[b]);
        }
        // Source accumulators are laid out source-major (src · B + b): one cache line per source
        // author for the whole batch. Each (period, source) sum still adds its terms in pair order.
        // The source's first author travels with the pair; co-authors (i ≥ 0) come from the graph.
        addSource(pairInt[x + 3], pairNum[x + 3]);
        if (i >= 0) for (let c = authorStart[i] + 1; c < authorStart[i + 1]; c++) addSource(authorIdx[c], authorShare[c]);
      }
      for (let b = 0; b < nb; b++) {
        if (rows[b] === 0) continue;
        const st = this.staged[b];
        const tb = tops[b];
        st.linkCount.push(tb.size);
        for (let q = 0; q < tb.size; q++) {
          st.linkEdge.push(tb.ids[q]);
          st.linkValue.push(tb.values[q]);
        }
        top.reset();
        for (let q = 0; q < srcCount[b]; q++) {
          const src = srcList[b * nU + q];
          top.offer(src, srcAcc[src * B + b]);
          srcAcc[src * B + b] = 0;
        }
        st.sourceCount.push(top.size);
        for (let q = 0; q < top.size; q++) {
          st.sourceContributor.push(top.ids[q]);
          st.sourceValue.push(top.values[q]);
        }
      }
    }
  }

  /** Appends the next ranked row of batch period b (rows come in the order rankSweep saw them). */
  emitRow(b: number): void {
    const { out } = this;
    const st = this.staged[b];
    const nl = st.linkCount.data[st.row];
    out.linkStart.push(out.linkEdge.length);
    for (let q = st.linkAt; q < st.linkAt + nl; q++) {
      out.linkEdge.push(st.linkEdge.data[q]);
      out.linkValue.push(st.linkValue.data[q]);
    }
    st.linkAt += nl;
    const ns = st.sourceCount.data[st.row];
    out.sourceStart.push(out.sourceContributor.length);
    for (let q = st.sourceAt; q < st.sourceAt + ns; q++) {
      out.sourceContributor.push(st.sourceContributor.data[q]);
      out.sourceValue.push(st.sourceValue.data[q]);
    }
    st.sourceAt += ns;
    st.row++;
  }

  finish(): FlowSources {
    const o = this.out;
    o.linkStart.push(o.linkEdge.length);
    o.sourceStart.push(o.sourceContributor.length);
    return {
      k: this.k, linkStart: o.linkStart.toArray(), linkEdge: o.linkEdge.toArray(), linkValue: o.linkValue.toArray(),
      sourceStart: o.sourceStart.toArray(), sourceContributor: o.sourceContributor.toArray(), sourceValue: o.sourceValue.toArray(),
    };
  }
}
