// A campaign's state at an instant, on the same half-open [start, end) window the engine uses.
import type { CampaignState } from "@/lib/validation/campaigns";

export function campaignState(c: { startAt: Date; endAt: Date }, now: Date): CampaignState {
  if (now.getTime() < c.startAt.getTime()) return "upcoming";
  if (now.getTime() < c.endAt.getTime()) return "running";
  return "ended";
}
