// Many contributions with their links in one request and ONE transaction, set-based as the importer
// writes (lib/import/load-*.ts), all or nothing. Each item is checked as the single create checks
// it (the form's schema, an open project, co-authors, shares), and each link as createLink does
// (an earlier target that exists and is not withdrawn; both ends locked FOR SHARE before their
// times are read), plus what only a batch has: a link may name an earlier item by its `ref`, never
// a later one, so a batch cannot hold a cycle. Every refusal names the item and field
// (`items.3.links.0.toRef`) and writes nothing. Audit: one event per record, as the single creates
// write them (contribution.create, link.create; not one per batch as the importer does), so each
// record's history starts with its own event; the batch's events share the request id.
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { rethrowDbError } from "@/lib/db-errors";
import { recordWriteEffects } from "@/lib/audit/record-write";
import { fieldErrorsOf } from "@/lib/validation/common";
import { contributionFieldsSchema, type ContributionFields } from "@/lib/validation/contributions";
import { createdSnapshot, shareAsStored, type CreatedContribution } from "./mutations";
import type { CreatedLink } from "@/lib/links/mutations";

const WHOLE = 10_000;

export interface BatchLinkInput {
  toId?: number;
  toRef?: string;
  type: string;
  note?: string;
}

export interface BatchItemInput {
  ref?: string;
  projectId: number;
  title: string;
  kind: string;
  occurredAt: string;
  url?: string | null;
  description?: string;
  coAuthors?: { handle: string; sharePercent: number }[];
  links?: BatchLinkInput[];
}

export interface BatchItemResult {
  ref: string | null;
  contribution: CreatedContribution;
  links: CreatedLink[];
}

interface CheckedItem {
  fields: ContributionFields;
  links: { to: { id: number } | { item: number }; type: string; note: string }[];
}

/** Field errors of a batch are collected over every item, then thrown at once. */
class Refusals {
  readonly fields: Record<string, string> = {};
  add(path: string, message: string) {
    this.fields[path] ??= message;
  }
  throwIfAny() {
    if (Object.keys(this.fields).length === 0) return;
    const first = Object.keys(this.fields)[0];
    throw new AppError("invalid_input", `Please correct the highlighted fields (first: ${first}); nothing was written.`, this.fields);
  }
}

/** The checks that need no database: each item's fields, refs, co-author lists and link targets. */
function checkShapes(actor: Actor, items: BatchItemInput[], refusals: Refusals): CheckedItem[] {
  const refIndex = new Map<string, number>();
  const parsedSoFar: (ContributionFields | null)[] = [];
  return items.map((item, i) => {
    const at = `items.${i}`;
    const parsed = contributionFieldsSchema.safeParse({
      projectId: item.projectId, title: item.title, kind: item.kind, occurredAt: item.occurredAt,
      url: item.url ?? "", description: item.description ?? "", coAuthors: item.coAuthors ?? [],
    });
    if (!parsed.success) for (const [k, m] of Object.entries(fieldErrorsOf(parsed.error))) refusals.add(`${at}.${k}`, m);
    const fields = parsed.success ? parsed.data : null;
    parsedSoFar.push(fields);
    if (fields) {
      const seen = new Set<string>();
      let coTotal = 0;
      fields.coAuthors.forEach((c, k) => {
        if (c.handle === actor.handle) refusals.add(`${at}.coAuthors.${k}.handle`, "You are already an author");
        else if (seen.has(c.handle)) refusals.add(`${at}.coAuthors.${k}.handle`, "Listed twice");
        seen.add(c.handle);
        coTotal += Math.round(c.sharePercent * 100);
      });
      if (WHOLE - coTotal <= 0) refusals.add(`${at}.coAuthors`, "Co-authors' shares must leave you more than 0 %: they sum to 100 % with yours");
    }
    const targets = new Set<string>();
    const links = (item.links ?? []).map((l, k) => {
      const lat = `${at}.links.${k}`;
      let to: { id: number } | { item: number } = { id: 0 };
      if ((l.toId === undefined) === (l.toRef === undefined)) refusals.add(`${lat}.toId`, "Name the earlier work: toId (an existing contribution) or toRef (an earlier item of this batch), not both");
      else if (l.toId !== undefined) to = { id: l.toId };
      else {
        const j = refIndex.get(l.toRef!);
        // Only earlier items are known here: a ref to this item or a later one is refused, so the
        // links of a batch always point back in the batch's order and cannot close a cycle.
        if (j === undefined) refusals.add(`${lat}.toRef`, items.some((x, n) => n >= i && x.ref === l.toRef) ? "A link may only point to an earlier item of the batch" : "No earlier item of this batch has this ref");
        else {
          to = { item: j };
          const target = parsedSoFar[j];
          // Equal times are backward: the earlier item gets the smaller id.
          if (fields && target && target.occurredAt.getTime() > fields.occurredAt.getTime()) {
            refusals.add(`${lat}.toRef`, `A link must point to earlier work: “${target.title}” (item ${j}) happened after this contribution.`);
          }
        }
      }
      const key = `${"id" in to ? `id:${to.id}` : `item:${to.item}`}|${l.type}`;
      if (targets.has(key)) refusals.add(`${lat}`, "The same link is listed twice");
      targets.add(key);
      const note = (l.note ?? "").trim();
      return { to, type: l.type, note };
    });
    // Registered after its own links were read: an item cannot link to itself by its ref.
    if (item.ref !== undefined) {
      if (refIndex.has(item.ref)) refusals.add(`${at}.ref`, `Item ${refIndex.get(item.ref)} already uses this ref`);
      else refIndex.set(item.ref, i);
    }
    return { fields: fields!, links };
  });
}

