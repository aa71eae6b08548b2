import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth/session";
import { getAdminOverview, type AdminOverview } from "@/lib/users/admin-overview";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";

export const metadata: Metadata = { title: "Admin" };

/** One figure, linking to the section that lists what it counts. */
function Figure(props: { label: string; value: number; href: string; detail?: ReactNode; needsAttention?: boolean }) {
  return (
    <Link
      href={props.href}
      className={`block min-w-0 space-y-1 rounded-lg border bg-white p-4 hover:border-moss-600 hover:shadow-sm ${props.needsAttention ? "border-orange-300" : "border-stone-200"}`}
      data-testid={`overview-${props.label.toLowerCase().replace(/\s+/g, "-")}`}
    >
      <p className="text-sm text-stone-600">{props.label}</p>
      <p className="text-2xl font-semibold tabular-nums text-stone-900">{props.value.toLocaleString("en-GB")}</p>
      {props.detail && <p className="text-xs text-stone-600">{props.detail}</p>}
    </Link>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2" aria-label={title}>
      <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600">{title}</h2>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">{children}</div>
    </section>
  );
}

const RUN_TONE: Record<string, string> = { succeeded: "accepted", failed: "rejected", running: "unconfirmed", queued: "unconfirmed" };

function LastRun({ run, queued }: { run: AdminOverview["lastRun"]; queued: boolean }) {
  return (
    <Link href="/dashboards" className="block space-y-1 rounded-lg border border-stone-200 bg-white p-4 hover:border-moss-600" data-testid="overview-last-run">
      <p className="text-sm text-stone-600">Last metric run</p>
      {run ? (
        <>
          <p className="flex items-center gap-2 text-lg font-semibold">
            #{run.id} <Badge value={RUN_TONE[run.status] ?? run.status} label={run.status} />
          </p>
          <p className="text-xs text-stone-600">
            {run.status === "running"
              ? `${run.phase ?? "working"}, ${Math.round(run.progress * 100)} %`
              : run.finishedAt ? `finished ${formatDateTime(run.finishedAt)}` : `created ${formatDateTime(run.createdAt)}`}
          </p>
          {run.status === "failed" && run.error && <p className="truncate text-xs text-red-800" title={run.error}>{run.error}</p>}
        </>
      ) : (
        <p className="text-sm text-stone-500">No run yet.</p>
      )}
      <p className="text-xs text-stone-600">{queued ? "A recompute is queued for recent changes." : "No recompute queued."}</p>
    </Link>
  );
}

export default async function AdminOverviewPage() {
  await requirePageRole("admin");
  const o = await getAdminOverview();
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Admin overview</h1>
      <Group title="People">
        <Figure label="Active people" value={o.active} href="/admin/people?state=active" />
        <Figure label="Contributors" value={o.people.contributor} href="/admin/people?role=contributor&state=active" detail="active, by role" />
        <Figure label="Maintainers" value={o.people.maintainer} href="/admin/people?role=maintainer&state=active" detail="active, by role" />
        <Figure label="Admins" value={o.people.admin} href="/admin/people?role=admin&state=active" detail="active, by role" />
        <Figure label="Deactivated" value={o.deactivated} href="/admin/people?state=deactivated" detail="their contributions still count" />
        <Figure label="Merged" value={o.merged} href="/admin/people?state=merged" detail="duplicate identities folded into another" />
        <Figure label="Imported" value={o.imported} href="/admin/people?state=imported" detail={`${plural(o.unclaimedImported, "not yet claimed", "not yet claimed")}`} />
      </Group>
      <Group title="Projects and work">
        <Figure label="Projects" value={o.projects} href="/admin/projects" detail={o.archivedProjects ? `${plural(o.archivedProjects, "archived project", "archived projects")} besides` : "none archived"} />
        <Figure label="Contributions" value={o.contributions} href="/admin/projects?state=all" detail="not withdrawn, all projects" />
        <Figure label="Unreviewed contributions" value={o.unreviewed} href="/review" needsAttention={o.unreviewed > 0} detail="waiting for a maintainer" />
        <Figure label="Open disputes" value={o.openDisputes} href="/review/disputes" needsAttention={o.openDisputes > 0} detail="links or authorships contested" />
      </Group>
      <section className="space-y-2" aria-label="Metrics">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600">Metrics</h2>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <LastRun run={o.lastRun} queued={o.recomputeQueued} />
        </div>
      </section>
    </div>
  );
}
