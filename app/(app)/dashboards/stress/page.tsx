import type { Metadata } from "next";
import { loadDashboardContext } from "@/lib/analytics/dashboard-context";
import { getStressLabSummary } from "@/lib/stress/run-stress";
import { StressFrame } from "@/components/stress/stress-frame";
import { StressLab } from "@/components/stress/stress-lab";

export const metadata: Metadata = { title: "Stress lab" };

export default async function StressLabPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Maintainers and admins only, and only a scope they may read: the same rules as every dashboard.
  const ctx = await loadDashboardContext(searchParams);
  const summary = ctx.run ? await getStressLabSummary(ctx.run, ctx.selected.projectId) : null;
  return (
    <StressFrame ctx={ctx}>
      {summary && (
        <StressLab key={`${ctx.selected.slug}-${ctx.run?.id}`} scope={{ slug: ctx.selected.slug, name: ctx.selected.name }}
          contributions={summary.contributions} isCached={summary.isCached} base={summary.base} />
      )}
    </StressFrame>
  );
}
