const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DATETIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** Dates are shown in UTC, the zone periods are computed in, so everyone sees the same day. */
export function formatDate(d: Date | string): string {
  return DATE.format(typeof d === "string" ? new Date(d) : d);
}
export function formatDateTime(d: Date | string): string {
  return `${DATETIME.format(typeof d === "string" ? new Date(d) : d)} UTC`;
}
export function formatShare(share: { toString(): string } | number): string {
  return `${(Number(share.toString()) * 100).toFixed(2).replace(/\.00$/, "")} %`;
}
export const LINK_TYPE_LABEL: Record<string, string> = { builds_on: "builds on", cites: "cites", reviews: "reviews", fixes: "fixes" };
