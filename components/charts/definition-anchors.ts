// Short, stable anchors for the sections of docs/metrics.md, so a chart caption can link to
// `/definitions#retention` and keep working when a section is renumbered or its title grows.
// Each anchor names the start of its section's title (without the "N. " numbering).
import { slugify } from "@/lib/docs/markdown";

export const DEFINITION_ANCHORS = {
  lifecycle: "Activity and lifecycle",
  retention: "Retention",
  attribution: "Attribution",
  concentration: "Concentration",
  hubs: "Hubs",
  coherence: "Coherence",
  recognition: "Recognition scarcity",
  transactional: "Transactional versus persistent participation",
  signals: "Signals",
  gaming: "Gaming and stress",
} as const;

export type DefinitionAnchor = keyof typeof DEFINITION_ANCHORS;

export const DEFINITIONS_PATH = "/definitions";

export function definitionHref(anchor: DefinitionAnchor): string {
  return `${DEFINITIONS_PATH}#${anchor}`;
}

const ENTRIES = Object.entries(DEFINITION_ANCHORS) as [DefinitionAnchor, string][];

/** The id of a heading of docs/metrics.md: its short anchor when it has one, else a slug of its title. */
export function definitionHeadingId(title: string): string {
  const unnumbered = title.replace(/^\d+(\.\d+)*\.?\s+/, "");
  const match = ENTRIES.find(([, prefix]) => unnumbered.toLowerCase().startsWith(prefix.toLowerCase()));
  return match ? match[0] : slugify(unnumbered);
}