interface Known {
  projects: { id: number; archived: boolean }[];
  users: { id: number; handle: string }[];
  targets: { id: number; occurredAt: string; deleted: boolean; title: string; authorIds: number[] }[];
}

/** Projects, co-authors and existing link targets in one read (after the targets' FOR SHARE lock). */
async function readKnown(tx: Tx, projectIds: number[], handles: string[], targetIds: number[]): Promise<Known> {
  const [known] = await tx.$queryRaw<Known[]>`
    SELECT
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'archived', p.archived_at IS NOT NULL)), '[]') FROM projects p WHERE p.id = ANY(${projectIds}::int[])) AS projects,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'handle', u.handle)), '[]') FROM users u WHERE u.handle = ANY(${handles}::text[]) AND u.deactivated_at IS NULL) AS users,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'occurredAt', c.occurred_at, 'deleted', c.deleted_at IS NOT NULL, 'title', c.title,
                'authorIds', ARRAY(SELECT a.user_id FROM contribution_authors a WHERE a.contribution_id = c.id))), '[]')
         FROM contributions c WHERE c.id = ANY(${targetIds}::int[])) AS targets`;
  return known;
}

export async function createContributionBatch(actorOrNull: Actor | null, items: BatchItemInput[]): Promise<BatchItemResult[]> {
  const actor = requireActor(actorOrNull);
  const refusals = new Refusals();
  const checked = checkShapes(actor, items, refusals);
  refusals.throwIfAny();
  const projectIds = [...new Set(checked.map((c) => c.fields.projectId))];
  const handles = [...new Set(checked.flatMap((c) => c.fields.coAuthors.map((a) => a.handle)))];
  const targetIds = [...new Set(checked.flatMap((c) => c.links.flatMap((l) => ("id" in l.to ? [l.to.id] : []))))].sort((a, b) => a - b);
  try {
    return await prisma.$transaction(async (tx) => {
      // The existing targets locked FOR SHARE in id order before their times are read, as createLink does.
      if (targetIds.length) await tx.$queryRaw`SELECT id FROM contributions WHERE id = ANY(${targetIds}::int[]) ORDER BY id FOR SHARE`;
      const known = await readKnown(tx, projectIds, handles, targetIds);
      const projects = new Map(known.projects.map((p) => [p.id, p]));
      const users = new Map(known.users.map((u) => [u.handle, u.id]));
      const targets = new Map(known.targets.map((t) => [t.id, { ...t, at: Date.parse(t.occurredAt) }]));
      checked.forEach((c, i) => {
        const project = projects.get(c.fields.projectId);
        if (!project) refusals.add(`items.${i}.projectId`, "Choose a project");
        else if (project.archived) refusals.add(`items.${i}.projectId`, "This project is archived");
        c.fields.coAuthors.forEach((a, k) => {
          if (!users.has(a.handle)) refusals.add(`items.${i}.coAuthors.${k}.handle`, `No active contributor is called @${a.handle}`);
        });
        c.links.forEach((l, k) => {
          if (!("id" in l.to)) return;
          const t = targets.get(l.to.id);
          // A new contribution's id is above every existing one: a tie in time is backward.
          if (!t || t.deleted) refusals.add(`items.${i}.links.${k}.toId`, "The contribution you chose does not exist or was withdrawn.");
          else if (t.at > c.fields.occurredAt.getTime()) refusals.add(`items.${i}.links.${k}.toId`, `A link must point to earlier work: “${t.title}” happened after this contribution.`);
        });
      });
      refusals.throwIfAny();

      // Ids drawn first, in item order, so that links can name items of the batch and ties in time
      // break by id in the batch's order (as the importer orders by line).
      const idRows = await tx.$queryRaw<{ id: number }[]>`SELECT nextval(pg_get_serial_sequence('contributions', 'id'))::int AS id FROM generate_series(1, ${checked.length})`;
      const ids = idRows.map((r) => r.id).sort((a, b) => a - b);
      const authorsOf = checked.map((c) => {
        const coTotal = c.fields.coAuthors.reduce((s, a) => s + Math.round(a.sharePercent * 100), 0);
        return [
          { userId: actor.id, handle: actor.handle, share: ((WHOLE - coTotal) / WHOLE).toFixed(4) },
          ...c.fields.coAuthors.map((a) => ({ userId: users.get(a.handle)!, handle: a.handle, share: (Math.round(a.sharePercent * 100) / WHOLE).toFixed(4) })),
        ].sort((x, y) => x.userId - y.userId);
      });
      const contributionsJson = JSON.stringify(checked.map((c, i) => ({
        id: ids[i], project_id: c.fields.projectId, title: c.fields.title, description: c.fields.description, kind: c.fields.kind,
        occurred_at: c.fields.occurredAt.toISOString(), url: c.fields.url,
      })));
      const authorsJson = JSON.stringify(authorsOf.flatMap((list, i) => list.map((a) => ({ contribution_id: ids[i], user_id: a.userId, share: a.share }))));
      const written = await tx.$queryRaw<{ id: number; status: string; version: number; createdAt: Date; updatedAt: Date }[]>`
        WITH c AS (
          INSERT INTO contributions (id, project_id, title, description, kind, occurred_at, url, source, created_by_id)
          SELECT x.id, x.project_id, x.title, x.description, x.kind::"ContributionKind", x.occurred_at, x.url, 'api', ${actor.id}
            FROM jsonb_to_recordset(${contributionsJson}::jsonb) AS x(id int, project_id int, title text, description text, kind text, occurred_at timestamptz, url text)
           ORDER BY x.id
          RETURNING id, status::text AS status, version, created_at, updated_at),
        a AS (
          INSERT INTO contribution_authors (contribution_id, user_id, share)
          SELECT y.contribution_id, y.user_id, y.share FROM jsonb_to_recordset(${authorsJson}::jsonb) AS y(contribution_id int, user_id int, share numeric)
          RETURNING 1)
        SELECT c.id, c.status, c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt", (SELECT count(*) FROM a) AS authors FROM c ORDER BY c.id`;
      const byId = new Map(written.map((w) => [w.id, w]));
      const contributions: CreatedContribution[] = checked.map((c, i) => {
        const w = byId.get(ids[i])!;
        return {
          id: ids[i], projectId: c.fields.projectId, title: c.fields.title, description: c.fields.description, kind: c.fields.kind, status: w.status, source: "api",
          occurredAt: c.fields.occurredAt, url: c.fields.url, version: w.version, createdAt: w.createdAt, updatedAt: w.updatedAt,
          authors: authorsOf[i].map((a) => ({ userId: a.userId, handle: a.handle, share: shareAsStored(a.share) })),
        };
      });

      // Links to one's own work are confirmed at once, as createLink does; to an item of the batch always (it is the actor's).
      const linkRows = checked.flatMap((c, i) => c.links.map((l) => {
        const toId = "id" in l.to ? l.to.id : ids[l.to.item];
        const own = "item" in l.to || targets.get(toId)!.authorIds.includes(actor.id);
        return { from_id: ids[i], to_id: toId, type: l.type, status: own ? "confirmed" : "unconfirmed", note: l.note };
      }));
      const links = linkRows.length === 0 ? [] : await tx.$queryRaw<Omit<CreatedLink, "revived">[]>`
        INSERT INTO links (from_id, to_id, type, status, note, created_by_id)
        SELECT l.from_id, l.to_id, l.type::"LinkType", l.status::"LinkStatus", l.note, ${actor.id}
          FROM jsonb_to_recordset(${JSON.stringify(linkRows)}::jsonb) AS l(from_id int, to_id int, type text, status text, note text)
        RETURNING id, from_id AS "fromId", to_id AS "toId", type::text AS type, status::text AS status, note, created_by_id AS "createdById", created_at AS "createdAt", updated_at AS "updatedAt"`;
      const linksByFrom = new Map<number, CreatedLink[]>();
      for (const l of [...links].sort((a, b) => a.id - b.id)) {
        const list = linksByFrom.get(l.fromId) ?? [];
        list.push({ ...l, revived: false });
        linksByFrom.set(l.fromId, list);
      }

      await recordWriteEffects(tx, [
        ...contributions.map((c) => ({ actorId: actor.id, action: "contribution.create", entityType: "contribution", entityId: c.id, after: createdSnapshot(c) })),
        ...[...links].sort((a, b) => a.id - b.id).map((l) => ({
          actorId: actor.id, action: "link.create", entityType: "link", entityId: l.id,
          after: { id: l.id, fromId: l.fromId, toId: l.toId, type: l.type, status: l.status, note: l.note, createdById: l.createdById },
        })),
      ], "contribution.batch");
      return contributions.map((c, i) => ({ ref: items[i].ref ?? null, contribution: c, links: linksByFrom.get(c.id) ?? [] }));
    });
  } catch (e) {
    rethrowDbError(e);
  }
}
