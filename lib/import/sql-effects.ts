// The side effects every import batch shares with the app's other writes, as plain SQL on the
// import's own pg connection (COPY needs pg, not Prisma): one audit event per batch that wrote
// rows, and a recompute request coalesced exactly as lib/jobs/queue.ts does it.
import type pg from "pg";
import { env } from "@/lib/env";
import { RECOMPUTE_JOB } from "@/lib/jobs/queue";

export async function recordBatchAudit(client: pg.ClientBase, actorId: number | null, importId: number, after: Record<string, unknown>): Promise<void> {
  await client.query(
    "INSERT INTO audit_events (actor_id, action, entity_type, entity_id, after) VALUES ($1, 'import.batch', 'import_batch', $2, $3)",
    [actorId, String(importId), JSON.stringify(after)],
  );
}

/** Same statement as enqueueRecompute (lib/jobs/queue.ts): at most one queued job, debounced. */
export async function enqueueRecomputeSql(client: pg.ClientBase, reason: string): Promise<void> {
  const runAfter = new Date(Date.now() + env().RECOMPUTE_DEBOUNCE_SECONDS * 1000);
  await client.query(
    `INSERT INTO "jobs" ("kind", "payload", "status", "run_after")
     VALUES ($1, jsonb_build_object('reasons', jsonb_build_array($2::text)), 'queued', $3)
     ON CONFLICT ("kind") WHERE "status" = 'queued'
     DO UPDATE SET "run_after" = EXCLUDED."run_after",
                   "payload" = jsonb_set("jobs"."payload", '{reasons}',
                     (SELECT jsonb_agg(DISTINCT r) FROM jsonb_array_elements(("jobs"."payload"->'reasons') || (EXCLUDED."payload"->'reasons')) r))`,
    [RECOMPUTE_JOB, reason, runAfter],
  );
}
