export const CONTRIBUTION_KIND_OPTIONS = [
  { value: "data", label: "Data" },
  { value: "model", label: "Model" },
  { value: "code", label: "Code" },
  { value: "review", label: "Review" },
  { value: "documentation", label: "Documentation" },
  { value: "research", label: "Research" },
  { value: "coordination", label: "Coordination" },
  { value: "support", label: "Support" },
  { value: "other", label: "Other" },
] as const;

export const CONTRIBUTION_STATUS_OPTIONS = [
  { value: "unreviewed", label: "Not yet reviewed" },
  { value: "accepted", label: "Accepted" },
  { value: "rejected", label: "Rejected" },
  { value: "quarantined", label: "Quarantined" },
] as const;

export const LINK_TYPE_OPTIONS = [
  { value: "builds_on", label: "Builds on", hint: "uses it as a foundation (full weight)" },
  { value: "fixes", label: "Fixes", hint: "repairs a problem in it (¾ weight)" },
  { value: "reviews", label: "Reviews", hint: "assesses it (½ weight)" },
  { value: "cites", label: "Cites", hint: "refers to it (½ weight)" },
] as const;
