export const DASHBOARD_TABS = [
  { href: "/dashboards", label: "Overview" },
  { href: "/dashboards/retention", label: "Retention" },
  { href: "/dashboards/lifecycle", label: "Lifecycle" },
  { href: "/dashboards/attribution", label: "Attribution" },
  { href: "/dashboards/hubs", label: "Hubs" },
  { href: "/dashboards/coherence", label: "Coherence" },
  { href: "/dashboards/recognition", label: "Recognition" },
  { href: "/dashboards/participation", label: "Participation" },
  { href: "/dashboards/graph", label: "Graph explorer" },
  { href: "/dashboards/stress", label: "Stress lab" },
] as const;
