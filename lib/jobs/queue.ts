// The seam between writes and the metrics: every write that changes the graph asks for a
// recompute in its own transaction. Requests coalesce into one pending job whose start is pushed
// back by the debounce, so a burst of writes causes one run, not one per write.
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

export const RECOMPUTE_JOB = "metrics.recompute";

/**
 * Longer than any transaction that calls enqueueRecompute can last (Prisma's interactive
 * transactions give up after 5 s), with room to spare.
 */
export const COVERED_MARGIN_SECONDS = 15;

/**
 * The condition under which a write needs not touch the queued job (see enqueueRecompute), as a
 * SQL boolean, or null when the debounce is too short for it ever to hold. Shared with the writes
 * that check it inside a statement of their own (lib/audit/record-write.ts).
 */
export function recomputeCoveredSql(reason: string): Prisma.Sql | null {
  if (env().RECOMPUTE_DEBOUNCE_SECONDS <= COVERED_MARGIN_SECONDS) return null;
  return Prisma.sql`EXISTS (SELECT 1 FROM "jobs"
      WHERE "kind" = ${RECOMPUTE_JOB} AND "status" = 'queued'
        AND "run_after" > now() + make_interval(secs => ${COVERED_MARGIN_SECONDS})
        AND "payload"->'reasons' ? ${reason})`;
}

export async function enqueueRecompute(tx: Tx, reason: string): Promise<void> {
  // Under a stream of writes, every transaction updating the one queued row would hold its lock
  // until commit, and the writes would run one at a time. A plain read is enough when the queued
  // job already lists this reason and cannot start before this transaction has ended: the run it
  // becomes reads this write. Its start is then pushed back only once it comes within the margin,
  // so a run begins between debounce − margin and debounce seconds after the last write.
  const covered = recomputeCoveredSql(reason);
  if (covered) {
    const [row] = await tx.$queryRaw<{ covered: boolean }[]>`SELECT ${covered} AS covered`;
    if (row.covered) return;
  }
  await upsertRecomputeJob(tx, reason);
}

/** Queues a recompute or pushes the queued one back, adding `reason` to it. */
export async function upsertRecomputeJob(tx: Tx, reason: string): Promise<void> {
  const runAfter = new Date(Date.now() + env().RECOMPUTE_DEBOUNCE_SECONDS * 1000);
  // One queued recompute at most: the partial unique index in the migration makes this race-free.
  await tx.$executeRaw`
    INSERT INTO "jobs" ("kind", "payload", "status", "run_after")
    VALUES (${RECOMPUTE_JOB}, jsonb_build_object('reasons', jsonb_build_array(${reason}::text)), 'queued', ${runAfter})
    ON CONFLICT ("kind") WHERE "status" = 'queued'
    DO UPDATE SET "run_after" = EXCLUDED."run_after",
                  "payload" = jsonb_set("jobs"."payload", '{reasons}',
                    (SELECT jsonb_agg(DISTINCT r) FROM jsonb_array_elements(("jobs"."payload"->'reasons') || (EXCLUDED."payload"->'reasons')) r))`;
}
