import type { CampaignKind } from "@/lib/generated/prisma/enums";
import type { CampaignState } from "@/lib/validation/campaigns";

export const CAMPAIGN_KIND_LABEL: Record<CampaignKind, string> = {
  bounty: "Bounty", airdrop: "Airdrop", points: "Points programme", hackathon: "Hackathon", grant: "Grant",
};

export const CAMPAIGN_STATE_LABEL: Record<CampaignState, string> = { upcoming: "Upcoming", running: "Running", ended: "Ended" };

/** A Date as the value of a datetime-local input, in UTC. */
export function toUtcInputValue(d: Date): string {
  return d.toISOString().slice(0, 16);
}
