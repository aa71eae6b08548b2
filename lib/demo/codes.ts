// Enum values as small integer codes, so the per-contribution and per-link columns of the plan fit
// in Uint8Arrays. A code is an index into these lists.
import type { ContributionKind, ContributionStatus, DisputeResolution, LinkStatus, LinkType } from "@/lib/generated/prisma/enums";

export const KINDS: readonly ContributionKind[] = ["data", "model", "code", "review", "documentation", "research", "coordination", "support", "other"];
export const KIND_CODE = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<ContributionKind, number>;

export const STATUSES: readonly ContributionStatus[] = ["unreviewed", "accepted", "rejected", "quarantined"];
export const UNREVIEWED = 0;
export const ACCEPTED = 1;
export const REJECTED = 2;

export const LINK_TYPES: readonly LinkType[] = ["builds_on", "cites", "reviews", "fixes"];
export const BUILDS_ON = 0;
export const CITES = 1;
export const REVIEWS = 2;
export const FIXES = 3;

export const LINK_STATUSES: readonly LinkStatus[] = ["unconfirmed", "confirmed", "disputed", "removed"];
export const UNCONFIRMED = 0;
export const CONFIRMED = 1;
export const DISPUTED = 2;
export const REMOVED = 3;

export const RESOLUTIONS: readonly DisputeResolution[] = ["open", "upheld", "rejected"];
export const OPEN = 0;
export const UPHELD = 1;
export const DISMISSED = 2;
