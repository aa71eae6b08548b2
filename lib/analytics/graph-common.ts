// Shared pieces of the graph explorer's bounded reads: the bounds, the shapes returned, and the SQL
// fragments every hop uses (scope, window, link weight, hub flags).
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionKind, ContributionStatus, LinkStatus, LinkType } from "@/lib/generated/prisma/enums";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";

export const GRAPH_BOUNDS = {
  maxNodes: 150,
  /** the newest eligible links of one contribution read (through the index) before ranking */
  linkPool: 500,
  /** depth 2 around a contribution: depth-1 nodes expanded per side, links kept per expanded node */
  expandContributions: 25,
  linksPerExpanded: 12,
  /** around a person: their most recently logged contributions in scope, links kept per contribution */
  contributionsPerPerson: 200,
  linksPerContribution: 20,
  /** depth 2 around a person: the strongest ties expanded, with smaller reads each */
  expandPeople: 12,
  contributionsPerExpandedPerson: 40,
  linksPerExpandedContribution: 10,
  /** depth 2 around a person: the inner ring keeps at most this many, leaving room for the outer one */
  innerRingAtDepth2: 60,
  /** projection pairs returned per read, strongest first */
  pairs: 600,
  /** links of the focus are counted up to this */
  degreeCap: 1000,
  /** links drawn among the chosen nodes */
  edges: 2000,
} as const;

export interface GraphScope {
  /** null: the whole ecosystem */
  projectId: number | null;
  /** stored scope key of hub results: "all" or "project:<id>" */
  scope: string;
  /** the newest succeeded run (hubs); null before the first run */
  runId: number | null;
  /** inclusive days YYYY-MM-DD: neighbours must have happened inside; the focus is always shown */
  from?: string;
  to?: string;
}

export interface GraphAuthor { userId: number; handle: string; share: number; isHub: boolean; betweenness: number | null }

export interface ContributionGraphNode {
  id: number;
  title: string;
  kind: ContributionKind;
  status: ContributionStatus;
  occurredAt: Date;
  projectName: string;
  /** signed link distance: −2, −1 older work the focus builds on; 0 the focus; +1, +2 newer work */
  depth: number;
  /** relevance order, 0 for the focus */
  rank: number;
  authors: GraphAuthor[];
  /** an author is a hub of the scope */
  isHub: boolean;
}

export interface ContributionGraphEdge { id: number; fromId: number; toId: number; type: LinkType; status: LinkStatus; weight: number }

export interface ContributionNeighbourhood {
  focusId: number;
  /** the focus first, then by rank */
  nodes: ContributionGraphNode[];
  edges: ContributionGraphEdge[];
  /** some neighbours were left out by a bound */
  isTruncated: boolean;
  /** the focus's eligible links, counted up to GRAPH_BOUNDS.degreeCap */
  degree: { older: number; newer: number };
}

export interface ContributorGraphNode {
  userId: number;
  handle: string;
  name: string;
  depth: 0 | 1 | 2;
  rank: number;
  isHub: boolean;
  betweenness: number | null;
  /** projection weight of focus → them (the focus builds on their work), depth 1 only */
  sourceWeight: number;
  /** projection weight of them → focus (they build on the focus's work), depth 1 only */
  builderWeight: number;
}

export interface ContributorGraphEdge { fromUserId: number; toUserId: number; weight: number; links: number }

export interface ContributorNeighbourhood {
  focusUserId: number;
  nodes: ContributorGraphNode[];
  edges: ContributorGraphEdge[];
  isTruncated: boolean;
}

export const inScope = (s: GraphScope, c: Prisma.Sql) => (s.projectId === null ? Prisma.empty : Prisma.sql`AND ${c}.project_id = ${s.projectId}`);
const dayStart = (d: string, plusDays = 0) => new Date(Date.parse(`${d}T00:00:00Z`) + plusDays * 86_400_000);
export function inWindow(s: GraphScope, c: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${s.from ? Prisma.sql`AND ${c}.occurred_at >= ${dayStart(s.from)}` : Prisma.empty}
    ${s.to ? Prisma.sql`AND ${c}.occurred_at < ${dayStart(s.to, 1)}` : Prisma.empty}`;
}
export const C = Prisma.raw("c");

// w_type · κ(status) of METRICS.md §3 with the default parameters: how strongly a link ranks.
const { typeWeights: tw, statusFactors: sf } = DEFAULT_PARAMS;
export const LINK_WEIGHT = Prisma.sql`(CASE l.type WHEN 'builds_on' THEN ${tw.builds_on}::float8 WHEN 'fixes' THEN ${tw.fixes}::float8
  WHEN 'reviews' THEN ${tw.reviews}::float8 ELSE ${tw.cites}::float8 END
  * CASE l.status WHEN 'confirmed' THEN ${sf.confirmed}::float8 WHEN 'unconfirmed' THEN ${sf.unconfirmed}::float8 ELSE ${sf.disputed}::float8 END)`;


export const hubJoin = (s: GraphScope, user: Prisma.Sql) => (s.runId === null
  ? Prisma.sql`LEFT JOIN metric_contributor_summaries s ON false`
  : Prisma.sql`LEFT JOIN metric_contributor_summaries s ON s.run_id = ${s.runId} AND s.scope = ${s.scope} AND s.user_id = ${user}`);
