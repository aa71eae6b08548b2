// The stored scope of an export's project filter, for callers without a session (the CLI, run by
// someone with database access). The web entry points use lib/analytics/scope.ts with the actor.
import type pg from "pg";
import { ECOSYSTEM_OPTION, type ScopeOption } from "@/lib/analytics/scope";
import { AppError } from "@/lib/errors";

export async function findScopeBySlugOrThrow(pool: pg.Pool, slug: string): Promise<ScopeOption> {
  if (slug === "all") return ECOSYSTEM_OPTION;
  const { rows } = await pool.query<{ id: number; name: string }>("SELECT id, name FROM projects WHERE slug = $1", [slug]);
  if (!rows[0]) throw new AppError("not_found", `No project with the slug "${slug}".`);
  return { slug, name: rows[0].name, scope: `project:${rows[0].id}`, projectId: rows[0].id };
}
