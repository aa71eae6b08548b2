// The audit log, newest first, with id-based cursors: a page is `WHERE id < cursor ORDER BY id
// DESC LIMIT n` on the primary key, so the hundredth page costs what the first does (no OFFSET).
// Filters use the (actor_id, created_at) and (entity_type, entity_id) indexes where they apply.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilter } from "@/lib/validation/audit";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventRow {
  id: string;
  createdAt: Date;
  actor: { handle: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  /** the entity's page, where one exists (and the entity still does) */
  entityHref: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  events: AuditEventRow[];
  /** cursor for the next (older) page, if there is one */
  olderCursor: string | null;
  /** cursor for the previous (newer) page, if there is one */
  newerCursor: string | null;
  /** the actor filter names nobody */
  unknownActor: boolean;
}

function filterWhere(f: AuditFilter, actorId: number | undefined): Prisma.AuditEventWhereInput {
  const action = f.action?.endsWith("*") ? { startsWith: f.action.slice(0, -1) } : f.action;
  return {
    ...(actorId !== undefined ? { actorId } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(action ? { action } : {}),
    ...(f.from || f.toExclusive ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.toExclusive ? { lt: f.toExclusive } : {}) } } : {}),
  };
}

const SELECT = {
  id: true, createdAt: true, action: true, entityType: true, entityId: true, before: true, after: true,
  actor: { select: { handle: true, name: true } },
} as const;

export async function listAuditEvents(f: AuditFilter, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  let actorId: number | undefined;
  if (f.actor) {
    const user = await prisma.user.findUnique({ where: { handle: f.actor }, select: { id: true } });
    if (!user) return { events: [], olderCursor: null, newerCursor: null, unknownActor: true };
    actorId = user.id;
  }
  const where = filterWhere(f, actorId);
  // Paging newer walks up from the cursor, then shows that page newest first like every other.
  const newer = f.after !== undefined;
  const rows = await prisma.auditEvent.findMany({
    where: { ...where, ...(newer ? { id: { gt: f.after } } : f.before !== undefined ? { id: { lt: f.before } } : {}) },
    orderBy: { id: newer ? "asc" : "desc" },
    take: pageSize + 1,
    select: SELECT,
  });
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (newer) page.reverse();
  const first = page[0]?.id;
  const last = page[page.length - 1]?.id;
  // Whether a page exists on the side we did not walk: one primary-key probe.
  const probe = async (id: Prisma.BigIntFilter) => (await prisma.auditEvent.findFirst({ where: { ...where, id }, select: { id: true } })) !== null;
  const hasOlder = newer ? last !== undefined && (await probe({ lt: last })) : more;
  const hasNewer = newer ? more : first !== undefined ? f.before !== undefined && (await probe({ gt: first })) : false;
  const hrefs = await entityHrefs(page);
  return {
    events: page.map((r) => ({
      id: r.id.toString(), createdAt: r.createdAt, actor: r.actor, action: r.action, entityType: r.entityType, entityId: r.entityId,
      entityHref: hrefs.get(`${r.entityType}:${r.entityId}`) ?? null, before: r.before, after: r.after,
    })),
    olderCursor: hasOlder && last !== undefined ? last.toString() : null,
    newerCursor: hasNewer && first !== undefined ? first.toString() : null,
    unknownActor: false,
  };
}

const ids = (events: { entityType: string; entityId: string }[], type: string) =>
  [...new Set(events.filter((e) => e.entityType === type && /^\d{1,10}$/.test(e.entityId)).map((e) => Number(e.entityId)))].filter((n) => n <= 2_147_483_647);

/** Links to the pages of the entities on one audit page (the audit log is an admin page, so
 * people and projects link to their admin pages), looked up in one query per entity type. An
 * entity deleted since gets no link. */
async function entityHrefs(events: { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const [contributions, users, campaigns, links, projects, disputes, imports, tokens] = await Promise.all([
    prisma.contribution.findMany({ where: { id: { in: ids(events, "contribution") } }, select: { id: true } }),
    prisma.user.findMany({ where: { id: { in: ids(events, "user") } }, select: { id: true } }),
    prisma.campaign.findMany({ where: { id: { in: ids(events, "campaign") } }, select: { id: true } }),
    prisma.link.findMany({ where: { id: { in: ids(events, "link") } }, select: { id: true, fromId: true } }),
    prisma.project.findMany({ where: { id: { in: ids(events, "project") } }, select: { id: true } }),
    prisma.dispute.findMany({ where: { id: { in: ids(events, "dispute") } }, select: { id: true, contributionId: true, link: { select: { fromId: true } } } }),
    prisma.importBatch.findMany({ where: { id: { in: ids(events, "import_batch") } }, select: { id: true } }),
    prisma.apiToken.findMany({ where: { id: { in: ids(events, "api_token") } }, select: { id: true } }),
  ]);
  for (const c of contributions) out.set(`contribution:${c.id}`, `/contributions/${c.id}`);
  for (const u of users) out.set(`user:${u.id}`, `/admin/people/${u.id}`);
  for (const c of campaigns) out.set(`campaign:${c.id}`, `/campaigns/${c.id}/edit`);
  for (const l of links) out.set(`link:${l.id}`, `/contributions/${l.fromId}`);
  for (const p of projects) out.set(`project:${p.id}`, `/admin/projects/${p.id}`);
  for (const d of disputes) {
    const contributionId = d.contributionId ?? d.link?.fromId;
    if (contributionId) out.set(`dispute:${d.id}`, `/contributions/${contributionId}`);
  }
  for (const i of imports) out.set(`import_batch:${i.id}`, `/admin/imports/${i.id}`);
  for (const t of tokens) out.set(`api_token:${t.id}`, "/tokens");
  for (const e of events) {
    if (e.entityType === "metric_params") out.set(`metric_params:${e.entityId}`, `/admin/parameters${e.entityId === "ecosystem" ? "" : `?scope=${e.entityId}`}`);
  }
  return out;
}
