import type { Metadata } from "next";
import Link from "next/link";
import { loadDashboardContext } from "@/lib/analytics/dashboard-context";
import { getContributionNeighbourhood, getContributorNeighbourhood, searchGraphFocus, type GraphScope } from "@/lib/analytics/graph-neighbourhood";
import { listContributorSummaries } from "@/lib/analytics/results";
import { DashboardShell } from "@/components/dashboards/dashboard-shell";
import { ContributionExplorer } from "@/components/graph/contribution-explorer";
import { ContributorExplorer } from "@/components/graph/contributor-explorer";
import { graphHref, type GraphFocus } from "@/components/graph/graph-href";
import { DepthSwitch } from "@/components/graph/graph-parts";
import { GraphSearch } from "@/components/graph/graph-search";
import { formatBetweenness } from "@/components/graph/graph-style";
import { defaultDepth, parseGraphParams } from "./graph-params";

export const metadata: Metadata = { title: "Graph explorer" };

const PATH = "/dashboards/graph";
const STARTERS = 8;

export default async function GraphExplorerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await loadDashboardContext(searchParams);
  const params = parseGraphParams(await searchParams);
  const { filters: f, selected, run } = ctx;
  const depth = defaultDepth(params);
  const scope: GraphScope = { projectId: selected.projectId, scope: selected.scope, runId: run?.id ?? null, from: f.from, to: f.to };
  const focus: GraphFocus | null = params.contribution !== undefined ? { contribution: params.contribution } : params.contributor ? { contributor: params.contributor } : null;
  const [search, byContribution, byContributor, starters] = await Promise.all([
    params.q ? searchGraphFocus(scope, params.q) : null,
    focus && "contribution" in focus ? getContributionNeighbourhood(scope, focus.contribution, depth) : null,
    focus && "contributor" in focus ? getContributorNeighbourhood(scope, focus.contributor, depth) : null,
    !focus && run ? listContributorSummaries({ runId: run.id, scope: selected.scope, orderBy: "betweenness", limit: STARTERS }) : [],
  ]);
  const keep: Record<string, string> = focus ? { ...("contribution" in focus ? { contribution: String(focus.contribution) } : { contributor: focus.contributor }), depth: String(depth) } : {};
  return (
    <DashboardShell ctx={ctx} path={PATH} keep={keep} title="Graph explorer"
      intro="Who builds on whom, around one contribution or one person: a bounded neighbourhood of the graph, hubs highlighted.">
      <GraphSearch filters={f} query={params.q ?? ""} depth={focus ? depth : undefined} result={search} scopeName={selected.name} />
      {focus && (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <DepthSwitch depth={depth} hrefFor={(d) => graphHref(f, focus, d)} />
          <Link href={graphHref(f, null)} className="text-sm text-stone-600 hover:underline">Clear the focus</Link>
        </div>
      )}
      {byContribution && <ContributionExplorer data={byContribution} filters={f} depth={depth} showProject={selected.projectId === null} />}
      {byContributor && <ContributorExplorer data={byContributor} filters={f} depth={depth} />}
      {focus && !byContribution && !byContributor && (
        <p className="rounded-md border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600" data-testid="graph-not-found">
          {"contribution" in focus
            ? `No contribution #${focus.contribution} in ${selected.name}: it may be withdrawn, belong to another project, or not exist.`
            : `No contributor @${focus.contributor} with work in ${selected.name}.`}{" "}
          Search for another focus above.
        </p>
      )}
      {!focus && (
        <section aria-labelledby="starters" className="space-y-2 rounded-lg border border-dashed border-stone-300 bg-white p-4" data-testid="graph-start">
          <h2 id="starters" className="text-base font-semibold">Pick a focus to start</h2>
          <p className="text-sm text-stone-600">
            Search above, or start from one of the most central people of {selected.name} (highest betweenness in the newest run). The explorer draws at most 150 nodes
            around the focus, one or two steps out, never the whole graph.
          </p>
          {starters.length > 0 && (
            <ul className="flex flex-wrap gap-2 text-sm">
              {starters.map((s) => (
                <li key={s.userId}>
                  <Link href={graphHref(f, { contributor: s.handle })} className="inline-block rounded-md border border-stone-300 px-2 py-1 text-moss-700 hover:bg-stone-50">
                    @{s.handle}{s.isHub && <span className="ml-1 rounded bg-yellow-100 px-1 text-xs text-stone-900">hub {formatBetweenness(s.betweenness)}</span>}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </DashboardShell>
  );
}
