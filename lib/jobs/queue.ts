// The seam between writes and the metrics: every write that changes the graph asks for a
// recompute in its own transaction. Requests coalesce into one pending job whose start is pushed
// back by the debounce, so a burst of writes causes one run, not one per write.
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";

export const RECOMPUTE_JOB = "metrics.recompute";

export async function enqueueRecompute(tx: Tx, reason: string): Promise<void> {
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
