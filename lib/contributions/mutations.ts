// Contribution writes: one business operation per function, each validating, authorizing,
// writing, auditing and asking for a recompute inside one transaction.
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { canEditContribution } from "@/lib/permissions";
import { recordAudit } from "@/lib/audit/record";
import { enqueueRecompute } from "@/lib/jobs/queue";
import { rethrowDbError } from "@/lib/db-errors";
import { contributionEditSchema, contributionFormSchema, type ContributionFields } from "@/lib/validation/contributions";
import { idSchema } from "@/lib/validation/common";
import { loadContributionAccess, contributionSnapshot } from "./access";

/** Shares in hundredths of a percent so that they sum to exactly 100 %. */
const WHOLE = 10_000;

async function resolveAuthors(tx: Tx, actor: Actor, fields: ContributionFields) {
  const fieldErrors: Record<string, string> = {};
  const seen = new Set<string>();
  let coTotal = 0;
  fields.coAuthors.forEach((c, i) => {
    if (c.handle === actor.handle) fieldErrors[`coAuthors.${i}.handle`] = "You are already an author";
    else if (seen.has(c.handle)) fieldErrors[`coAuthors.${i}.handle`] = "Listed twice";
    seen.add(c.handle);
    coTotal += Math.round(c.sharePercent * 100);
  });
  const users = await tx.user.findMany({
    where: { handle: { in: [...seen] }, deactivatedAt: null },
    select: { id: true, handle: true },
  });
  const byHandle = new Map(users.map((u) => [u.handle, u.id]));
  fields.coAuthors.forEach((c, i) => {
    if (!byHandle.has(c.handle)) fieldErrors[`coAuthors.${i}.handle`] ??= `No active contributor is called @${c.handle}`;
  });
  const own = WHOLE - coTotal;
  if (own <= 0) fieldErrors.coAuthors = "Co-authors' shares must leave you more than 0 %: they sum to 100 % with yours";
  if (Object.keys(fieldErrors).length) throw new AppError("invalid_input", "Please correct the highlighted fields.", fieldErrors);
  return [
    { userId: actor.id, share: (own / WHOLE).toFixed(4) },
    ...fields.coAuthors.map((c) => ({ userId: byHandle.get(c.handle)!, share: (Math.round(c.sharePercent * 100) / WHOLE).toFixed(4) })),
  ];
}

async function requireOpenProject(tx: Tx, projectId: number) {
  const project = await tx.project.findUnique({ where: { id: projectId }, select: { id: true, archivedAt: true } });
  if (!project) throw new AppError("invalid_input", "Please correct the highlighted fields.", { projectId: "Choose a project" });
  if (project.archivedAt) throw new AppError("invalid_input", "Please correct the highlighted fields.", { projectId: "This project is archived" });
}

