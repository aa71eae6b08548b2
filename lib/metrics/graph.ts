// The compact graph every metric reads. Built once per run from plain rows (the recompute job loads
// them with one COPY; tests write them by hand). Contributions are re-indexed densely in time order
// (oldest first, ties by id) so "newest to oldest" is a reverse loop and a link always goes from a
// higher-or-equal index's time to a lower-or-equal one. Contributors are re-indexed densely too.
// Links with status `removed` and links touching a withdrawn contribution never enter the graph.

import { LINK_REMOVED } from "./codes";

export interface ContributionRow {
  id: number;
  /** milliseconds since the Unix epoch, UTC */
  occurredAt: number;
  projectId: number;
  /** index into CONTRIBUTION_KINDS */
  kind: number;
  /** index into CONTRIBUTION_STATUSES */
  status: number;
  /** co-authors with shares summing to 1 (the write path enforces it) */
  authors: { contributorId: number; share: number }[];
}

export interface LinkRow {
  id: number;
  /** the newer contribution */
  from: number;
  /** the older (or same-time) contribution it builds on, cites, reviews or fixes */
  to: number;
  /** index into LINK_TYPES */
  type: number;
  /** index into LINK_STATUSES */
  status: number;
}

export interface CampaignRow {
  id: number;
  name: string;
  /** null: the whole ecosystem */
  projectId: number | null;
  /** index into CAMPAIGN_KINDS */
  kind: number;
  startAt: number;
  endAt: number;
}

export interface GraphInput {
  contributions: ContributionRow[];
  links: LinkRow[];
  campaigns: CampaignRow[];
}

export interface Graph {
  /** number of contributions */
  nC: number;
  /** database id of contribution i (i in time order) */
  contribId: Int32Array;
  time: Float64Array;
  /** dense project index; projectIds[project[i]] is the database id */
  project: Int32Array;
  projectIds: number[];
  kind: Uint8Array;
  status: Uint8Array;

  /** number of contributors */
  nU: number;
  /** database id of contributor u */
  contributorId: Int32Array;
  /** authorship CSR: authors of contribution i are authorIdx[authorStart[i] .. authorStart[i+1]) */
  authorStart: Int32Array;
  authorIdx: Int32Array;
  authorShare: Float64Array;
  /** reverse authorship CSR: contributions of contributor u, in time order */
  workStart: Int32Array;
  workIdx: Int32Array;
  workShare: Float64Array;

  /** number of links kept */
  nE: number;
  /** outgoing links CSR (from newer to older): edges e in [outStart[i], outStart[i+1]) */
  outStart: Int32Array;
  outTo: Int32Array;
  outType: Uint8Array;
  outStatus: Uint8Array;
  /** database id of edge e */
  linkId: Int32Array;
  /** incoming links CSR: for target j, inEdge[k] (k in [inStart[j], inStart[j+1])) is an edge index */
  inStart: Int32Array;
  inEdge: Int32Array;
  /** source contribution of edge e (the inverse of outStart) */
  edgeFrom: Int32Array;

  campaigns: CampaignRow[];
}

export function buildGraph(input: GraphInput): Graph {
  const rows = [...input.contributions].sort((a, b) => a.occurredAt - b.occurredAt || a.id - b.id);
  const nC = rows.length;
  const indexOfContribution = new Map<number, number>();
  const contribId = new Int32Array(nC);
  const time = new Float64Array(nC);
  const project = new Int32Array(nC);
  const kind = new Uint8Array(nC);
  const status = new Uint8Array(nC);
  const projectIndex = new Map<number, number>();
  const projectIds: number[] = [];
  const contributorIndex = new Map<number, number>();
  const contributorIds: number[] = [];
  const authorStart = new Int32Array(nC + 1);
  let nA = 0;
  for (const r of rows) nA += r.authors.length;
  const authorIdx = new Int32Array(nA);
  const authorShare = new Float64Array(nA);

  let a = 0;
  rows.forEach((r, i) => {
    indexOfContribution.set(r.id, i);
    contribId[i] = r.id;
    time[i] = r.occurredAt;
    let p = projectIndex.get(r.projectId);
    if (p === undefined) {
      p = projectIds.length;
      projectIndex.set(r.projectId, p);
      projectIds.push(r.projectId);
    }
    project[i] = p;
    kind[i] = r.kind;
    status[i] = r.status;
    authorStart[i] = a;
    for (const au of r.authors) {
      let u = contributorIndex.get(au.contributorId);
      if (u === undefined) {
        u = contributorIds.length;
        contributorIndex.set(au.contributorId, u);
        contributorIds.push(au.contributorId);
      }
      authorIdx[a] = u;
      authorShare[a] = au.share;
      a++;
    }
  });
  authorStart[nC] = a;
  const nU = contributorIds.length;

  // Reverse authorship by counting sort; contributions are already in time order.
  const workStart = new Int32Array(nU + 1);
  for (let k = 0; k < nA; k++) workStart[authorIdx[k] + 1]++;
  for (let u = 0; u < nU; u++) workStart[u + 1] += workStart[u];
  const workIdx = new Int32Array(nA);
  const workShare = new Float64Array(nA);
  const fill = workStart.slice(0, nU);
  for (let i = 0; i < nC; i++) {
    for (let k = authorStart[i]; k < authorStart[i + 1]; k++) {
      const pos = fill[authorIdx[k]]++;
      workIdx[pos] = i;
      workShare[pos] = authorShare[k];
    }
  }

  // Links: keep those not removed whose both ends are present; CSR by source, sorted by target.
  const kept: { from: number; to: number; type: number; status: number; id: number }[] = [];
  for (const l of input.links) {
    if (l.status === LINK_REMOVED) continue;
    const f = indexOfContribution.get(l.from);
    const t = indexOfContribution.get(l.to);
    if (f === undefined || t === undefined || f === t) continue;
    kept.push({ from: f, to: t, type: l.type, status: l.status, id: l.id });
  }
  kept.sort((x, y) => x.from - y.from || x.to - y.to || x.type - y.type);
  const nE = kept.length;
  const outStart = new Int32Array(nC + 1);
  const outTo = new Int32Array(nE);
  const outType = new Uint8Array(nE);
  const outStatus = new Uint8Array(nE);
  const linkId = new Int32Array(nE);
  const edgeFrom = new Int32Array(nE);
  kept.forEach((l, e) => {
    outStart[l.from + 1]++;
    outTo[e] = l.to;
    outType[e] = l.type;
    outStatus[e] = l.status;
    linkId[e] = l.id;
    edgeFrom[e] = l.from;
  });
  for (let i = 0; i < nC; i++) outStart[i + 1] += outStart[i];
  const inStart = new Int32Array(nC + 1);
  for (let e = 0; e < nE; e++) inStart[outTo[e] + 1]++;
  for (let i = 0; i < nC; i++) inStart[i + 1] += inStart[i];
  const inEdge = new Int32Array(nE);
  const inFill = inStart.slice(0, nC);
  for (let e = 0; e < nE; e++) inEdge[inFill[outTo[e]]++] = e;

  return {
    nC, contribId, time, project, projectIds, kind, status,
    nU, contributorId: Int32Array.from(contributorIds),
    authorStart, authorIdx, authorShare, workStart, workIdx, workShare,
    nE, outStart, outTo, outType, outStatus, linkId, inStart, inEdge, edgeFrom,
    campaigns: [...input.campaigns].sort((x, y) => x.startAt - y.startAt || x.id - y.id),
  };
}
