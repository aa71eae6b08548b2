// What each metric parameter controls, in the words of METRICS.md, grouped by the section that
// defines it. Client-safe (no server imports): the parameters page and its form both read it.
// Every leaf of the params object must have an entry; a unit test walks DEFAULT_PARAMS to keep it so.
import type { DefinitionAnchor } from "@/components/charts/definition-anchors";

export interface ParamDoc {
  label: string;
  help: string;
}

export interface ParamSection {
  id: string;
  title: string;
  anchor: DefinitionAnchor;
  /** dotted paths into the params object, in display order */
  params: Record<string, ParamDoc>;
}

const kinds = ["data", "model", "code", "review", "documentation", "research", "coordination", "support", "other"] as const;

export const PARAM_SECTIONS: ParamSection[] = [
  {
    id: "lifecycle", title: "Activity and lifecycle", anchor: "lifecycle",
    params: {
      activityThreshold: { label: "Activity threshold (m)", help: "Contributions a person needs in a period to count as active in it." },
      "dormancyGap.week": { label: "Dormancy gap G, weeks", help: "Inactive weeks after which a dormant contributor counts as churned." },
      "dormancyGap.month": { label: "Dormancy gap G, months", help: "Inactive months after which a dormant contributor counts as churned." },
    },
  },
  {
    id: "retention", title: "Retention and recognition windows", anchor: "retention",
    params: {
      retentionHorizon: { label: "Retention horizon H, periods", help: "How far ahead unbounded retention looks for a return." },
      windowDays: { label: "Window W, days", help: "Days for newcomer conversion (a 2nd contribution), recognition coverage and newcomer integration." },
    },
  },
  {
    id: "minting", title: "Attribution: minting", anchor: "attribution",
    params: {
      ...Object.fromEntries(kinds.map((k) => [`kindWeights.${k}`, { label: `Kind weight: ${k}`, help: `Credit minted by one ${k} contribution (w_kind).` }])),
      "statusWeights.accepted": { label: "Status weight: accepted", help: "Share of its kind weight that a contribution accepted by a maintainer mints." },
      "statusWeights.unreviewed": { label: "Status weight: unreviewed", help: "Share minted by a contribution nobody has reviewed yet." },
      "statusWeights.rejected": { label: "Status weight: rejected", help: "Share minted by a rejected contribution." },
      "statusWeights.quarantined": { label: "Status weight: quarantined", help: "Share minted by a contribution quarantined as suspected gaming." },
    },
  },
  {
    id: "cascade", title: "Attribution: the cascade", anchor: "attribution",
    params: {
      passThrough: { label: "Pass-through ρ", help: "Share of the credit a contribution holds that it passes down to the work it builds on." },
      "typeWeights.builds_on": { label: "Link weight: builds on", help: "How much of the passed credit a builds-on link draws, relative to the others." },
      "typeWeights.fixes": { label: "Link weight: fixes", help: "Relative weight of a fixes link." },
      "typeWeights.reviews": { label: "Link weight: reviews", help: "Relative weight of a reviews link." },
      "typeWeights.cites": { label: "Link weight: cites", help: "Relative weight of a cites link." },
      "statusFactors.confirmed": { label: "κ confirmed", help: "Factor on a link its target's author confirmed." },
      "statusFactors.unconfirmed": { label: "κ unconfirmed", help: "Factor on a link nobody has confirmed yet." },
      "statusFactors.disputed": { label: "κ disputed", help: "Factor on a disputed link (0: the credit stays with the source until resolved)." },
      visibilityDecayWeekly: { label: "Visibility decay d, per week", help: "How fast the visibility stock fades each week; months use the same half-life." },
    },
  },
  {
    id: "pagerank", title: "Attribution: personalized PageRank", anchor: "attribution",
    params: {
      "pagerank.alpha": { label: "Teleport α", help: "Probability of jumping back to the seed vector (minted credit) at each step." },
      "pagerank.tolerance": { label: "Tolerance", help: "The iteration stops once the L1 change falls below this." },
      "pagerank.maxIterations": { label: "Maximum iterations", help: "The iteration stops here even if it has not converged." },
      "pagerank.contributorToContribution": { label: "Edge weight: contributor → contribution", help: "Weight of the authorship edge from a person to their work." },
      "pagerank.contributionToContributor": { label: "Edge weight: contribution → contributor", help: "Weight of the authorship edge back from the work to its authors." },
    },
  },
  {
    id: "hubs", title: "Hubs", anchor: "hubs",
    params: {
      "betweenness.exactUpTo": { label: "Exact betweenness up to", help: "Contributors in a window up to which betweenness is computed exactly." },
      "betweenness.pivots": { label: "Sampled pivots k", help: "Pivots sampled (scaled by n/k) above that size." },
      "betweenness.seed": { label: "Sampling seed", help: "Seed of the pivot sample, so a run can be reproduced." },
    },
  },
  {
    id: "coherence", title: "Coherence", anchor: "coherence",
    params: {
      coherenceWindow: { label: "Trailing window, periods", help: "Periods over which the graph measures (reciprocity, components, modularity) are taken." },
      integrationSeniority: { label: "Integration seniority, periods", help: "How much earlier the linked contributor must be born for a newcomer to count as integrated." },
    },
  },
  {
    id: "classes", title: "Contributor classes", anchor: "transactional",
    params: {
      "classRules.transactionalLift": { label: "Transactional lift", help: "Campaign lift at or above which (with a low linking ratio) a contributor is transactional." },
      "classRules.linkingRatioMin": { label: "Linking ratio threshold", help: "Below it a contributor can be transactional; at or above it, persistent." },
      "classRules.persistentActivePeriods": { label: "Persistent: active periods", help: "Distinct active periods needed to be persistent." },
      "classRules.persistentTenurePeriods": { label: "Persistent: tenure, periods", help: "Tenure needed to be persistent." },
      "classRules.trailingPeriods": { label: "Trailing periods", help: "The recent window shown beside the whole-history figures." },
      "classRules.burstinessMinEvents": { label: "Burstiness: minimum events", help: "Contributions needed before burstiness is computed." },
    },
  },
  {
    id: "signals", title: "Signals", anchor: "signals",
    params: {
      "signals.transactionalRisePoints": { label: "Transactional rise, points", help: "Rise of the transactional share (percentage points) that fires the signal…" },
      "signals.transactionalRisePeriods": { label: "Transactional rise, over periods", help: "…over this many periods." },
      "signals.nakamotoDropFraction": { label: "Nakamoto drop", help: "Fall of N₀.₅ of attribution (as a fraction) that fires the signal." },
      "signals.giantComponentMin": { label: "Giant component minimum", help: "The signal fires when the giant-component share falls below this." },
      "signals.elasticityMax": { label: "Scarcity elasticity maximum", help: "The signal fires when elasticity ε falls below this (coverage falling while volume rises)." },
    },
  },
  {
    id: "gaming", title: "Link rings", anchor: "gaming",
    params: {
      "ring.minSize": { label: "Ring: minimum size", help: "Fewest contributors that can form a ring." },
      "ring.maxSize": { label: "Ring: maximum size", help: "Most contributors in one ring." },
      "ring.internalShareMin": { label: "Ring: internal share", help: "Share of the group's links that stay inside it." },
      "ring.reciprocityMin": { label: "Ring: reciprocity", help: "Share of the group's contributor edges that go both ways." },
      "ring.minLinks": { label: "Ring: minimum links", help: "Fewest links inside the group." },
    },
  },
];

export const PARAM_PATHS: string[] = PARAM_SECTIONS.flatMap((s) => Object.keys(s.params));
