// The seam between writes and the metrics: every write that changes the graph asks for a
// recompute in its own transaction. Requests coalesce into one pending job whose start is pushed
// back by the debounce, so a burst of writes causes one run, not one per write.
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";

export const RECOMPUTE_JOB = "metrics.recompute";

/**
 * Longer than any transaction that calls enqueueRecompute can last (Prisma's interactive
 * transactions give up after 5 s), with room to spare.
 */
export const COVERED_MARGIN_SECONDS = 15;

export async function enqueueRecompute(tx: Tx, reason: string): Promise<void> {
  const debounce = env().RECOMPUTE_DEBOUNCE_SECONDS;
  // Under a stream of writes, every transaction updating the one queued row would hold its lock
  // until commit, and the writes would run one at a time. A plain read is enough when the queued
  // job already lists this reason and cannot start before this transaction has ended: the run it
  // becomes reads this write. Its start is then pushed back only once it comes within the margin,
  // so a run begins between debounce − margin and debounce seconds after the last write.
  if (debounce > COVERED_MARGIN_SECONDS) {
    const covered = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM "jobs"
      WHERE "kind" = ${RECOMPUTE_JOB} AND "status" = 'queued'
        AND "run_after" > now() + make_interval(secs => ${COVERED_MARGIN_SECONDS})
        AND "payload"->'reasons' ? ${reason}
      LIMIT 1`;
    if (covered.length > 0) return;
  }
  const runAfter = new Date(Date.now() + debounce * 1000);
  // One queued recompute at most: the partial unique index in the migration makes this race-free.
  await tx.$executeRaw`
    INSERT INTO "jobs" ("kind", "payload", "status", "run_after")
    VALUES (${RECOMPUTE_JOB}, jsonb_build_object('reasons', jsonb_build_array(${reason}::text)), 'queued', ${runAfter})
    ON CONFLICT ("kind") WHERE "status" = 'queued'
    DO UPDATE SET "run_after" = EXCLUDED."run_after",
                  "payload" = jsonb_set("jobs"."payload", '{reasons}',
                    (SELECT jsonb_agg(DISTINCT r) FROM jsonb_array_elements(("jobs"."payload"->'reasons') || (EXCLUDED."payload"->'reasons')) r))`;
}
