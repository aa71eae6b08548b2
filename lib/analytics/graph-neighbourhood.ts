// Bounded neighbourhoods for the graph explorer: around a contribution (the links it makes to older
// work and the newer work linking to it, depth 1–2) or around a contributor (the projection of
// METRICS.md §5, depth 1–2). Never the whole graph: every hop reads a bounded pool of links through
// an index (links(to_id, from_occurred_at, from_id) for newer work, the (from_id, to_id, type) key for
// older work, contribution_authors(user_id, contribution_id) for a person's work) and keeps the
// strongest few, and the result holds at most `maxNodes` nodes, nearest first. Scope: with a
// project, every node is work in that project (the focus too); withdrawn contributions and removed
// links never appear. Hubs come from the newest run's metric_contributor_summaries for the scope.
export * from "./graph-common";
export { getContributionNeighbourhood } from "./graph-contribution";
export { getContributorNeighbourhood } from "./graph-contributor";
export * from "./graph-search";
