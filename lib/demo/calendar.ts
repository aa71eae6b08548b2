// The demo's time frame: ISO weeks (Monday 00:00 UTC, the metrics' default period) from the first
// Monday of the span to the week holding endAt, the seasonality of activity, and the campaign
// windows. Campaigns start and end on Mondays so that a week is either inside a campaign or not.
import { CAMPAIGN_SPECS, type CampaignSpec } from "./vocabulary";

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Relative activity per weekday, Monday first: people contribute less at weekends. */
export const WEEKDAY_WEIGHTS: readonly number[] = [1, 1.05, 1.05, 1, 0.85, 0.35, 0.3];

export interface CampaignWindow {
  spec: CampaignSpec;
  /** 0-based campaign index; its row id is index + 1 */
  index: number;
  /** index into the projects, or null (ecosystem-wide) */
  project: number | null;
  startWeek: number;
  /** exclusive */
  endWeek: number;
  startAt: number;
  endAt: number;
}

export interface Calendar {
  /** Monday 00:00 UTC of week 0 */
  startAt: number;
  endAt: number;
  weeks: number;
  /** activity multiplier per week, in (0, 1] */
  season: Float64Array;
  campaigns: CampaignWindow[];
}

function mondayOnOrBefore(ms: number): number {
  const midnight = Math.floor(ms / DAY_MS) * DAY_MS;
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday 0
  return midnight - weekday * DAY_MS;
}

/** Late December empties the community; August thins it a little. */
function seasonOf(weekStart: number): number {
  const d = new Date(weekStart + 3 * DAY_MS); // the week's Thursday decides, as in ISO weeks
  const month = d.getUTCMonth();
  const day = d.getUTCDate();
  if ((month === 11 && day >= 20) || (month === 0 && day <= 3)) return 0.4;
  if (month === 7) return 0.85;
  return 1;
}

export function buildCalendar(endAt: number, years: number, campaignCount: number, projectCount: number): Calendar {
  const startAt = mondayOnOrBefore(endAt - Math.round(years * 365.25 * DAY_MS));
  const weeks = Math.max(1, Math.ceil((endAt - startAt) / WEEK_MS));
  const season = new Float64Array(weeks);
  for (let w = 0; w < weeks; w++) season[w] = seasonOf(startAt + w * WEEK_MS);
  const campaigns: CampaignWindow[] = [];
  // Spread campaigns over the middle of the span and end the last one early enough that the weeks
  // after it (who stayed, who left) are visible before endAt.
  for (let c = 0; c < campaignCount; c++) {
    const spec = CAMPAIGN_SPECS[c % CAMPAIGN_SPECS.length];
    const project = spec.project === null || spec.project < projectCount ? spec.project : null;
    const startWeek = Math.round(weeks * (0.3 + (0.45 * (c + 0.5)) / Math.max(1, campaignCount)));
    const endWeek = Math.min(startWeek + spec.weeks, weeks - 1);
    if (endWeek <= startWeek) continue;
    const name = c < CAMPAIGN_SPECS.length ? spec.name : `${spec.name} (round ${Math.floor(c / CAMPAIGN_SPECS.length) + 1})`;
    campaigns.push({
      spec: { ...spec, name },
      index: campaigns.length,
      project,
      startWeek,
      endWeek,
      startAt: startAt + startWeek * WEEK_MS,
      endAt: startAt + endWeek * WEEK_MS,
    });
  }
  return { startAt, endAt, weeks, season, campaigns };
}

/** the ecosystem-wide campaign running in week w, if any (existing members join in a little) */
export function isEcosystemCampaignWeek(cal: Calendar, w: number): boolean {
  return cal.campaigns.some((c) => c.project === null && w >= c.startWeek && w < c.endWeek);
}
