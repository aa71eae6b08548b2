// Contribution writes: one business operation per function, each validating, authorizing,
// writing, auditing and asking for a recompute inside one transaction.
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { canEditContribution } from "@/lib/permissions";
import { recordAudit } from "@/lib/audit/record";
import { recordWriteEffects } from "@/lib/audit/record-write";
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
  // Most work has no co-authors: no lookup then.
  const users = seen.size === 0 ? [] : await tx.user.findMany({
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
    { userId: actor.id, handle: actor.handle, share: (own / WHOLE).toFixed(4) },
    ...fields.coAuthors.map((c) => ({ userId: byHandle.get(c.handle)!, handle: c.handle, share: (Math.round(c.sharePercent * 100) / WHOLE).toFixed(4) })),
  ];
}

async function requireOpenProject(tx: Tx, projectId: number) {
  const project = await tx.project.findUnique({ where: { id: projectId }, select: { id: true, archivedAt: true } });
  if (!project) throw new AppError("invalid_input", "Please correct the highlighted fields.", { projectId: "Choose a project" });
  if (project.archivedAt) throw new AppError("invalid_input", "Please correct the highlighted fields.", { projectId: "This project is archived" });
}

/** A contribution as its create wrote it: what the API answers with, without reading it back. */
export interface CreatedContribution {
  id: number;
  projectId: number;
  title: string;
  description: string;
  kind: string;
  status: string;
  source: string;
  occurredAt: Date;
  url: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** in the order of the snapshot: by user id */
  authors: { userId: number; handle: string; share: string }[];
}

/** The audit snapshot of a new contribution: the shape contributionSnapshot reads back. */
export function createdSnapshot(c: CreatedContribution) {
  return {
    id: c.id, projectId: c.projectId, title: c.title, description: c.description, kind: c.kind, occurredAt: c.occurredAt, url: c.url,
    status: c.status, version: c.version, deletedAt: null, authors: c.authors.map((a) => ({ userId: a.userId, share: a.share })),
  };
}

/** "0.7000" as a numeric(9, 8) reads back through Prisma's Decimal: "0.7". */
export function shareAsStored(share: string): string {
  return String(Number(share));
}

/**
 * `source` says where the write came from: the web form ("manual") or the REST API ("api").
 * Two statements in the transaction (the co-authors' lookup when there are any, then the project
 * check with both inserts), and the audit with the recompute request in one more.
 */
export async function createContribution(actorOrNull: Actor | null, raw: unknown, source: "manual" | "api" = "manual"): Promise<CreatedContribution> {
  const actor = requireActor(actorOrNull);
  const fields = parseOrThrow(contributionFormSchema, raw);
  try {
    return await prisma.$transaction(async (tx) => {
      const authors = await resolveAuthors(tx, actor, fields);
      const authorsJson = JSON.stringify(authors.map((a) => ({ user_id: a.userId, share: a.share })));
      // The project's check and the inserts in one statement: nothing is inserted unless the
      // project exists and is open, and the answer says which it was.
      const [row] = await tx.$queryRaw<{ found: boolean; archived: boolean; id: number | null; status: string; version: number; createdAt: Date; updatedAt: Date }[]>`
        WITH p AS (SELECT id, archived_at FROM projects WHERE id = ${fields.projectId}),
        c AS (
          INSERT INTO contributions (project_id, title, description, kind, occurred_at, url, source, created_by_id)
          SELECT p.id, ${fields.title}, ${fields.description}, ${fields.kind}::"ContributionKind", ${fields.occurredAt}, ${fields.url}, ${source}::"ContributionSource", ${actor.id}
            FROM p WHERE p.archived_at IS NULL
          RETURNING id, status::text AS status, version, created_at, updated_at),
        a AS (
          INSERT INTO contribution_authors (contribution_id, user_id, share)
          SELECT c.id, x.user_id, x.share FROM c, jsonb_to_recordset(${authorsJson}::jsonb) AS x(user_id int, share numeric)
          RETURNING 1)
        SELECT EXISTS (SELECT 1 FROM p) AS found, coalesce((SELECT archived_at IS NOT NULL FROM p), false) AS archived,
               c.id, c.status, c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt", (SELECT count(*) FROM a) AS authors
          FROM (SELECT 1) one LEFT JOIN c ON true`;
      if (!row.found) throw new AppError("invalid_input", "Please correct the highlighted fields.", { projectId: "Choose a project" });
      if (row.archived || row.id === null) throw new AppError("invalid_input", "Please correct the highlighted fields.", { projectId: "This project is archived" });
      const created: CreatedContribution = {
        id: row.id, projectId: fields.projectId, title: fields.title, description: fields.description, kind: fields.kind, status: row.status, source,
        occurredAt: fields.occurredAt, url: fields.url, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt,
        authors: authors.map((a) => ({ userId: a.userId, handle: a.handle, share: shareAsStored(a.share) })).sort((x, y) => x.userId - y.userId),
      };
      await recordWriteEffects(tx, [{ actorId: actor.id, action: "contribution.create", entityType: "contribution", entityId: created.id, after: createdSnapshot(created) }], "contribution.create");
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
      await tx.contributionAuthor.createMany({ data: authors.map((a) => ({ userId: a.userId, share: a.share, contributionId: id })) });
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
