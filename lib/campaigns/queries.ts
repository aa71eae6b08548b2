// Campaign reads for the campaigns pages. Scope lives in the `where`: admins see every campaign,
// maintainers their projects' campaigns and the ecosystem-wide ones (which shape their projects'
// acquisition segments too, but only admins change them).
import { prisma } from "@/lib/db";
import { hasRole, type Actor } from "@/lib/auth/actor";
import { canManageCampaign } from "@/lib/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CampaignListQuery, CampaignState } from "@/lib/validation/campaigns";
import { campaignState } from "./state";

export interface CampaignRow {
  id: number;
  name: string;
  kind: string;
  projectId: number | null;
  projectName: string | null;
  projectArchived: boolean;
  startAt: Date;
  endAt: Date;
  state: CampaignState;
  canManage: boolean;
}

function scopeWhere(actor: Actor): Prisma.CampaignWhereInput {
  if (hasRole(actor, "admin")) return {};
  if (actor.role === "maintainer") return { OR: [{ projectId: null }, { projectId: { in: actor.maintainedProjectIds } }] };
  return { id: -1 }; // contributors see none (pages refuse them first; this fails closed)
}

function stateWhere(state: CampaignState | undefined, now: Date): Prisma.CampaignWhereInput {
  if (state === "upcoming") return { startAt: { gt: now } };
  if (state === "running") return { startAt: { lte: now }, endAt: { gt: now } };
  if (state === "ended") return { endAt: { lte: now } };
  return {};
}

/** Campaigns the actor may see, newest start first. Campaigns are few (tens per year), so no paging. */
export async function listCampaigns(actor: Actor, query: CampaignListQuery, now = new Date()): Promise<CampaignRow[]> {
  const projectWhere: Prisma.CampaignWhereInput =
    query.project === undefined ? {} : { projectId: query.project === "ecosystem" ? null : query.project };
  const rows = await prisma.campaign.findMany({
    where: { AND: [scopeWhere(actor), stateWhere(query.state, now), projectWhere] },
    select: { id: true, name: true, kind: true, projectId: true, startAt: true, endAt: true, project: { select: { name: true, archivedAt: true } } },
    orderBy: [{ startAt: "desc" }, { id: "desc" }],
  });
  return rows.map((r) => ({
    id: r.id, name: r.name, kind: r.kind, projectId: r.projectId,
    projectName: r.project?.name ?? null, projectArchived: Boolean(r.project?.archivedAt),
    startAt: r.startAt, endAt: r.endAt, state: campaignState(r, now), canManage: canManageCampaign(actor, r.projectId),
  }));
}

/** One campaign for its edit form, or null when it does not exist or the actor may not manage it. */
export async function getManageableCampaign(actor: Actor, id: number) {
  const c = await prisma.campaign.findUnique({
    where: { id },
    select: { id: true, name: true, kind: true, projectId: true, startAt: true, endAt: true, project: { select: { name: true } } },
  });
  if (!c || !canManageCampaign(actor, c.projectId)) return null;
  return c;
}

/** Open projects the actor can attach a campaign to. */
export async function listCampaignProjects(actor: Actor): Promise<{ id: number; name: string }[]> {
  return prisma.project.findMany({
    where: { archivedAt: null, ...(hasRole(actor, "admin") ? {} : { id: { in: actor.maintainedProjectIds } }) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