/** `source` says where the write came from: the web form ("manual") or the REST API ("api"). */
export async function createContribution(actorOrNull: Actor | null, raw: unknown, source: "manual" | "api" = "manual"): Promise<{ id: number }> {
  const actor = requireActor(actorOrNull);
  const fields = parseOrThrow(contributionFormSchema, raw);
  try {
    return await prisma.$transaction(async (tx) => {
      await requireOpenProject(tx, fields.projectId);
      const authors = await resolveAuthors(tx, actor, fields);
      const created = await tx.contribution.create({
        data: {
          projectId: fields.projectId,
          title: fields.title,
          description: fields.description,
          kind: fields.kind,
          occurredAt: fields.occurredAt,
          url: fields.url,
          source,
          createdById: actor.id,
          authors: { create: authors },
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id, action: "contribution.create", entityType: "contribution", entityId: created.id,
        after: await contributionSnapshot(tx, created.id),
      });
      await enqueueRecompute(tx, "contribution.create");
      return created;
    });
  } catch (e) {
    rethrowDbError(e);
  }
}

/** Edits are optimistic: the form carries the version it was read at, and a stale one is refused. */
export async function updateContribution(actorOrNull: Actor | null, raw: unknown): Promise<{ id: number }> {
  const actor = requireActor(actorOrNull);
  const { id, version, ...fields } = parseOrThrow(contributionEditSchema, raw);
  try {
    return await prisma.$transaction(async (tx) => {
      const access = await loadContributionAccess(tx, id);
      if (!access) throw new AppError("not_found", "This contribution does not exist.");
      if (!canEditContribution(actor, access)) {
        throw access.deletedAt
          ? new AppError("conflict", "This contribution was withdrawn and can no longer be edited.")
          : new AppError("forbidden", "Only its authors can edit this contribution.");
      }
      await requireOpenProject(tx, fields.projectId);
      // The form edits the day only: the same day keeps the original time of day (imports carry one).
      if (isSameUtcDay(fields.occurredAt, access.occurredAt) && fields.occurredAt.getTime() % 86_400_000 === 0) fields.occurredAt = access.occurredAt;
      await assertTimeKeepsLinksBackward(tx, id, fields.occurredAt);
      const authors = await resolveAuthors(tx, actor, fields);
      const before = await contributionSnapshot(tx, id);
      const { count } = await tx.contribution.updateMany({
        where: { id, version, deletedAt: null },
        data: {
          projectId: fields.projectId, title: fields.title, description: fields.description, kind: fields.kind,
          occurredAt: fields.occurredAt, url: fields.url, version: { increment: 1 },
        },
      });
      if (count === 0) throw new AppError("conflict", "Someone changed this contribution after you opened it. Reload to see their changes.");
      await tx.contributionAuthor.deleteMany({ where: { contributionId: id } });
      await tx.contributionAuthor.createMany({ data: authors.map((a) => ({ ...a, contributionId: id })) });
      await recordAudit(tx, {
        actorId: actor.id, action: "contribution.update", entityType: "contribution", entityId: id,
        before, after: await contributionSnapshot(tx, id),
      });
      await enqueueRecompute(tx, "contribution.update");
      return { id };
    });
  } catch (e) {
    rethrowDbError(e);
  }
}

function isSameUtcDay(a: Date, b: Date): boolean {
  return a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);
}

/** Moving a contribution in time must keep every link pointing from newer to older work. */
async function assertTimeKeepsLinksBackward(tx: Tx, id: number, occurredAt: Date) {
  const [later] = await tx.$queryRaw<{ title: string }[]>`
    SELECT c.title FROM links l JOIN contributions c ON c.id = l.to_id
    WHERE l.from_id = ${id} AND (c.occurred_at > ${occurredAt} OR (c.occurred_at = ${occurredAt} AND c.id > ${id})) LIMIT 1`;
  if (later) throw new AppError("invalid_input", "Please correct the highlighted fields.", { occurredAt: `It builds on “${later.title}”, which happened after this date` });
  const [earlier] = await tx.$queryRaw<{ title: string }[]>`
    SELECT c.title FROM links l JOIN contributions c ON c.id = l.from_id
    WHERE l.to_id = ${id} AND (c.occurred_at < ${occurredAt} OR (c.occurred_at = ${occurredAt} AND c.id < ${id})) LIMIT 1`;
  if (earlier) throw new AppError("invalid_input", "Please correct the highlighted fields.", { occurredAt: `“${earlier.title}” builds on it and happened before this date` });
}

/** Withdrawal is a soft delete: the record and its history stay, the metrics stop counting it. */
export async function withdrawContribution(actorOrNull: Actor | null, rawId: unknown): Promise<{ id: number }> {
  const actor = requireActor(actorOrNull);
  const id = parseOrThrow(idSchema, rawId);
  return prisma.$transaction(async (tx) => {
    const access = await loadContributionAccess(tx, id);
    if (!access) throw new AppError("not_found", "This contribution does not exist.");
    if (access.deletedAt) throw new AppError("conflict", "This contribution is already withdrawn.");
    if (!canEditContribution(actor, access)) throw new AppError("forbidden", "Only its authors can withdraw this contribution.");
    const before = await contributionSnapshot(tx, id);
    await tx.contribution.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id, action: "contribution.withdraw", entityType: "contribution", entityId: id,
      before, after: await contributionSnapshot(tx, id),
    });
    await enqueueRecompute(tx, "contribution.withdraw");
    return { id };
  });
}
