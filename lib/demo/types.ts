// Row shapes the demo generator yields, one per table, in database column order. Instants are
// epoch milliseconds (UTC); shares are 4-decimal strings because contribution_authors.share is
// numeric and must sum to exactly 1, which binary floats cannot promise.
import type {
  CampaignKind,
  ContributionKind,
  ContributionSource,
  ContributionStatus,
  DisputeResolution,
  DisputeSubject,
  LinkStatus,
  LinkType,
  ProjectKind,
  Role,
} from "@/lib/generated/prisma/enums";

export interface DemoScale {
  /** people who contribute (the demo maintainer and demo contributor included; the admin not) */
  contributors: number;
  years: number;
  projects: number;
  campaigns: number;
  /** target number of contributions; omitted: whatever the personas produce */
  contributions?: number;
  /** target number of links; omitted: whatever the personas produce */
  links?: number;
}

export interface DemoOptions extends DemoScale {
  seed: number;
  /** the end of the generated history, epoch ms; the caller passes the clock in */
  endAt: number;
  /** argon2 hash given to the three demo accounts (the pure generator never hashes) */
  passwordHash: string;
}

export interface UserRow {
  id: number;
  email: string | null;
  handle: string;
  name: string;
  passwordHash: string | null;
  role: Role;
  isImported: boolean;
  createdAt: number;
}

export interface ProjectRow {
  id: number;
  slug: string;
  name: string;
  kind: ProjectKind;
  description: string;
  createdAt: number;
}

export interface ProjectMaintainerRow {
  projectId: number;
  userId: number;
  createdAt: number;
}

export interface CampaignRow {
  id: number;
  name: string;
  kind: CampaignKind;
  projectId: number | null;
  startAt: number;
  endAt: number;
  createdAt: number;
}

export interface ContributionRow {
  id: number;
  projectId: number;
  title: string;
  description: string;
  kind: ContributionKind;
  occurredAt: number;
  url: string | null;
  status: ContributionStatus;
  source: ContributionSource;
  externalId: string | null;
  createdById: number;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

export interface ContributionAuthorRow {
  contributionId: number;
  userId: number;
  /** "0.5000": four decimals, the shares of one contribution sum to exactly 1 */
  share: string;
}

export interface LinkRow {
  id: number;
  fromId: number;
  toId: number;
  type: LinkType;
  status: LinkStatus;
  note: string;
  /** copies of the endpoints' occurredAt (the database trigger would fill the same values) */
  fromOccurredAt: number;
  toOccurredAt: number;
  createdById: number;
  createdAt: number;
  updatedAt: number;
}

export interface DisputeRow {
  id: number;
  subject: DisputeSubject;
  linkId: number | null;
  contributionId: number | null;
  raisedById: number;
  reason: string;
  resolution: DisputeResolution;
  resolutionNote: string;
  resolvedById: number | null;
  createdAt: number;
  resolvedAt: number | null;
}

export interface DemoCounts {
  users: number;
  projects: number;
  projectMaintainers: number;
  campaigns: number;
  contributions: number;
  contributionAuthors: number;
  links: number;
  disputes: number;
}

export type DemoTable = keyof DemoCounts;

export interface DemoAccount {
  userId: number;
  role: Role;
  email: string;
  handle: string;
}

export interface DemoSummary {
  startAt: number;
  endAt: number;
  weeks: number;
  counts: DemoCounts;
  projects: { id: number; slug: string; name: string; kind: ProjectKind; contributions: number; links: number }[];
  campaigns: { id: number; name: string; kind: CampaignKind; projectId: number | null; startAt: number; endAt: number; recruits: number }[];
  accounts: DemoAccount[];
  /** the persistent core, hubs included */
  coreUserIds: number[];
  hubUserIds: number[];
  ringUserIds: number[];
}

export interface DemoCommunity {
  summary: DemoSummary;
  users(): Iterable<UserRow>;
  projects(): Iterable<ProjectRow>;
  projectMaintainers(): Iterable<ProjectMaintainerRow>;
  campaigns(): Iterable<CampaignRow>;
  contributions(): Iterable<ContributionRow>;
  contributionAuthors(): Iterable<ContributionAuthorRow>;
  links(): Iterable<LinkRow>;
  disputes(): Iterable<DisputeRow>;
}
