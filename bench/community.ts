// The benchmark community in memory: the demo generator's bench size turned straight into the
// engine's GraphInput, the same rows `npm run db:seed -- --size bench` stores and
// lib/jobs/load-graph.ts reads back (withdrawn contributions left out, enum names mapped to codes,
// shares parsed from their 4-decimal text). Built from the plan's typed arrays, not the row
// generators, because titles and descriptions would cost seconds and the engine never reads them.
import { BENCH_SIZE } from "@/lib/demo/generator";
import { KINDS, LINK_STATUSES as DEMO_LINK_STATUSES, LINK_TYPES as DEMO_LINK_TYPES, STATUSES } from "@/lib/demo/codes";
import { buildPlan } from "@/lib/demo/plan";
import { campaignRows } from "@/lib/demo/rows-people";
import { shareText } from "@/lib/demo/rows-work";
import { CAMPAIGN_KINDS, CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, LINK_STATUSES, LINK_TYPES, codeOf } from "@/lib/metrics/codes";
import type { ContributionRow, GraphInput, LinkRow } from "@/lib/metrics/graph";
import type { DemoScale } from "@/lib/demo/types";

/** Fixed so every run and machine benchmarks the same history. */
export const BENCH_END_AT = Date.parse("2026-06-01T00:00:00Z");
export const BENCH_SEED = 1;

export function benchCommunity(scale: DemoScale = BENCH_SIZE, seed = BENCH_SEED, endAt = BENCH_END_AT): GraphInput {
  const plan = buildPlan({ ...scale, seed, endAt, passwordHash: "" });
  const { act, links } = plan;
  const kindCode = KINDS.map((k) => codeOf(CONTRIBUTION_KINDS, k));
  const statusCode = STATUSES.map((s) => codeOf(CONTRIBUTION_STATUSES, s));
  const typeCode = DEMO_LINK_TYPES.map((t) => codeOf(LINK_TYPES, t));
  const linkStatusCode = DEMO_LINK_STATUSES.map((s) => codeOf(LINK_STATUSES, s));

  const contributions: ContributionRow[] = [];
  for (let i = 0; i < act.n; i++) {
    if (act.withdrawn[i]) continue;
    const authors = [{ contributorId: act.author[i], share: Number(shareText(act.primaryBp[i])) }];
    for (let k = act.coStart[i]; k < act.coStart[i + 1]; k++) authors.push({ contributorId: act.coAuthors[k], share: Number(shareText(act.coShareBp[k])) });
    contributions.push({ id: i + 1, occurredAt: act.time[i], projectId: act.project[i] + 1, kind: kindCode[act.kind[i]], status: statusCode[act.status[i]], authors });
  }
  const linkRows: LinkRow[] = [];
  const removed = codeOf(LINK_STATUSES, "removed");
  for (let k = 0; k < links.n; k++) {
    const status = linkStatusCode[links.status[k]];
    if (status === removed) continue;
    linkRows.push({ id: k + 1, from: links.from[k] + 1, to: links.to[k] + 1, type: typeCode[links.type[k]], status });
  }
  const campaigns = [...campaignRows(plan)].map((c) => ({ id: c.id, name: c.name, projectId: c.projectId, kind: codeOf(CAMPAIGN_KINDS, c.kind), startAt: c.startAt, endAt: c.endAt }));
  return { contributions, links: linkRows, campaigns };
}
