import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import { getProjectForAdmin } from "@/lib/projects/queries";
import { idSchema } from "@/lib/validation/common";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import { ProjectForm } from "@/components/admin/projects/project-form";
import { ArchiveForm } from "@/components/admin/projects/archive-form";
import { AddMaintainerForm, RemoveMaintainerButton } from "@/components/admin/projects/maintainer-forms";

export const metadata: Metadata = { title: "Project · Admin" };

export default async function AdminProjectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole("admin");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [project, sp] = await Promise.all([getProjectForAdmin(id.data), searchParams]);
  if (!project) notFound();
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <Link href="/admin/projects" className="text-sm text-moss-700 underline">← Projects</Link>
        <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
          {project.name} <span className="font-mono text-sm font-normal text-stone-500">{project.slug}</span>
          {project.archivedAt ? <Badge value="archived" label="archived" /> : <Badge value="accepted" label="active" />}
        </h1>
        <p className="text-sm text-stone-600">
          {project.kind} · {project.contributions.toLocaleString("en-GB")} contribution{project.contributions === 1 ? "" : "s"} · created {formatDate(project.createdAt)}
          {" · "}<Link className="text-moss-700 underline" href={`/dashboards?project=${project.slug}`}>dashboards</Link>
        </p>
      </div>
      {sp.created === "1" && <p role="status" className="rounded-md bg-moss-50 px-3 py-2 text-sm text-moss-900">Project created. Add its maintainers below.</p>}
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-label="Details">
          <h2 className="font-semibold">Details</h2>
          <ProjectForm initial={{ id: project.id, slug: project.slug, name: project.name, kind: project.kind, description: project.description }} />
        </section>
        <div className="space-y-4">
          <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-label="Maintainers">
            <h2 className="font-semibold">Maintainers</h2>
            {project.maintainers.length === 0 ? (
              <p className="text-sm text-stone-600">No maintainers yet: only admins can review this project&apos;s work.</p>
            ) : (
              <ul className="divide-y divide-stone-100" data-testid="maintainers">
                {project.maintainers.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span>
                      <Link href={`/admin/people/${m.id}`} className="font-medium text-moss-700 underline">@{m.handle}</Link>{" "}
                      <span className="text-stone-600">{m.name} · {m.role}{m.deactivatedAt ? " · deactivated" : ""} · since {formatDate(m.since)}</span>
                    </span>
                    <RemoveMaintainerButton projectId={project.id} userId={m.id} handle={m.handle} />
                  </li>
                ))}
              </ul>
            )}
            <AddMaintainerForm projectId={project.id} />
          </section>
          <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-label="Archive">
            <h2 className="font-semibold">{project.archivedAt ? "Archived" : "Archive"}</h2>
            <p className="text-sm text-stone-600">
              {project.archivedAt ? `Archived ${formatDate(project.archivedAt)}: it takes no new contributions.` : "An archived project takes no new contributions; its history and metrics stay."}
            </p>
            <ArchiveForm projectId={project.id} name={project.name} isArchived={project.archivedAt !== null} />
          </section>
        </div>
      </div>
    </div>
  );
}
