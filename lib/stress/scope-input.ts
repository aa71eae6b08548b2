// The rows a stress run starts from, so that its "before" column is what the dashboards show.
// Pure: rows in, new rows out; the (cached, shared) input is never mutated.
//
// 1. Ring quarantine, as the recompute does it (lib/metrics/run-engine.ts): link rings are
//    detected on the whole ecosystem as of asOf with the ecosystem parameters, and their
//    contributions mint nothing (status quarantined) unless already rejected or quarantined, or a
//    maintainer cleared them (ring_reviews, passed in as clearedContributionIds).
// 2. Scope: for a project, its contributions and the links between two of them; a link that
//    crosses into another project leaves with its outside end, as in the project dashboards, whose
//    cascade never sends credit out of the project. Campaigns: the ecosystem's and the project's.

import { STATUS_QUARANTINED, STATUS_REJECTED } from "@/lib/metrics/codes";
import { detectLinkRings } from "@/lib/metrics/gaming";
import { buildGraph, type GraphInput } from "@/lib/metrics/graph";
import type { MetricParams } from "@/lib/metrics/params";

export interface PreparedInput {
  input: GraphInput;
  /** contributions of the scope that ring detection quarantined for this run */
  quarantined: number;
}

export function prepareStressInput(all: GraphInput, opts: { projectId: number | null; ecosystemParams: MetricParams; asOfMs: number; clearedContributionIds?: number[] }): PreparedInput {
  const cleared = new Set(opts.clearedContributionIds ?? []);
  const suspect = new Set(detectLinkRings(buildGraph(all), opts.ecosystemParams, opts.asOfMs).quarantineContributionIds.filter((id) => !cleared.has(id)));
  const inScope = (projectId: number) => opts.projectId === null || projectId === opts.projectId;
  let quarantined = 0;
  const contributions = all.contributions
    .filter((c) => inScope(c.projectId))
    .map((c) => {
      if (!suspect.has(c.id) || c.status === STATUS_REJECTED || c.status === STATUS_QUARANTINED) return c;
      quarantined++;
      return { ...c, status: STATUS_QUARANTINED };
    });
  if (opts.projectId === null) return { input: { ...all, contributions }, quarantined };
  const kept = new Set(contributions.map((c) => c.id));
  return {
    input: {
      contributions,
      links: all.links.filter((l) => kept.has(l.from) && kept.has(l.to)),
      campaigns: all.campaigns.filter((c) => c.projectId === null || c.projectId === opts.projectId),
    },
    quarantined,
  };
}
