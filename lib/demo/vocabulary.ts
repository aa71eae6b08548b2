// Words the demo community is made of: its projects, campaigns, what contributions are called and
// why people dispute links. Titles deliberately carry commas, quotes and non-ASCII letters, so the
// demo exercises every escaping path (COPY, CSV exports, HTML).
import type { CampaignKind, ContributionKind, ProjectKind } from "@/lib/generated/prisma/enums";
import type { Random } from "./random";

export interface ProjectSpec {
  slug: string;
  name: string;
  kind: ProjectKind;
  description: string;
  subjects: readonly string[];
  urlBase: string;
}

/** The demo uses the first six; larger scales take more. Order matters: hubs and campaigns index it. */
export const PROJECT_SPECS: readonly ProjectSpec[] = [
  { slug: "ocean-datanet", name: "Ocean Datanet", kind: "datanet", description: "Open sea-surface, buoy and plankton observations, curated by the people who collect them.", subjects: ["buoy telemetry", "sea-surface temperature", "plankton counts", "coral survey", "tide gauge"], urlBase: "https://ocean-datanet.example/submissions" },
  { slug: "med-qa-datanet", name: "Med-QA Datanet", kind: "datanet", description: "Clinician-reviewed medical question–answer pairs, in many languages.", subjects: ["cardiology Q&A", "dosage questions", "triage notes", "pediatrics Q&A", "radiology reports"], urlBase: "https://medqa.example/items" },
  { slug: "reef-vision", name: "Reef Vision model", kind: "model", description: "A vision model that recognises reef species from diver footage.", subjects: ["species classifier", "night-dive images", "bleaching detector", "fish counter", "eval harness"], urlBase: "https://models.example/reef-vision" },
  { slug: "triage-agent", name: "Triage Agent", kind: "agent", description: "An agent that routes incoming clinical questions to the right reviewers.", subjects: ["routing policy", "tool calls", "escalation rules", "prompt library", "eval scenarios"], urlBase: "https://github.com/understory-demo/triage-agent/pull" },
  { slug: "core-sdk", name: "Core SDK", kind: "code", description: "The shared client library every datanet and model builds on.", subjects: ["upload client", "schema validator", "retry logic", "CLI", "TypeScript types"], urlBase: "https://github.com/understory-demo/core-sdk/pull" },
  { slug: "lingua-datanet", name: "Lingua Datanet", kind: "datanet", description: "Speech and text in under-resourced languages, recorded and transcribed by native speakers.", subjects: ["Swahili speech", "Yorùbá transcripts", "Quechua glossary", "Tagalog audio", "Māori place names"], urlBase: "https://lingua.example/clips" },
  { slug: "soil-datanet", name: "Soil Health Datanet", kind: "datanet", description: "Soil samples and spectra from smallholder farms.", subjects: ["soil spectra", "pH readings", "crop yields", "sample metadata", "lab protocols"], urlBase: "https://soil.example/samples" },
  { slug: "weather-model", name: "Nowcast weather model", kind: "model", description: "Short-range precipitation forecasts from radar.", subjects: ["radar tiles", "rainfall nowcast", "calibration", "ensemble runs", "station data"], urlBase: "https://models.example/nowcast" },
  { slug: "support-agent", name: "Support Agent", kind: "agent", description: "An agent that answers contributor questions from the docs.", subjects: ["retrieval index", "answer templates", "handoff rules", "FAQ set", "feedback loop"], urlBase: "https://github.com/understory-demo/support-agent/pull" },
  { slug: "indexer", name: "Graph Indexer", kind: "code", description: "Indexes contributions and links for fast queries.", subjects: ["ingest worker", "query planner", "cache layer", "schema migration", "metrics endpoint"], urlBase: "https://github.com/understory-demo/indexer/pull" },
  { slug: "commons-forum", name: "Commons Forum", kind: "community", description: "Onboarding, governance and the weekly community calls.", subjects: ["onboarding guide", "governance proposal", "community call", "translation drive", "meetup"], urlBase: "https://forum.example/t" },
  { slug: "bird-audio-datanet", name: "Bird Audio Datanet", kind: "datanet", description: "Field recordings of bird song, labelled by species.", subjects: ["dawn chorus", "species labels", "call segments", "recorder metadata", "noise filter"], urlBase: "https://birds.example/recordings" },
];

export interface CampaignSpec {
  name: string;
  kind: CampaignKind;
  /** index into the projects, or null for an ecosystem-wide campaign */
  project: number | null;
  weeks: number;
  /** relative number of newcomers it recruits */
  pull: number;
}

