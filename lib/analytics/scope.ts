// Which stored scope a dashboard request reads, decided on the server from the actor: admins read
// the ecosystem and every project; maintainers read the projects they maintain (their first one by
// default). Anyone else is refused before any result is read. Fails closed: an unknown or
// forbidden project is a 404, never a silent fallback to another scope.
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { canViewProjectMetrics, canViewEcosystemMetrics } from "@/lib/permissions";

export interface ScopeOption {
  slug: string;
  name: string;
  /** stored scope key: "all" or "project:<id>" */
  scope: string;
  projectId: number | null;
}

export const ECOSYSTEM_OPTION: ScopeOption = { slug: "all", name: "Whole ecosystem", scope: "all", projectId: null };

/** Scopes the actor may read, the ecosystem first when allowed. */
export async function listScopeOptions(actor: Actor): Promise<ScopeOption[]> {
  const projects = await prisma.project.findMany({
    where: canViewEcosystemMetrics(actor) ? {} : { id: { in: actor.maintainedProjectIds } },
    select: { id: true, slug: true, name: true },
    orderBy: { name: "asc" },
  });
  const options = projects
    .filter((p) => canViewProjectMetrics(actor, p.id))
    .map((p) => ({ slug: p.slug, name: p.name, scope: `project:${p.id}`, projectId: p.id }));
  return canViewEcosystemMetrics(actor) ? [ECOSYSTEM_OPTION, ...options] : options;
}

/** The scope for `slug`, or the actor's default when slug is "all" and the ecosystem is not theirs. */
export async function resolveScopeOrThrow(actor: Actor, slug: string): Promise<{ selected: ScopeOption; options: ScopeOption[] }> {
  const options = await listScopeOptions(actor);
  if (options.length === 0) throw new AppError("forbidden", "Dashboards are for maintainers of a project and for admins.");
  const selected = slug === "all" && !canViewEcosystemMetrics(actor) ? options[0] : options.find((o) => o.slug === slug);
  if (!selected) throw new AppError("not_found", "No such project, or not one you maintain.");
  return { selected, options };
}
