// The decomposition collector as it stood before optimisation; see attribution-flow-reference.ts.
import type { Graph } from "@/lib/metrics/graph";
import type { FlowSources } from "@/lib/metrics/flow-sources";
import { Float64Buffer, Int32Buffer, TopK } from "@/lib/metrics/typed-buffer";

export class SourcesCollector {
  /** links used in the current sweep and the slot of their source's pass factors */
  readonly recEdge: Int32Array;
  readonly recSlot: Int32Array;
  /** pass factors of slot s for batch period b: factor[s · B + b] */
  readonly factor: Float64Array;
  nRec = 0;
  nSlots = 0;

  private readonly linkStart: Int32Array;
  private readonly linkFill: Int32Array;
  private readonly srcStart: Int32Array;
  private readonly srcFill: Int32Array;
  private readonly srcAcc: Float64Array;
  private readonly srcList: Int32Array;
  private readonly entEdge = new Int32Buffer();
  private readonly entAmt = new Float64Buffer();
  private readonly entSrc = new Int32Buffer();
  private readonly entSrcAmt = new Float64Buffer();
  private readonly top: TopK;
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
    this.linkStart = new Int32Array(g.nU);
    this.linkFill = new Int32Array(g.nU);
    this.srcStart = new Int32Array(g.nU);
    this.srcFill = new Int32Array(g.nU);
    this.srcAcc = new Float64Array(g.nU);
    this.srcList = new Int32Array(g.nU);
    this.top = new TopK(k);
  }

  beginSweep(): void {
    this.nRec = 0;
    this.nSlots = 0;
  }

  /**
   * Buckets the sweep's link flows of batch period `b` by receiving contributor. A link entry is one
   * link's kept contribution to one co-author of its target; a source entry splits it further by
   * the authors of the link's source. Records come in processing order, so reading the sources'
   * authors here is a near-sequential sweep rather than a random read per entry later.
   */
  groupPeriod(b: number, touched: Int32Array): void {
    const { authorStart, authorIdx, authorShare, outTo, edgeFrom } = this.g;
    const { recEdge, recSlot, factor, linkWeight, keep, B, linkFill, srcFill, explain } = this;
    for (let r = 0; r < touched.length; r++) {
      linkFill[touched[r]] = 0;
      srcFill[touched[r]] = 0;
    }
    for (let r = 0; r < this.nRec; r++) {
      const e = recEdge[r];
      const j = outTo[e];
      if (factor[recSlot[r] * B + b] === 0 || keep[j] === 0) continue;
      const i = edgeFrom[e];
      const nSrc = authorStart[i + 1] - authorStart[i];
      for (let a = authorStart[j]; a < authorStart[j + 1]; a++) {
        if (!(authorShare[a] > 0) || (explain !== null && explain[authorIdx[a]] === 0)) continue;
        linkFill[authorIdx[a]]++;
        srcFill[authorIdx[a]] += nSrc;
      }
    }
    let nLinks = 0, nSrcs = 0;
    for (let r = 0; r < touched.length; r++) {
      const u = touched[r];
      this.linkStart[u] = nLinks;
      nLinks += linkFill[u];
      linkFill[u] = this.linkStart[u];
      this.srcStart[u] = nSrcs;
      nSrcs += srcFill[u];
      srcFill[u] = this.srcStart[u];
    }
    this.entEdge.resize(nLinks);
    this.entAmt.resize(nLinks);
    this.entSrc.resize(nSrcs);
    this.entSrcAmt.resize(nSrcs);
    const entEdge = this.entEdge.data, entAmt = this.entAmt.data, entSrc = this.entSrc.data, entSrcAmt = this.entSrcAmt.data;
    for (let r = 0; r < this.nRec; r++) {
      const e = recEdge[r];
      const j = outTo[e];
      const xk = linkWeight[e] * factor[recSlot[r] * B + b] * keep[j];
      if (xk === 0) continue;
      const i = edgeFrom[e];
      for (let a = authorStart[j]; a < authorStart[j + 1]; a++) {
        if (!(authorShare[a] > 0) || (explain !== null && explain[authorIdx[a]] === 0)) continue;
        const u = authorIdx[a];
        const amt = xk * authorShare[a];
        const pos = linkFill[u]++;
        entEdge[pos] = e;
        entAmt[pos] = amt;
        for (let c = authorStart[i]; c < authorStart[i + 1]; c++) {
          const q = srcFill[u]++;
          entSrc[q] = authorIdx[c];
          entSrcAmt[q] = amt * authorShare[c];
        }
      }
    }
  }

  /** Appends the top links and top sources of u's row for the period last grouped. */
  emitRow(u: number): void {
    const { top, out, srcAcc, srcList } = this;
    const entEdge = this.entEdge.data, entAmt = this.entAmt.data, entSrc = this.entSrc.data, entSrcAmt = this.entSrcAmt.data;
    top.reset();
    for (let r = this.linkStart[u], end = this.linkFill[u]; r < end; r++) top.offer(entEdge[r], entAmt[r]);
    out.linkStart.push(out.linkEdge.length);
    for (let r = 0; r < top.size; r++) {
      out.linkEdge.push(top.ids[r]);
      out.linkValue.push(top.values[r]);
    }
    let nSrc = 0;
    for (let r = this.srcStart[u], end = this.srcFill[u]; r < end; r++) {
      const v = entSrcAmt[r];
      if (!(v > 0)) continue;
      const w = entSrc[r];
      if (srcAcc[w] === 0) srcList[nSrc++] = w;
      srcAcc[w] += v;
    }
    top.reset();
    for (let r = 0; r < nSrc; r++) {
      const w = srcList[r];
      top.offer(w, srcAcc[w]);
      srcAcc[w] = 0;
    }
    out.sourceStart.push(out.sourceContributor.length);
    for (let r = 0; r < top.size; r++) {
      out.sourceContributor.push(top.ids[r]);
      out.sourceValue.push(top.values[r]);
    }
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
