// The whole engine run: build the graph once, detect link rings on the ecosystem and quarantine
// their contributions (w_status = 0, METRICS.md §10) unless a maintainer cleared them, then compute
// the ecosystem scope and every project scope. Pure and deterministic: same input, same output.

import { STATUS_QUARANTINED, STATUS_REJECTED } from "./codes";
import { detectLinkRings, type LinkRing } from "./gaming";
import { buildGraph, type Graph, type GraphInput } from "./graph";
import type { MetricParams } from "./params";
import type { ScopeResults } from "./results";
import { computeScope, type ScopeSpec } from "./run-scope";

export interface EngineInput {
  graph: GraphInput;
  asOfMs: number;
  /** ecosystem parameters */
  params: MetricParams;
  /** per-project overrides by project database id */
  projectParams?: Map<number, MetricParams>;
  /** contributions a maintainer cleared of ring suspicion: never quarantined by detection */
  clearedContributionIds?: Set<number>;
  /** called before each scope, for progress */
  onScope?: (scope: string, index: number, total: number) => void;
}

export interface EngineOutput {
  graph: Graph;
  rings: LinkRing[];
  /** contributions quarantined by this run's ring detection (database ids) */
  quarantined: number[];
  scopes: ScopeResults[];
}

/** One scope to compute: its name for progress, and its spec. */
export interface ScopeTask {
  scope: string;
  spec: ScopeSpec;
}

/** Everything before the scopes: the graph with ring quarantine applied, and one task per scope. */
export interface PreparedEngine {
  graph: Graph;
  rings: LinkRing[];
  quarantined: number[];
  tasks: ScopeTask[];
}

export function prepareEngine(input: EngineInput): PreparedEngine {
  const g = buildGraph(input.graph);
  const { rings, quarantineContributionIds } = detectLinkRings(g, input.params, input.asOfMs);
  const cleared = input.clearedContributionIds ?? new Set<number>();
  const suspect = new Set(quarantineContributionIds.filter((id) => !cleared.has(id)));
  const quarantined: number[] = [];
  const ringProjects = rings.map(() => new Set<number>());
  const ringOf = new Map<number, number[]>();
  rings.forEach((r, k) => r.contributionIds.forEach((id) => ringOf.set(id, [...(ringOf.get(id) ?? []), k])));
  for (let i = 0; i < g.nC; i++) {
    const id = g.contribId[i];
    for (const k of ringOf.get(id) ?? []) ringProjects[k].add(g.project[i]);
    // A rejection stands; everything else in a ring mints nothing until cleared.
    if (suspect.has(id) && g.status[i] !== STATUS_REJECTED && g.status[i] !== STATUS_QUARANTINED) {
      g.status[i] = STATUS_QUARANTINED;
      quarantined.push(id);
    }
  }
  quarantined.sort((a, b) => a - b);

  const tasks: ScopeTask[] = [{ scope: "all", spec: { project: null, params: input.params, asOfMs: input.asOfMs, rings } }];
  for (let p = 0; p < g.projectIds.length; p++) {
    const id = g.projectIds[p];
    const params = input.projectParams?.get(id) ?? input.params;
    tasks.push({ scope: `project:${id}`, spec: { project: p, params, asOfMs: input.asOfMs, rings: rings.filter((_, k) => ringProjects[k].has(p)) } });
  }
  return { graph: g, rings, quarantined, tasks };
}

export function runEngine(input: EngineInput): EngineOutput {
  const { graph, rings, quarantined, tasks } = prepareEngine(input);
  const scopes = tasks.map((t, i) => {
    input.onScope?.(t.scope, i, tasks.length);
    return computeScope(graph, t.spec);
  });
  return { graph, rings, quarantined, scopes };
}
