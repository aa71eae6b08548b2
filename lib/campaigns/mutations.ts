// Campaign writes: validate, authorize (canManageCampaign on the campaign's project, and on the
// project it moves to), write, audit with before/after, and ask for a recompute, all in one
// transaction. Campaign windows decide acquisition segments and campaign shares, so every change
// moves the metrics.
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { canManageCampaign } from "@/lib/permissions";
import { recordAudit } from "@/lib/audit/record";
import { enqueueRecompute } from "@/lib/jobs/queue";
import { rethrowDbError } from "@/lib/db-errors";
import { idSchema } from "@/lib/validation/common";
import { campaignFieldsSchema, campaignUpdateSchema, type CampaignFields } from "@/lib/validation/campaigns";
import { CAMPAIGN_SELECT, loadCampaignSnapshot } from "./snapshot";

const INVALID = "Please correct the highlighted fields.";

function assertMayManage(actor: Actor, projectId: number | null) {
  if (canManageCampaign(actor, projectId)) return;
  throw new AppError(
    "forbidden",
    projectId === null ? "Only admins manage ecosystem-wide campaigns." : "Only this project's maintainers and admins manage its campaigns.",
  );
}

/** The project must exist and be open. Checked after the permission rule, so nobody learns of projects they may not touch. */
async function requireOpenProject(tx: Tx, projectId: number | null) {
  if (projectId === null) return;
  const project = await tx.project.findUnique({ where: { id: projectId }, select: { archivedAt: true } });
  if (!project) throw new AppError("invalid_input", INVALID, { projectId: "This project does not exist" });
  if (project.archivedAt) throw new AppError("invalid_input", INVALID, { projectId: "This project is archived: it takes no new campaigns" });
}

/** An existing campaign: missing or another project's reads as not found (a maintainer learns nothing
 * of other projects); an ecosystem campaign, which maintainers can see, is refused as forbidden. */
function assertMayManageExisting<T extends { projectId: number | null }>(actor: Actor, existing: T | null): T {
  if (!existing || (existing.projectId !== null && !canManageCampaign(actor, existing.projectId))) {
    throw new AppError("not_found", "This campaign does not exist.");
  }
  assertMayManage(actor, existing.projectId);
  return existing;
}

const data = (f: CampaignFields) => ({ name: f.name, kind: f.kind, projectId: f.projectId, startAt: f.startAt, endAt: f.endAt });

export async function createCampaign(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number }> {
  const actor = requireRole(actorOrNull, "maintainer");
  const fields = parseOrThrow(campaignFieldsSchema, raw);
  assertMayManage(actor, fields.projectId);
  try {
    return await prisma.$transaction(async (tx) => {
      await requireOpenProject(tx, fields.projectId);
      const created = await tx.campaign.create({ data: data(fields), select: CAMPAIGN_SELECT });
      await recordAudit(tx, { actorId: actor.id, action: "campaign.create", entityType: "campaign", entityId: created.id, after: created });
      await enqueueRecompute(tx, "campaign.create");
      return { id: created.id };
    });
  } catch (e) {
    rethrowDbError(e);
  }
}

export async function updateCampaign(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number }> {
  const actor = requireRole(actorOrNull, "maintainer");
  const { id, ...fields } = parseOrThrow(campaignUpdateSchema, raw);
  try {
    return await prisma.$transaction(async (tx) => {
      // FOR UPDATE: two editors of one campaign queue up, so each audit event's "before" is exact.
      await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${id} FOR UPDATE`;
      const before = assertMayManageExisting(actor, await loadCampaignSnapshot(tx, id));
      assertMayManage(actor, fields.projectId);
      // Keeping a campaign on a project archived since is allowed; moving one onto an archived project is not.
      if (fields.projectId !== before.projectId) await requireOpenProject(tx, fields.projectId);
      const after = await tx.campaign.update({ where: { id }, data: data(fields), select: CAMPAIGN_SELECT });
      await recordAudit(tx, { actorId: actor.id, action: "campaign.update", entityType: "campaign", entityId: id, before, after });
      await enqueueRecompute(tx, "campaign.update");
      return { id };
    });
  } catch (e) {
    rethrowDbError(e);
  }
}

export async function deleteCampaign(actorOrNull: Actor | null, rawId: unknown): Promise<{ id: number }> {
  const actor = requireRole(actorOrNull, "maintainer");
  const id = parseOrThrow(idSchema, rawId);
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${id} FOR UPDATE`;
    const before = assertMayManageExisting(actor, await loadCampaignSnapshot(tx, id));
    await tx.campaign.delete({ where: { id } });
    await recordAudit(tx, { actorId: actor.id, action: "campaign.delete", entityType: "campaign", entityId: id, before });
    await enqueueRecompute(tx, "campaign.delete");
    return { id };
  });
}
