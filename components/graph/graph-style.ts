// How the explorer encodes links: colour for the type, line pattern for the status (so status reads
// without colour), and one highlight for hubs. Colours are Okabe–Ito, chosen for contrast on white:
// the light orange and yellow are left out of lines.
import { NEUTRAL, OKABE_ITO } from "@/components/charts/palette";
import type { LinkStatus, LinkType } from "@/lib/generated/prisma/enums";

export const LINK_TYPE_STYLE: Record<LinkType, { color: string; label: string }> = {
  builds_on: { color: OKABE_ITO.blue, label: "builds on" },
  fixes: { color: OKABE_ITO.vermillion, label: "fixes" },
  reviews: { color: OKABE_ITO.bluishGreen, label: "reviews" },
  cites: { color: OKABE_ITO.reddishPurple, label: "cites" },
};

export const LINK_STATUS_STYLE: Record<Exclude<LinkStatus, "removed">, { dash?: string; label: string }> = {
  confirmed: { label: "confirmed" },
  unconfirmed: { dash: "7 4", label: "unconfirmed" },
  disputed: { dash: "2 4", label: "disputed" },
};

/** Contributor projection: the focus building on others, others building on the focus, the rest. */
export const TIE_STYLE = {
  source: { color: OKABE_ITO.blue, label: "the focus builds on them" },
  builder: { color: OKABE_ITO.vermillion, label: "they build on the focus" },
  other: { color: NEUTRAL.window, label: "between two others" },
} as const;

export const HUB_FILL = OKABE_ITO.yellow;
export const NODE_STROKE = "#44403c"; // stone-700
export const FOCUS_FILL = "#31552d"; // moss-700

export function formatBetweenness(b: number | null): string {
  if (b === null) return "—";
  return b === 0 ? "0" : b.toPrecision(3);
}

export function formatWeight(w: number): string {
  return w.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}
