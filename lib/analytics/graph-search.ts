// Finding a focus for the graph explorer within a scope: a contributor by handle, a contribution by id or title.
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { C, inScope, type GraphScope } from "./graph-common";

export interface GraphSearchResult {
  contributors: { handle: string; name: string }[];
  contributions: { id: number; title: string; occurredAt: Date; projectName: string }[];
}

/** Newest work searched by "contains" when the indexed title prefix finds too little. */
const CONTAINS_POOL = 5000;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, "\\$&");

/**
 * Focus candidates in the scope: people by handle prefix, contributions by #id, by title prefix
 * (the lower(title) text_pattern_ops index, read in its own order) or, to fill up, by a word inside
 * the title among the CONTAINS_POOL newest contributions.
 */
export async function searchGraphFocus(s: GraphScope, query: string, limit = 8): Promise<GraphSearchResult> {
  const q = query.trim().slice(0, 100);
  if (!q) return { contributors: [], contributions: [] };
  const handle = q.replace(/^@/, "").toLowerCase();
  const idMatch = /^#?(\d{1,9})$/.exec(q);
  const prefix = `${likeEscape(q.toLowerCase())}%`;
  type Row = { id: number; title: string; occurred_at: Date; project_name: string };
  const [people, byId, byPrefix, byWord] = await Promise.all([
    /^[a-z0-9][a-z0-9_-]*$/.test(handle)
      ? prisma.$queryRaw<{ handle: string; name: string }[]>(Prisma.sql`
          SELECT u.handle, u.name FROM users u
          WHERE u.handle LIKE ${`${likeEscape(handle)}%`} AND EXISTS (
            SELECT 1 FROM contribution_authors ca JOIN contributions c ON c.id = ca.contribution_id
            WHERE ca.user_id = u.id AND c.deleted_at IS NULL ${inScope(s, C)})
          ORDER BY u.handle LIMIT ${limit}`)
      : [],
    idMatch
      ? prisma.$queryRaw<Row[]>(Prisma.sql`
          SELECT c.id, c.title, c.occurred_at, p.name AS project_name FROM contributions c JOIN projects p ON p.id = c.project_id
          WHERE c.id = ${Number(idMatch[1])} AND c.deleted_at IS NULL ${inScope(s, C)}`)
      : [],
    prisma.$queryRaw<Row[]>(Prisma.sql`
      SELECT c.id, c.title, c.occurred_at, p.name AS project_name FROM contributions c JOIN projects p ON p.id = c.project_id
      WHERE lower(c.title) LIKE ${prefix} AND c.deleted_at IS NULL ${inScope(s, C)}
      ORDER BY lower(c.title) USING ~<~, c.id LIMIT ${limit}`),
    prisma.$queryRaw<Row[]>(Prisma.sql`
      SELECT r.id, r.title, r.occurred_at, p.name AS project_name
      FROM (SELECT c.id, c.title, c.occurred_at, c.project_id FROM contributions c WHERE c.deleted_at IS NULL ${inScope(s, C)}
            ORDER BY c.occurred_at DESC LIMIT ${CONTAINS_POOL}) r
      JOIN projects p ON p.id = r.project_id
      WHERE r.title ILIKE ${`%${likeEscape(q)}%`}
      ORDER BY r.occurred_at DESC, r.id DESC LIMIT ${limit}`),
  ]);
  const seen = new Set<number>();
  const contributions = [...byId, ...byPrefix, ...byWord]
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .slice(0, limit)
    .map((r) => ({ id: r.id, title: r.title, occurredAt: r.occurred_at, projectName: r.project_name }));
  return { contributors: people, contributions };
}

