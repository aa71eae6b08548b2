// enqueueRecompute under a stream of writes: a queued job that already lists the reason and cannot
// start before the transaction ends is left alone (no row lock, so writes do not queue behind one
// another); otherwise the job is upserted exactly as before.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import pg from "pg";

// env() is read once per process: the debounce each block needs comes through this switch.
const debounce = vi.hoisted(() => ({ seconds: 60 }));
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return { ...actual, env: () => ({ ...actual.env(), RECOMPUTE_DEBOUNCE_SECONDS: debounce.seconds }) };
});
import { prisma } from "../../lib/db";
import { COVERED_MARGIN_SECONDS, RECOMPUTE_JOB, enqueueRecompute } from "../../lib/jobs/queue";

let pool: pg.Pool;

async function enqueue(reason: string) {
  await prisma.$transaction((tx) => enqueueRecompute(tx, reason));
}

async function queued(): Promise<{ reasons: string[]; inSeconds: number }[]> {
  const { rows } = await pool.query<{ reasons: string[]; in_seconds: number }>(
    "SELECT payload->'reasons' AS reasons, extract(epoch FROM run_after - now())::float8 AS in_seconds FROM jobs WHERE kind = $1 AND status = 'queued'", [RECOMPUTE_JOB]);
  return rows.map((r) => ({ reasons: [...r.reasons].sort(), inSeconds: r.in_seconds }));
}

beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});
afterAll(async () => {
  await pool.end();
});
beforeEach(async () => {
  await pool.query("DELETE FROM jobs");
});

describe("enqueueRecompute with a debounce longer than the margin", () => {
  beforeAll(() => {
    debounce.seconds = 60;
  });

  test("a covered write leaves the queued job as it is; a new reason still joins it", async () => {
    await enqueue("contribution.create");
    await pool.query("UPDATE jobs SET run_after = now() + interval '40 seconds'");
    await enqueue("contribution.create");
    let [job] = await queued();
    expect(job.reasons).toEqual(["contribution.create"]);
    expect(job.inSeconds).toBeGreaterThan(38);
    expect(job.inSeconds).toBeLessThanOrEqual(40);
    await enqueue("link.create");
    [job] = await queued();
    expect(job.reasons).toEqual(["contribution.create", "link.create"]);
    expect(job.inSeconds).toBeGreaterThan(58);
  });

  test(`a job due within ${COVERED_MARGIN_SECONDS} s is pushed back by the full debounce`, async () => {
    await enqueue("contribution.create");
    await pool.query(`UPDATE jobs SET run_after = now() + interval '${COVERED_MARGIN_SECONDS - 1} seconds'`);
    await enqueue("contribution.create");
    const jobs = await queued();
    expect(jobs).toHaveLength(1);
    expect(jobs[0].inSeconds).toBeGreaterThan(58);
  });

  test("once the job is running, the next write queues a new one", async () => {
    await enqueue("contribution.create");
    await pool.query("UPDATE jobs SET status = 'running'");
    await enqueue("contribution.create");
    const jobs = await queued();
    expect(jobs).toHaveLength(1);
    expect(jobs[0].reasons).toEqual(["contribution.create"]);
  });
});

describe("enqueueRecompute with a short debounce", () => {
  beforeAll(() => {
    debounce.seconds = 5;
  });

  test("every write pushes the queued job back, as before", async () => {
    await enqueue("contribution.create");
    await pool.query("UPDATE jobs SET run_after = now() + interval '1 second'");
    await enqueue("contribution.create");
    const [job] = await queued();
    expect(job.inSeconds).toBeGreaterThan(4);
  });
});