/** Demo: the first two (points season, then a project hackathon); larger scales cycle through all. */
export const CAMPAIGN_SPECS: readonly CampaignSpec[] = [
  { name: "Season 1 Points", kind: "points", project: null, weeks: 4, pull: 1.6 },
  { name: "Reef Vision Hackathon", kind: "hackathon", project: 2, weeks: 3, pull: 1 },
  { name: "Genesis Airdrop", kind: "airdrop", project: null, weeks: 3, pull: 1.4 },
  { name: "Med-QA Bounty Sprint", kind: "bounty", project: 1, weeks: 4, pull: 1 },
  { name: "Season 2 Points", kind: "points", project: null, weeks: 5, pull: 1.5 },
  { name: "Core SDK Grants Round", kind: "grant", project: 4, weeks: 6, pull: 0.7 },
];

/** Contribution kinds each project kind receives, with relative weights. */
export const KIND_MIX: Record<ProjectKind, readonly (readonly [ContributionKind, number])[]> = {
  datanet: [["data", 60], ["review", 18], ["documentation", 8], ["coordination", 5], ["research", 5], ["support", 4]],
  model: [["model", 30], ["research", 20], ["code", 15], ["review", 15], ["data", 12], ["documentation", 8]],
  agent: [["code", 45], ["review", 20], ["documentation", 10], ["research", 10], ["support", 10], ["other", 5]],
  code: [["code", 58], ["review", 25], ["documentation", 12], ["support", 5]],
  community: [["coordination", 30], ["support", 30], ["documentation", 25], ["other", 15]],
};

const REGIONS = ["Île de la Réunion", "São Tomé", "Kraków", "Đà Nẵng", "Tromsø", "Zürich", "Mombasa", "Valparaíso", "Okinawa", "Reykjavík", "Chiang Mai", "Bahía Blanca"];

// {s} subject, {n} a count with a thousands separator, {r} a region, {v} a version
const TITLES: Record<ContributionKind, readonly string[]> = {
  data: ["Labelled {n} {s} samples", "Added {s} batch, {r}", "Cleaned duplicates in “{s}” set", "Uploaded {s} readings from {r}", "Re-annotated {s}: {n} items", "Filled gaps in {s} (2 sensors, {r})"],
  model: ["Fine-tuned {s} on {n} new examples", "Released {s} checkpoint {v}", "Distilled {s}, 40% smaller", "Retrained {s} after label fixes"],
  code: ["Fix crash in {s} on “smart quotes”", "Add pagination to {s}", "Refactor {s}, drop legacy path", "Speed up {s} by ~3×", "Handle UTF-8 names in {s}", "Port {s} to async/await"],
  review: ["Review of {s} batch from {r}", "Checked {n} {s} labels", "Second opinion on “{s}” edge cases", "Review: {s} {v}"],
  documentation: ["Guide: getting started with {s}", "Document {s} schema, with examples", "Translate {s} docs (español, français)", "FAQ for {s}"],
  research: ["Benchmark {s} against baseline", "Error analysis of {s}, {n} cases", "Notes: bias in {s}", "Ablation: {s} with/without augmentation"],
  coordination: ["Plan {s} sprint, {r} chapter", "Triage {s} backlog", "Minutes: {s} call", "Roadmap draft for {s}"],
  support: ["Answer questions on {s}", "Help newcomers set up {s}", "Troubleshoot {s} upload errors", "Office hours: {s}"],
  other: ["Misc. improvements to {s}", "Ideas board: {s}", "Cleanup around {s}"],
};

const DESCRIPTIONS = [
  "Follows the checklist in the contributor guide.",
  "Split into two parts, the second one\nstill needs a reviewer.",
  "Raw files are under data\\raw\\2024 on the shared drive.",
  "Thanks to everyone at the \"Friday hack\" call, this was a team effort.",
  "Tabs\tand odd whitespace in the source were normalised.",
  "Naïve baseline first; a stronger one comes next week.",
];

export const LINK_NOTES = ["used the cleaned set", "based on the labels from this batch", "fixes the regression introduced here", "reviewed, see comments", "extends this, with new samples", "same schema, more regions"];

export const DISPUTE_REASONS = [
  "This does not build on my dataset; it re-uploads it.",
  "Wrong target: the fix was for a different release.",
  "Linked to inflate credit, the two pieces of work are unrelated.",
  "I reviewed it, but the link says \"builds on\" — it should be \"reviews\".",
  "Duplicate of an earlier link to the same work.",
];

export const RESOLUTION_NOTES = { upheld: "Checked the history: the link was wrong and is removed.", rejected: "The work does build on it; the link stays." } as const;

/** 1200 → "1,200" without Intl, whose output may differ between runtimes */
function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function fill(template: string, rng: Random, subject: string): string {
  return template
    .replace("{s}", subject)
    .replace("{n}", withThousands(rng.between(2, 60) * 50))
    .replace("{r}", rng.pick(REGIONS))
    .replace("{v}", `v${rng.between(1, 4)}.${rng.between(0, 12)}`);
}

export function contributionTitle(rng: Random, kind: ContributionKind, project: ProjectSpec): string {
  return fill(rng.pick(TITLES[kind]), rng, rng.pick(project.subjects));
}

export function contributionDescription(rng: Random): string {
  return rng.chance(0.3) ? rng.pick(DESCRIPTIONS) : "";
}
