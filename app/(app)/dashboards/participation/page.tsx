import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { loadDashboardContext } from "@/lib/analytics/dashboard-context";
import { getDocument, listClasses } from "@/lib/analytics/results";
import { listSeries } from "@/lib/analytics/series";
import { filtersQuery } from "@/lib/validation/dashboard";
import { DashboardShell } from "@/components/dashboards/dashboard-shell";
import { ClassTable } from "@/components/dashboards/class-table";
import { CampaignOutcomes, type CampaignsDoc } from "@/components/dashboards/campaign-outcomes";
import { SeriesChartCard } from "@/components/dashboards/series-chart-card";
import { campaignShading, toPeriodPoints } from "@/components/dashboards/series-points";

export const metadata: Metadata = { title: "Participation" };

const PAGE = 25;
const CLASSES = ["persistent", "transactional", "occasional", "new"] as const;
const pageParams = z.object({ class: z.enum(CLASSES).optional().catch(undefined), page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

export default async function ParticipationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const ctx = await loadDashboardContext(Promise.resolve(sp));
  const { run, filters: f, selected } = ctx;
  const local = pageParams.parse({ class: sp.class, page: sp.page });
  const q = run ? { runId: run.id, scope: selected.scope, unit: f.unit } : null;
  const metrics = ["participation.transactional_share", ...CLASSES.map((c) => `participation.class.${c}`)];
  const [series, classes, campaigns] = q
    ? await Promise.all([
        listSeries({ ...q, from: f.from, to: f.to }, metrics),
        listClasses({ runId: q.runId, scope: q.scope, class: local.class, limit: PAGE, offset: (local.page - 1) * PAGE }),
        getDocument<CampaignsDoc>(q, "campaigns"),
      ])
    : [{}, { rows: [], total: 0, counts: {} as Record<string, number> }, null];
  const { data } = toPeriodPoints(series, metrics);
  const windows = campaignShading(ctx.campaigns, data, f.unit);
  const base = filtersQuery(f);
  const link = (changes: { class?: string; page?: number }) => {
    const p = new URLSearchParams(base.slice(1));
    const cls = "class" in changes ? changes.class : local.class;
    if (cls) p.set("class", cls);
    if (changes.page && changes.page > 1) p.set("page", String(changes.page));
    const s = p.toString();
    return `/dashboards/participation${s ? `?${s}` : ""}`;
  };
  return (
    <DashboardShell ctx={ctx} path="/dashboards/participation" title="Participation" intro="How much of the participation has turned transactional: people who come for a campaign's reward and leave, against those who persist.">
      <SeriesChartCard id="transactional" title="Transactional share of active contributors" anchor="transactional" series={series} unit={f.unit} format="percent" yLabel="Share of active contributors" windows={windows}
        caption="Share of each period's active contributors whose record so far classes them transactional (campaign-driven and barely linking, or gone soon after their campaign). Shaded: incentive campaigns."
        lines={[{ metric: "participation.transactional_share", label: "Transactional share" }]} />
      <SeriesChartCard id="classes" title="Active contributors by class" anchor="transactional" series={series} unit={f.unit} format="integer" yLabel="Active contributors" windows={windows}
        caption="Each period's active contributors by their class as of that period."
        lines={CLASSES.map((c) => ({ metric: `participation.class.${c}`, label: c[0].toUpperCase() + c.slice(1) }))} />
      {campaigns && <CampaignOutcomes doc={campaigns} />}
      <section aria-labelledby="class-table" className="space-y-2">
        <h2 id="class-table" className="text-base font-semibold">Contributors and their class, with the evidence</h2>
        <p className="flex flex-wrap gap-2 text-sm">
          <Link href={link({ class: undefined })} className={!local.class ? "font-semibold text-moss-800" : "text-moss-700 hover:underline"}>All ({Object.values(classes.counts).reduce((a, b) => a + b, 0)})</Link>
          {CLASSES.map((c) => (
            <Link key={c} href={link({ class: c })} className={local.class === c ? "font-semibold text-moss-800" : "text-moss-700 hover:underline"}>{c} ({classes.counts[c] ?? 0})</Link>
          ))}
        </p>
        <ClassTable rows={classes.rows} />
        <p className="flex items-center gap-3 text-sm text-stone-600">
          Page {local.page} of {Math.max(1, Math.ceil(classes.total / PAGE))}
          {local.page > 1 && <Link href={link({ page: local.page - 1 })} className="text-moss-700 hover:underline">Previous</Link>}
          {local.page * PAGE < classes.total && <Link href={link({ page: local.page + 1 })} className="text-moss-700 hover:underline">Next</Link>}
        </p>
      </section>
    </DashboardShell>
  );
}
