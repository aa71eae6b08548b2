// Small integer codes for the enums the engine reads. The database stores names; the loader maps
// names to these codes so hot loops compare bytes, not strings. Order is part of the contract.

export const CONTRIBUTION_KINDS = [
  "data", "model", "code", "review", "documentation", "research", "coordination", "support", "other",
] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const CONTRIBUTION_STATUSES = ["unreviewed", "accepted", "rejected", "quarantined"] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
export const STATUS_UNREVIEWED = 0;
export const STATUS_ACCEPTED = 1;
export const STATUS_REJECTED = 2;
export const STATUS_QUARANTINED = 3;

export const LINK_TYPES = ["builds_on", "fixes", "reviews", "cites"] as const;
export type LinkType = (typeof LINK_TYPES)[number];
export const LINK_BUILDS_ON = 0;
export const LINK_FIXES = 1;
export const LINK_REVIEWS = 2;
export const LINK_CITES = 3;

export const LINK_STATUSES = ["unconfirmed", "confirmed", "disputed", "removed"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
export const LINK_UNCONFIRMED = 0;
export const LINK_CONFIRMED = 1;
export const LINK_DISPUTED = 2;
export const LINK_REMOVED = 3;

export const CAMPAIGN_KINDS = ["bounty", "airdrop", "points", "hackathon", "grant"] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export function codeOf<T extends string>(values: readonly T[], name: T): number {
  const i = values.indexOf(name);
  if (i < 0) throw new Error(`unknown code ${name}`);
  return i;
}
