import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { getContributorClass, getCreditSources, getPersonByHandle, listBuilders } from "@/lib/analytics/profile";
import { getDocument, listContributorPeriods } from "@/lib/analytics/results";
import { getCurrentRun } from "@/lib/analytics/runs";
import { countLinksAwaitingMe, countMyOpenDisputes } from "@/lib/links/queries";
import { canSeeContributorClass } from "@/lib/permissions";
import { handleSchema } from "@/lib/validation/common";
import { ChartFrame } from "@/components/charts/chart-frame";
import { definitionHref } from "@/components/charts/definition-anchors";
import { StatCard } from "@/components/charts/stat-card";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { periodIndex, fillVisibility } from "@/components/dashboards/visibility-fill";
import { ClassEvidenceCard } from "@/components/profile/class-evidence";
import { CreditSources } from "@/components/profile/credit-sources";
import { retentionStreak } from "@/components/profile/streak";

export const metadata: Metadata = { title: "Profile" };

function axisBetween(first: string, lastPeriod: number, unit: "week" | "month"): string[] {
  const out: string[] = [];
  const start = periodIndex(first, unit);
  for (let p = start; p <= lastPeriod; p++) {
    const ms = unit === "week" ? (4 + 7 * p) * 86_400_000 : Date.UTC(Math.floor(p / 12), p % 12, 1);
    out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
}

export default async function ProfilePage({ params, searchParams }: {
  params: Promise<{ handle: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const handle = handleSchema.safeParse((await params).handle);
  if (!handle.success) notFound();
  const unit = (await searchParams).unit === "month" ? "month" : "week";
  const [person, run] = await Promise.all([getPersonByHandle(handle.data), getCurrentRun()]);
  if (!person) notFound();
  const isMe = person.id === actor.id;
  const q = run ? { runId: run.id, scope: "all", unit } as const : null;
  const [rows, period, credit, cls, awaiting, disputes] = await Promise.all([
    q ? listContributorPeriods({ ...q, userIds: [person.id] }) : [],
    q ? getDocument<{ decay: number; lastComplete: number; currentPeriod: number }>(q, "period") : null,
    q ? getCreditSources(q.runId, "all", person.id) : null,
    q && canSeeContributorClass(actor, person.id) ? getContributorClass(q.runId, "all", person.id) : null,
    // only the counts show here (the inbox lists them)
    isMe ? countLinksAwaitingMe(actor) : 0,
    isMe ? countMyOpenDisputes(actor) : 0,
  ]);
  // Stored by the recompute (as of the run, like every other figure here); counted live only before a run stored them.
  const builders = credit?.builders ?? await listBuilders(person.id);
  const axis = rows.length && period ? axisBetween(rows[0].period, period.currentPeriod, unit) : [];
  const { flow, visibility } = fillVisibility(rows, axis, period?.decay ?? 0.1, unit);
  const data = axis.map((p, i) => ({ period: p, values: { flow: flow[i], visibility: visibility[i] } }));
  const streak = period ? retentionStreak(rows, period.lastComplete, unit) : null;
  const unitWord = unit === "week" ? "weeks" : "months";
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">{person.name} <span className="font-normal text-stone-500">@{person.handle}</span></h1>
        <p className="text-sm text-stone-600">
          {isMe ? "Your attribution visibility over time: how much of the community's credit reaches your work, and through whom." : "Public attribution profile."}{" "}
          <Link href={`/people/${person.handle}?unit=${unit === "week" ? "month" : "week"}`} className="text-moss-700 hover:underline">Show by {unit === "week" ? "month" : "week"}</Link>
        </p>
        {run && <p className="text-xs text-stone-500">Results as of {run.asOf.toISOString().slice(0, 16).replace("T", " ")} UTC (run {run.id}); new work shows after the next recompute.</p>}
      </header>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="profile-figures">
        <StatCard label="Attribution (whole history)" value={credit?.summary?.attribution ?? null} format="number" caption="credit kept by your work, in minted units" />
        <StatCard label="Share of all credit" value={credit?.summary?.attributionShare ?? null} format="percent" caption="of the ecosystem's attribution" />
        <StatCard label="Visibility now" value={credit?.summary?.visibility ?? null} format="number" caption={`decays ${Math.round((period?.decay ?? 0.1) * 1000) / 10} % a ${unit}, grows when others build on your work`} />
        <StatCard label="Retention streak" value={streak?.current ?? null} format="integer"
          caption={streak ? `${unitWord} in a row up to the last complete one; longest ${streak.longest}, active in ${streak.activePeriods} ${unitWord}` : undefined} />
      </div>
      <ChartFrame id="visibility" title="Attribution flow and visibility" definitionHref={definitionHref("attribution")} isEmpty={data.length === 0}
        emptyMessage="No credit has reached this contributor's work yet (or metrics have not been computed since their first contribution)."
        caption="Flow A(t): credit that reached this person's work in each period, from their own new work and from others building on older work. Visibility V(t) = (1 − d)·V(t−1) + A(t): the stock that fades unless renewed."
        table={{ columns: [{ key: "period", label: unit === "week" ? "Week of" : "Month" }, { key: "flow", label: "Flow", format: "number" }, { key: "visibility", label: "Visibility", format: "number" }],
          rows: data.map((d) => ({ period: d.period, flow: d.values.flow, visibility: d.values.visibility })) }}>
        <TimeSeriesChart data={data} series={[{ key: "visibility", label: "Visibility V(t)" }, { key: "flow", label: "Flow A(t)" }]}
          xLabel={unit === "week" ? "Week (ISO, starting Monday UTC)" : "Month"} yLabel="Credit (minted units)" format="number" isLastIncomplete={data.length > 0} />
      </ChartFrame>
      {credit && <CreditSources sources={credit.sources} />}
      <section aria-labelledby="builders" className="space-y-2">
        <h2 id="builders" className="text-base font-semibold">Who builds on {isMe ? "your" : "this"} work</h2>
        {builders.length === 0 ? <p className="text-sm text-stone-600">Nobody has linked to this work yet.</p> : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid="builders">
            {builders.map((b) => (
              <li key={b.userId} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2">
                <Link href={`/people/${b.handle}`} className="font-medium text-moss-700 hover:underline">@{b.handle}</Link>
                <span className="text-stone-600">{b.links} {b.links === 1 ? "link" : "links"}, {b.confirmed} confirmed · latest {b.lastAt}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {cls && <ClassEvidenceCard cls={cls} isMe={isMe} />}
      {isMe && (
        <section aria-labelledby="pending" className="space-y-2">
          <h2 id="pending" className="text-base font-semibold">Waiting for your word</h2>
          <p className="text-sm text-stone-600">
            {awaiting} {awaiting === 1 ? "link" : "links"} to your work to confirm or dispute, {disputes} open {disputes === 1 ? "dispute" : "disputes"}.{" "}
            <Link href="/me" className="text-moss-700 hover:underline">Open your inbox</Link>
          </p>
        </section>
      )}
    </div>
  );
}
