// The small community the export tests read, with its metrics computed, and a helper that runs
// one export to bytes. Dataset (all 2026, UTC; Mondays Jan 5, 12, 19, 26, Feb 2, 9, 16):
//   alice: c1 in alpha, Mon Jan 5 10:00, accepted; c3 in beta, Mon Jan 26 10:00, unreviewed.
//   bob:   c2 in alpha, Mon Jan 12 10:00, unreviewed, builds on c1 (confirmed).
//   As of Mon Feb 16 12:00: the week of Feb 16 is the incomplete current one. Default parameters.
// A link-ring signal naming alice and bob is added to the run by hand (the tiny graph fires none),
// so the signals export and its pseudonymized evidence have a row to show.
import pg from "pg";
import { prisma } from "../../lib/db";
import type { ScopeOption } from "../../lib/analytics/scope";
import { parseExportRequest } from "../../lib/export/filters";
import { openExport, type OpenedExport } from "../../lib/export/open-export";
import { findScopeBySlugOrThrow } from "../../lib/export/scope";
import { recomputeMetrics } from "../../lib/jobs/recompute";
import { makeContribution, makeProject, makeUser } from "./factories";

export const AS_OF = Date.UTC(2026, 1, 16, 12);
export const SECRET = "export-test-secret-export-test-secret-0123";
export const EXPORTED_AT = new Date(Date.UTC(2026, 1, 17, 9, 30));
const at = (month: number, day: number) => new Date(Date.UTC(2026, month, day, 10));

export interface Fixture {
  pool: pg.Pool;
  runId: number;
  alice: { id: number; handle: string };
  bob: { id: number; handle: string };
  alpha: { id: number; slug: string };
  beta: { id: number; slug: string };
}

export async function seedFixture(): Promise<Omit<Fixture, "runId">> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const alice = await makeUser({ handle: "alice-export" });
  const bob = await makeUser({ handle: "bob-export" });
  const alpha = await makeProject({ slug: "alpha" });
  const beta = await makeProject({ slug: "beta" });
  const c1 = await makeContribution({ projectId: alpha.id, authorIds: [alice.id], occurredAt: at(0, 5) });
  const c2 = await makeContribution({ projectId: alpha.id, authorIds: [bob.id], occurredAt: at(0, 12) });
  await makeContribution({ projectId: beta.id, authorIds: [alice.id], occurredAt: at(0, 26) });
  await prisma.contribution.update({ where: { id: c1.id }, data: { status: "accepted" } });
  await prisma.link.create({ data: { fromId: c2.id, toId: c1.id, type: "builds_on", status: "confirmed" } });
  return { pool, alice, bob, alpha, beta };
}

export async function computeFixture(f: Omit<Fixture, "runId">): Promise<Fixture> {
  const { runId } = await recomputeMetrics(f.pool, { asOfMs: AS_OF, threads: 1 });
  await f.pool.query(
    `INSERT INTO metric_signals (run_id, scope, period_unit, code, severity, period_start, message, evidence)
     VALUES ($1, 'all', 'week', 'link_ring', 'critical', '2026-02-09T00:00:00Z', 'Suspected link ring of 2 contributors: "test", 5 links', $2)`,
    [runId, JSON.stringify({ members: [f.alice.id, f.bob.id], links: 5, internalShare: 0.9, reciprocity: 1 })],
  );
  return { ...f, runId };
}

export async function scopeOf(pool: pg.Pool, slug: string): Promise<ScopeOption> {
  return findScopeBySlugOrThrow(pool, slug);
}

async function drain(exp: OpenedExport): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of exp.body) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

/** One export to bytes, through the same code the route and the CLI use. */
export async function exportBytes(pool: pg.Pool, input: Record<string, string>, secret = SECRET): Promise<{ bytes: Buffer; exp: OpenedExport }> {
  const req = parseExportRequest(input);
  const exp = await openExport(pool, req, await scopeOf(pool, req.project), { secret, exportedAt: EXPORTED_AT });
  return { bytes: await drain(exp), exp };
}
